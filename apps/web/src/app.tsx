import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes } from 'react-router';
import { NotFound, Spinner } from './components';
import { RequireAuth, SignInPage, SignUpPage } from './features/auth';

// The sign-in and sign-up forms are in the entry chunk (they are the first page most visits see); every
// signed-in area is its own chunk, so the sign-in page downloads none of it (charts arrive with later tabs).
const AppLayout = lazy(() => import('./features/workspaces').then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('./features/workspaces').then((m) => ({ default: m.HomePage })));
const WorkspaceGate = lazy(() => import('./features/workspaces').then((m) => ({ default: m.WorkspaceGate })));
const ProjectsPage = lazy(() => import('./features/projects').then((m) => ({ default: m.ProjectsPage })));
const PortfolioPage = lazy(() => import('./features/portfolio').then((m) => ({ default: m.PortfolioPage })));
const MembersPage = lazy(() => import('./features/members').then((m) => ({ default: m.MembersPage })));
const ApiTokensPage = lazy(() => import('./features/api-tokens').then((m) => ({ default: m.ApiTokensPage })));
const InvitePage = lazy(() => import('./features/invitations').then((m) => ({ default: m.InvitePage })));
const ProjectPage = lazy(() => import('./features/project-shell').then((m) => ({ default: m.ProjectPage })));
// A shared report is read without an account: outside RequireAuth and without the app's navigation.
const SharePage = lazy(() => import('./features/report').then((m) => ({ default: m.SharePage })));

/** Pages without the signed-in header: sign-in and sign-up. */
function PlainLayout() {
  return (
    <main id="main" className="plain-main">
      <Suspense fallback={<Spinner />}>
        <Outlet />
      </Suspense>
    </main>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Spinner />}>
        <Routes>
          <Route element={<PlainLayout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
          </Route>
          <Route path="/s/:token" element={<SharePage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="invite/:token" element={<InvitePage />} />
              <Route path="w/:workspaceId" element={<WorkspaceGate />}>
                <Route index element={<ProjectsPage />} />
                <Route path="portfolio" element={<PortfolioPage />} />
                <Route path="members" element={<MembersPage />} />
                <Route path="api-tokens" element={<ApiTokensPage />} />
                <Route path="p/:projectId" element={<Navigate to="worksheet" replace />} />
                <Route path="p/:projectId/:tab" element={<ProjectPage />} />
                <Route path="*" element={<NotFound />} />
              </Route>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
