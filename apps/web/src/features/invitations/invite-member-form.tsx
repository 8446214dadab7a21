import { formatDateOfInstant } from '@raisin/core/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, CopyLinkField, ErrorMessage, TextField } from '../../components';
import { Select } from '../../components/select';
import { describeApiError } from '../../lib/api-error';
import { ROLE_LABELS, ROLES, type Role } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { EMAIL_MAX_LENGTH, validateEmail } from '../auth/validation';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Owners invite by email; there is no mail server, so the result is a link to copy and send. */
export function InviteMemberForm({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [emailError, setEmailError] = useState<string | undefined>();
  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: async () => {
        setEmail('');
        await queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
      },
    }),
  );
  // Built by the server: at the address the owner uses, or at RAISIN_PUBLIC_URL when that is set.
  const link = create.data?.url ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = validateEmail(email);
    setEmailError(error);
    if (error) return;
    create.mutate({ workspaceId, email: email.trim(), role });
  }

  return (
    <section aria-labelledby="invite-heading" className="section panel">
      <h2 id="invite-heading">Invite a teammate</h2>
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Email of the person to invite"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
          limit={EMAIL_MAX_LENGTH}
        />
        <Select<Role> label="Role" value={role} options={ROLE_OPTIONS} onValueChange={setRole} />
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create invitation link
        </Button>
      </form>
      {create.isError && <ErrorMessage>{describeApiError(create.error)}</ErrorMessage>}
      {create.data && link && (
        <div className="invite-result">
          <p>
            Send this link to <strong>{create.data.email}</strong> ({ROLE_LABELS[create.data.role]}). It works
            once and expires on {formatDateOfInstant(create.data.expiresAt)}. It is shown only now; an earlier
            link to this address no longer works.
          </p>
          <CopyLinkField label="Invitation link" url={link} />
        </div>
      )}
    </section>
  );
}
