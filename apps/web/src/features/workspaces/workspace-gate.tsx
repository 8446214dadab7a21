import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { ErrorMessage, NotFound, Spinner } from '../../components';
import { describeApiError, isNotFoundOrForbidden } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { useUiStore } from '../../stores';
import { useSession } from '../auth';
import type { WorkspaceOutletContext } from './workspace-context';

/** Loads `/w/:workspaceId` once for every page under it; a workspace the user cannot see is simply "not found". */
export function WorkspaceGate() {
  const { workspaceId = '' } = useParams();
  const workspace = useQuery(trpc.workspaces.get.queryOptions({ workspaceId }));
  const rememberWorkspace = useUiStore((state) => state.rememberWorkspace);
  const userId = useSession().data?.user?.id;

  useEffect(() => {
    if (workspace.data && userId) rememberWorkspace(userId, workspace.data.id);
  }, [workspace.data, userId, rememberWorkspace]);

  if (workspace.isPending) return <Spinner label="Loading workspace…" />;
  if (workspace.isError) {
    if (isNotFoundOrForbidden(workspace.error)) return <NotFound />;
    return <ErrorMessage>{describeApiError(workspace.error)}</ErrorMessage>;
  }

  const context: WorkspaceOutletContext = { workspace: workspace.data };
  return (
    <>
      <nav className="workspace-nav" aria-label="Workspace">
        <NavLink to={`/w/${workspaceId}`} end className="workspace-nav__link">
          Projects
        </NavLink>
        <NavLink to={`/w/${workspaceId}/portfolio`} className="workspace-nav__link">
          Portfolio
        </NavLink>
        <NavLink to={`/w/${workspaceId}/members`} className="workspace-nav__link">
          Members
        </NavLink>
        <NavLink to={`/w/${workspaceId}/api-tokens`} className="workspace-nav__link">
          API tokens
        </NavLink>
      </nav>
      <Outlet context={context} />
    </>
  );
}
