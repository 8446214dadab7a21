import { useOutletContext } from 'react-router';
import type { Workspace } from '../../lib/api-types';

export interface WorkspaceOutletContext {
  workspace: Workspace;
}

/** The workspace loaded by `WorkspaceGate`, for pages under `/w/:workspaceId`. */
export function useWorkspace(): Workspace {
  return useOutletContext<WorkspaceOutletContext>().workspace;
}
