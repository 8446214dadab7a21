import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { EmptyState, ErrorMessage, Spinner } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { useUiStore } from '../../stores';
import { useSession } from '../auth';
import { CreateDemoButton } from '../demo';
import { CreateWorkspaceForm } from './create-workspace-form';

/** `/`: opens the last-used workspace, else the first one, else invites the user to create one. */
export function HomePage() {
  const workspaces = useQuery(trpc.workspaces.list.queryOptions());
  const userId = useSession().data?.user?.id ?? '';
  const lastWorkspaceId = useUiStore((state) => state.lastWorkspaceByUser[userId]);
  const navigate = useNavigate();

  if (workspaces.isPending) return <Spinner label="Loading your workspaces…" />;
  if (workspaces.isError) return <ErrorMessage>{describeApiError(workspaces.error)}</ErrorMessage>;

  const target = workspaces.data.find((workspace) => workspace.id === lastWorkspaceId) ?? workspaces.data[0];
  if (target) return <Navigate to={`/w/${target.id}`} replace />;

  return (
    <div className="page page--narrow">
      <title>Welcome · Raisin</title>
      <h1>Welcome to Raisin</h1>
      <EmptyState title="Create your first workspace">
        <p>A workspace holds your team's projects. You can invite teammates once it exists.</p>
        <CreateWorkspaceForm onCreated={(workspaceId) => navigate(`/w/${workspaceId}`)} />
      </EmptyState>
      <EmptyState title="Or explore the demo" action={<CreateDemoButton />}>
        <p>
          A complete example project, “Medicines detector for product titles”, with every tab filled in, in a
          workspace of its own that you can delete at any time.
        </p>
      </EmptyState>
    </div>
  );
}
