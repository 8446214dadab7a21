import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, type ButtonVariant, ErrorMessage } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { demoProjectPath } from './demo-links';

/** Creates a fresh demo workspace ("Demo — Marketplace ML") and opens its project. */
export function CreateDemoButton({ variant = 'secondary' }: { variant?: ButtonVariant }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(
    trpc.demo.create.mutationOptions({
      onSuccess: async (demo) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        navigate(demoProjectPath(demo));
      },
    }),
  );
  return (
    <>
      <Button variant={variant} busy={create.isPending} onClick={() => create.mutate()}>
        {create.isPending ? 'Creating the demo…' : 'Create the demo project'}
      </Button>
      {create.isError && <ErrorMessage>{describeApiError(create.error)}</ErrorMessage>}
    </>
  );
}
