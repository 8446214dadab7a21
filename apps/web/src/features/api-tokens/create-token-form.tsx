import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, CopyLinkField, ErrorMessage, TextField } from '../../components';
import { Select } from '../../components/select';
import { describeApiError } from '../../lib/api-error';
import { endOfLocalDay, localToday } from '../../lib/expiry';
import { ROLE_LABELS } from '../../lib/roles';
import { tooLongMessage } from '../../lib/text-limit';
import { trpc } from '../../lib/trpc';

type TokenRole = 'editor' | 'viewer';

const ROLE_OPTIONS: { value: TokenRole; label: string }[] = [
  { value: 'editor', label: ROLE_LABELS.editor },
  { value: 'viewer', label: ROLE_LABELS.viewer },
];

const NAME_MAX = 80;

/** Creates a named token (editor or viewer, optionally expiring) and shows it once, to copy. */
export function CreateTokenForm({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('editor');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<{ name?: string; expiresOn?: string }>({});
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: async () => {
        setName('');
        setExpiresOn('');
        await queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() });
      },
    }),
  );
  const created = create.data ? { ...create.data, name: create.variables.name.trim() } : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const found: { name?: string; expiresOn?: string } = {};
    const tooLong = tooLongMessage('Token name', trimmed, NAME_MAX);
    if (trimmed === '') found.name = 'Token name: name the job that will use it, e.g. "Nightly labels".';
    else if (tooLong) found.name = tooLong;
    // A token expiring today works until the end of the day (`endOfLocalDay`).
    if (expiresOn !== '' && expiresOn < localToday()) {
      found.expiresOn = 'Expires on: choose today or a later day.';
    }
    setErrors(found);
    if (found.name || found.expiresOn) return;
    create.mutate({
      workspaceId,
      name: trimmed,
      role,
      ...(expiresOn === '' ? {} : { expiresAt: endOfLocalDay(expiresOn) }),
    });
  }

  return (
    <section aria-labelledby="create-token-heading" className="section panel">
      <h2 id="create-token-heading">Create a token</h2>
      <p className="muted">
        An editor token pushes batches and reads results; a viewer token only reads. A token is never above
        your own role.
      </p>
      <form className="token-form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Token name"
          value={name}
          limit={NAME_MAX}
          autoComplete="off"
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <Select<TokenRole> label="Role" value={role} options={ROLE_OPTIONS} onValueChange={setRole} />
        <TextField
          label="Expires on (optional)"
          type="date"
          value={expiresOn}
          min={localToday()}
          error={errors.expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
        />
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create token
        </Button>
      </form>
      {create.isError && <ErrorMessage>{describeApiError(create.error)}</ErrorMessage>}
      {created && (
        <div className="invite-result">
          <p>
            Copy the token for <strong>{created.name}</strong> now: it is shown only once, and Raisin keeps
            only a fingerprint of it. Give it to the job as the <code>RAISIN_TOKEN</code> environment variable
            (a CI secret), never on a command line.
          </p>
          <CopyLinkField label="New API token" url={created.token} noun="token" />
        </div>
      )}
    </section>
  );
}
