import './api-tokens.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ACTIONS_COLUMN,
  ApiErrorMessage,
  ConfirmButton,
  DataTable,
  EmptyState,
  QueryStatus,
} from '../../components';
import type { ApiToken } from '../../lib/api-types';
import { formatWhen, hasExpired } from '../../lib/expiry';
import { hasRole, ROLE_LABELS } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { useInvalidate } from '../../lib/use-invalidate';
import { useWorkspace } from '../workspaces';
import { CreateTokenForm } from './create-token-form';

function tokenStatus(token: ApiToken): string {
  if (token.revokedAt) return `Revoked ${formatWhen(token.revokedAt, '')}`;
  if (hasExpired(token.expiresAt)) return 'Expired';
  return 'Active';
}

/**
 * `/w/:workspaceId/api-tokens`: tokens for jobs that push labeled batches or read results through the
 * REST API. Editors and owners create, list and revoke them; viewers are told who can.
 */
export function ApiTokensPage() {
  const workspace = useWorkspace();
  const canManage = hasRole(workspace.role, 'editor');

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <title>{`API tokens · ${workspace.name} · Raisin`}</title>
          <h1>API tokens</h1>
          <p className="muted">{workspace.name}</p>
        </div>
      </div>
      <p>
        A token lets a job (a CI pipeline, a nightly labeling export) use Raisin's REST API for this
        workspace: push a labeled batch with <code>raisin agreement FILE --push</code> and read the trend of
        batches. The API is described by its OpenAPI document,{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {canManage ? (
        <>
          <CreateTokenForm workspaceId={workspace.id} />
          <TokenList workspaceId={workspace.id} />
        </>
      ) : (
        <p className="notice">Only editors and owners can see and manage this workspace's API tokens.</p>
      )}
    </div>
  );
}

function TokenList({ workspaceId }: { workspaceId: string }) {
  const tokens = useQuery(trpc.apiTokens.list.queryOptions({ workspaceId }));
  const refresh = useInvalidate(trpc.apiTokens.list.queryKey());
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSettled: refresh }));

  return (
    <section aria-labelledby="tokens-heading" className="section">
      <h2 id="tokens-heading">Tokens of this workspace</h2>
      <QueryStatus query={tokens} loading="Loading tokens…" />
      <ApiErrorMessage error={revoke.error} />
      {tokens.data?.length === 0 && (
        <EmptyState title="No API tokens yet" headingLevel={3}>
          <p>
            Create one above for each job that should push batches or read results, so that each can be
            revoked on its own.
          </p>
        </EmptyState>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <DataTable
          label="API tokens"
          className="token-table"
          caption="API tokens, newest first"
          captionHidden
          columns={['Name', 'Role', 'Created', 'Last used', 'Expires', 'Status', ACTIONS_COLUMN]}
        >
          {tokens.data.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td className="nowrap">{ROLE_LABELS[token.role]}</td>
              <td>
                <span className="nowrap">{formatWhen(token.createdAt, '')}</span>
                {token.createdByName && <span className="muted"> by {token.createdByName}</span>}
              </td>
              <td className="nowrap">{formatWhen(token.lastUsedAt, 'never')}</td>
              <td className="nowrap">{formatWhen(token.expiresAt, 'never')}</td>
              <td>{tokenStatus(token)}</td>
              <td className="nowrap">
                {token.revokedAt === null && (
                  <ConfirmButton
                    variant="danger"
                    aria-label={`Revoke ${token.name}`}
                    disabled={revoke.isPending}
                    confirm={`Revoke ${token.name}? Jobs using it are refused from their next request.`}
                    onConfirm={() => revoke.mutate({ workspaceId, tokenId: token.id })}
                  >
                    Revoke
                  </ConfirmButton>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
