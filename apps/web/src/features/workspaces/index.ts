export { AppLayout } from './app-layout';
export { CreateWorkspaceForm } from './create-workspace-form';
export { DeleteWorkspaceButton } from './delete-workspace-button';
export { HomePage } from './home-page';
export { useWorkspace, type WorkspaceOutletContext } from './workspace-context';
export { WorkspaceGate } from './workspace-gate';
export { WorkspaceSwitcher } from './workspace-switcher';
