import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorMessage, NotFound, Spinner } from '../../components';
import { Tabs } from '../../components/tabs';
import { describeApiError, isNotFoundOrForbidden } from '../../lib/api-error';
import { hasRole } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { ExportProjectButton } from '../portability';
import { ArchiveProjectButton } from './archive-project-button';
import { PROJECT_TABS, type ProjectTab, parseProjectTab, projectTabPath } from './project-tabs';
import { RenameProjectDialog } from './rename-project-dialog';

// Each tab is its own chunk: a project page loads only the selected tab's code (and charts only with their tab).
const WorksheetTab = lazy(() => import('../worksheet').then((m) => ({ default: m.WorksheetTab })));
const RoadmapTab = lazy(() => import('../roadmap').then((m) => ({ default: m.RoadmapTab })));
const AgreementTab = lazy(() => import('../agreement').then((m) => ({ default: m.AgreementTab })));
const TradeoffTab = lazy(() => import('../tradeoff').then((m) => ({ default: m.TradeoffTab })));
const ReportTab = lazy(() => import('../report').then((m) => ({ default: m.ReportTab })));

/** `/w/:workspaceId/p/:projectId/:tab`: the project header and its tabs; the selected tab IS the URL. */
export function ProjectPage() {
  const { workspaceId = '', projectId = '', tab: tabSegment } = useParams();
  const tab = parseProjectTab(tabSegment);
  const navigate = useNavigate();
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }));

  if (!tab) return <NotFound />;
  if (project.isPending) return <Spinner label="Loading project…" />;
  if (project.isError) {
    if (isNotFoundOrForbidden(project.error)) return <NotFound />;
    return <ErrorMessage>{describeApiError(project.error)}</ErrorMessage>;
  }
  // A project reached through another workspace's URL is not "in" this one.
  if (project.data.workspaceId !== workspaceId) return <NotFound />;

  const canEdit = hasRole(project.data.role, 'editor');
  const current = PROJECT_TABS.find((candidate) => candidate.value === tab) ?? PROJECT_TABS[0];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <title>{`${current.label} · ${project.data.name} · Raisin`}</title>
          <h1>{project.data.name}</h1>
          {project.data.archived && <span className="badge">Archived</span>}
          {project.data.description && <p className="muted">{project.data.description}</p>}
        </div>
        <div className="actions">
          <ExportProjectButton projectId={project.data.id} projectName={project.data.name} />
          {canEdit && <RenameProjectDialog project={project.data} />}
          {canEdit && <ArchiveProjectButton project={project.data} />}
        </div>
      </div>
      {!canEdit && (
        <p className="notice">You can view this project. Ask an owner for the editor role to change it.</p>
      )}
      <Tabs<ProjectTab>
        label="Project sections"
        value={tab}
        items={PROJECT_TABS}
        onValueChange={(next) => navigate(projectTabPath(workspaceId, projectId, next))}
      >
        {tab === 'worksheet' ? (
          <Suspense fallback={<Spinner label="Loading worksheet…" />}>
            <WorksheetTab
              workspaceId={workspaceId}
              projectId={projectId}
              projectName={project.data.name}
              canEdit={canEdit}
            />
          </Suspense>
        ) : tab === 'agreement' ? (
          <Suspense fallback={<Spinner label="Loading agreement…" />}>
            <AgreementTab projectId={projectId} canEdit={canEdit} />
          </Suspense>
        ) : tab === 'tradeoff' ? (
          <Suspense fallback={<Spinner label="Loading tradeoff…" />}>
            <TradeoffTab projectId={projectId} canEdit={canEdit} />
          </Suspense>
        ) : tab === 'roadmap' ? (
          <Suspense fallback={<Spinner label="Loading roadmap…" />}>
            <RoadmapTab projectId={projectId} canEdit={canEdit} />
          </Suspense>
        ) : (
          <Suspense fallback={<Spinner label="Loading report…" />}>
            <ReportTab
              projectId={projectId}
              projectName={project.data.name}
              canEdit={canEdit}
              isOwner={hasRole(project.data.role, 'owner')}
            />
          </Suspense>
        )}
      </Tabs>
    </div>
  );
}
