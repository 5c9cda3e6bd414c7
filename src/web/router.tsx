import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePermission, PageSpin } from './auth/guards';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { navFor } from './layout/nav';

// Pages load on demand so the login screen does not pay for every module's code.
const pages: Record<string, LazyExoticComponent<ComponentType>> = {
  '/org/units': lazy(() => import('../modules/org/pages/UnitTreePage')),
  '/org/officials': lazy(() => import('../modules/org/pages/OfficialsPage')),
  '/org/companies': lazy(() => import('../modules/org/pages/CompaniesPage')),
  '/system/users': lazy(() => import('../modules/org/pages/UsersPage')),
  '/system/roles': lazy(() => import('../modules/org/pages/RolesPage')),
  '/audit': lazy(() => import('../platform/audit/pages/AuditLogPage')),
  '/analysis/dashboard': lazy(() => import('../modules/analysis/pages/DashboardPage')),
  '/analysis/reports': lazy(() => import('../modules/analysis/pages/ReportsPage')),
  '/settings': lazy(() => import('./pages/SettingsPage')),
};

function guarded(path: string) {
  const Page = pages[path];
  const permission = navFor(path)?.permission;
  const page = (
    <Suspense fallback={<PageSpin />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          {Object.keys(pages).map((path) => (
            <Route key={path} path={path} element={guarded(path)} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
