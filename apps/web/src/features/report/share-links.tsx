import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Button,
  CheckboxField,
  ConfirmButton,
  CopyLinkField,
  ErrorMessage,
  TextField,
} from '../../components';
import { describeApiError } from '../../lib/api-error';
import { endOfLocalDay, formatWhen, hasExpired, localToday } from '../../lib/expiry';
import { trpc } from '../../lib/trpc';
import { useInvalidate } from '../../lib/use-invalidate';
import { ReportTable } from './report-section';

const LINK_COLUMNS = ['Created', 'Expires', 'Last opened', 'Opens', 'Link preview', 'Feedback', 'Status'];

function linkStatus(link: { revokedAt: string | null; expiresAt: string | null }): string {
  if (link.revokedAt) return `Revoked ${formatWhen(link.revokedAt, '')}`;
  if (hasExpired(link.expiresAt)) return 'Expired';
  return 'Active';
}

/**
 * Share links of one version: create one (optionally expiring, optionally taking readers' decisions), copy
 * its URL (shown only once), and see
 * every link of the version with when it was last opened, how often, and Revoke (after a confirmation).
 */
export function ShareLinks(props: {
  projectId: string;
  versionId: string;
  versionNumber: number;
  canEdit: boolean;
}) {
  const { projectId, versionId, canEdit } = props;
  const links = useQuery(trpc.report.listShareLinks.queryOptions({ projectId }));
  const refresh = useInvalidate(trpc.report.listShareLinks.queryKey({ projectId }));
  const create = useMutation(trpc.report.createShareLink.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.report.revokeShareLink.mutationOptions({ onSettled: refresh }));
  const [expiresOn, setExpiresOn] = useState('');
  const [expiresError, setExpiresError] = useState<string | undefined>();
  const [previewNumbers, setPreviewNumbers] = useState(false);
  const [allowFeedback, setAllowFeedback] = useState(false);
  // Built by the server: at the address the editor uses, or at RAISIN_PUBLIC_URL when that is set.
  const url = create.data?.url ?? null;
  const mine = (links.data ?? []).filter((link) => link.versionId === versionId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server refuses a past expiry with a bare BAD_REQUEST; name the field and keep the request local.
    // A link expiring today works until the end of the day (`endOfLocalDay`).
    if (expiresOn !== '' && expiresOn < localToday()) {
      setExpiresError('Expires on: choose today or a later day (a link cannot expire in the past)');
      return;
    }
    setExpiresError(undefined);
    create.mutate({
      projectId,
      versionId,
      previewNumbers,
      allowFeedback,
      ...(expiresOn === '' ? {} : { expiresAt: endOfLocalDay(expiresOn) }),
    });
  }

  return (
    <section aria-labelledby="share-heading" className="section panel report-controls">
      <h3 id="share-heading">Share version {props.versionNumber} by link</h3>
      <p className="muted">
        Anyone with the link reads this version without an account; nothing else of the workspace.
      </p>
      {canEdit && (
        <form className="share-form" onSubmit={onSubmit} noValidate>
          <TextField
            label="Expires on (optional)"
            type="date"
            value={expiresOn}
            min={localToday()}
            error={expiresError}
            onChange={(event) => {
              setExpiresOn(event.target.value);
              setExpiresError(undefined);
            }}
          />
          <CheckboxField
            label="Show the headline numbers in link previews"
            hint="Chat tools then show the verdict, ceiling and P50 next to the link; otherwise only the project and version."
            checked={previewNumbers}
            onCheckedChange={setPreviewNumbers}
          />
          <CheckboxField
            label="Allow feedback: readers can record a decision"
            hint="Readers of the link then approve, approve with conditions, request changes or reject, with a comment, their name and e-mail. Off: the link only reads."
            checked={allowFeedback}
            onCheckedChange={setAllowFeedback}
          />
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create share link
          </Button>
        </form>
      )}
      {create.isError && <ErrorMessage>{describeApiError(create.error)}</ErrorMessage>}
      {links.isError && <ErrorMessage>{describeApiError(links.error)}</ErrorMessage>}
      {links.isSuccess && mine.length === 0 && (
        <p className="muted">
          No link to this version yet.{canEdit ? '' : ' Editors and owners create them.'}
        </p>
      )}
      {url && (
        <div className="invite-result">
          <p>This link is shown only now: copy it before leaving the page.</p>
          <CopyLinkField label="Share link" url={url} />
        </div>
      )}
      {revoke.isError && <ErrorMessage>{describeApiError(revoke.error)}</ErrorMessage>}
      {mine.length > 0 && (
        <ReportTable
          caption={`Links to version ${props.versionNumber}`}
          columns={canEdit ? [...LINK_COLUMNS, 'Action'] : LINK_COLUMNS}
        >
          {mine.map((link) => (
            <tr key={link.id}>
              <td>
                {formatWhen(link.createdAt, '')}
                {link.createdByName && ` by ${link.createdByName}`}
              </td>
              <td>{formatWhen(link.expiresAt, 'never')}</td>
              <td>{formatWhen(link.lastOpenedAt, 'never')}</td>
              <td>{link.openCount}</td>
              <td>{link.previewNumbers ? 'With headline numbers' : 'Project and version only'}</td>
              <td>{link.allowFeedback ? 'Takes decisions' : 'Read only'}</td>
              <td>{linkStatus(link)}</td>
              {canEdit && (
                <td>
                  {link.revokedAt === null && (
                    <ConfirmButton
                      variant="danger"
                      aria-label={`Revoke the link created ${formatWhen(link.createdAt, '')}`}
                      confirm="Revoke this link? Anyone opening it will see that it was revoked."
                      onConfirm={() => revoke.mutate({ projectId, linkId: link.id })}
                    >
                      Revoke
                    </ConfirmButton>
                  )}
                </td>
              )}
            </tr>
          ))}
        </ReportTable>
      )}
    </section>
  );
}
