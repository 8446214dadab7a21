import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { CheckboxField, EmptyState, QueryStatus } from '../../components';
import { hasRole } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { CreateDemoButton } from '../demo';
import { ImportProjectButton } from '../portability';
import { DeleteWorkspaceButton, useWorkspace } from '../workspaces';
import { CreateProjectDialog } from './create-project-dialog';

/** `/w/:workspaceId`: the workspace's projects. */
export function ProjectsPage() {
  const workspace = useWorkspace();
  const [showArchived, setShowArchived] = useState(false);
  const projects = useQuery(
    trpc.projects.list.queryOptions({ workspaceId: workspace.id, includeArchived: showArchived }),
  );
  const canEdit = hasRole(workspace.role, 'editor');

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <title>{`Projects · ${workspace.name} · Raisin`}</title>
          <h1>{workspace.name}</h1>
          <p className="muted">Projects</p>
        </div>
        <div className="actions">
          {canEdit && projects.data && projects.data.length > 0 && (
            <CreateProjectDialog workspaceId={workspace.id} />
          )}
          {canEdit && <ImportProjectButton workspaceId={workspace.id} />}
          <CreateDemoButton />
          {hasRole(workspace.role, 'owner') && <DeleteWorkspaceButton workspace={workspace} />}
        </div>
      </div>
      <div className="toolbar">
        <CheckboxField
          label="Show archived projects"
          checked={showArchived}
          onCheckedChange={setShowArchived}
        />
      </div>
      <QueryStatus query={projects} loading="Loading projects…" />
      {projects.data?.length === 0 && (
        <EmptyState
          title={showArchived ? 'No projects yet' : 'No active projects'}
          action={canEdit ? <CreateProjectDialog workspaceId={workspace.id} /> : undefined}
        >
          <p>
            A project is one ML idea to assess: a worksheet, the human-agreement ceiling, the time–quality
            tradeoff and a roadmap.
            {!canEdit && ' Editors and owners of this workspace can create projects.'}
          </p>
          <p>New to Raisin? “Create the demo project” opens a complete example in a workspace of its own.</p>
        </EmptyState>
      )}
      {projects.data && projects.data.length > 0 && (
        <ul className="card-list" aria-label="Projects">
          {projects.data.map((project) => (
            <li key={project.id} className="card">
              <h2 className="card__title">
                <Link to={`/w/${workspace.id}/p/${project.id}/worksheet`}>{project.name}</Link>
              </h2>
              {project.archived && <span className="badge">Archived</span>}
              {project.description && <p className="card__body">{project.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
