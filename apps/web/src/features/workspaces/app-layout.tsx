import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Spinner } from '../../components';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

/** The signed-in frame: header (brand, workspace switcher, account menu) and the page. */
export function AppLayout() {
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Raisin
        </Link>
        <WorkspaceSwitcher />
        <div className="app-header__spacer" />
        <UserMenu />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
