import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePermission, PageSpin } from './auth/guards';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { navFor } from './layout/nav';

// The citizens' page lives outside the signed-in shell (it is also what an internet-zone deployment serves).
const PublicReportPage = lazy(() => import('../modules/reports/pages/PublicReportPage'));

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
  '/analysis/templates': lazy(() => import('../modules/analysis/pages/TemplatesPage')),
  '/reports': lazy(() => import('../modules/reports/pages/ReportsPage')),
  // Static segment: React Router ranks it above '/reports/:id', so "settings" is never read as a report id.
  '/reports/settings': lazy(() => import('../modules/reports/pages/ReportSettingsPage')),
  '/reports/:id': lazy(() => import('../modules/reports/pages/ReportDetailPage')),
  '/cases/clues': lazy(() => import('../modules/cases/pages/CluesPage')),
  '/cases/cases': lazy(() => import('../modules/cases/pages/CasesPage')),
  '/cases/cases/:id': lazy(() => import('../modules/cases/pages/CaseDetailPage')),
  '/cases/integrity': lazy(() => import('../modules/cases/pages/IntegrityPage')),
  '/cases/case-types': lazy(() => import('../modules/cases/pages/CaseTypesPage')),
  '/risk/hits': lazy(() => import('../modules/risk/pages/HitsPage')),
  '/risk/processes': lazy(() => import('../modules/risk/pages/ProcessesPage')),
  '/risk/processes/:id': lazy(() => import('../modules/risk/pages/ProcessPage')),
  '/risk/network': lazy(() => import('../modules/risk/pages/NetworkPage')),
  '/risk/imports': lazy(() => import('../modules/risk/pages/ImportsPage')),
  '/campaigns': lazy(() => import('../modules/campaigns/pages/CampaignsPage')),
  '/campaigns/:id': lazy(() => import('../modules/campaigns/pages/CampaignPage')),
  '/duty/tasks': lazy(() => import('../modules/duty/pages/TasksPage')),
  '/duty/meetings': lazy(() => import('../modules/duty/pages/MeetingsPage')),
  '/duty/meetings/:id': lazy(() => import('../modules/duty/pages/MeetingPage')),
  '/duty/rounds/:id': lazy(() => import('../modules/duty/pages/RoundPage')),
  '/disclosure': lazy(() => import('../modules/disclosure/pages/DisclosurePage')),
  '/disclosure/checks': lazy(() => import('../modules/disclosure/pages/ChecksPage')),
  '/disclosure/sites': lazy(() => import('../modules/disclosure/pages/SitesPage')),
  '/prevention/rules': lazy(() => import('../modules/prevention/pages/RulesPage')),
  '/prevention/risk-points': lazy(() => import('../modules/prevention/pages/RiskPointsPage')),
  '/accountability': lazy(() => import('../modules/accountability/pages/AccountabilityPage')),
  '/spending/records': lazy(() => import('../modules/spending/pages/RecordsPage')),
  '/spending/summary': lazy(() => import('../modules/spending/pages/SummaryPage')),
  '/spending/standards': lazy(() => import('../modules/spending/pages/StandardsPage')),
  '/penalty/decisions': lazy(() => import('../modules/penaltyDiscretion/pages/DecisionsPage')),
  '/penalty/benchmarks': lazy(() => import('../modules/penaltyDiscretion/pages/BenchmarksPage')),
  '/penalty/consistency': lazy(() => import('../modules/penaltyDiscretion/pages/ConsistencyPage')),
  '/village-assets/ledger': lazy(() => import('../modules/villageAssets/pages/LedgerPage')),
  '/village-assets/summary': lazy(() => import('../modules/villageAssets/pages/SummaryPage')),
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
      <Route path="/public" element={<Suspense fallback={<PageSpin />}><PublicReportPage /></Suspense>} />
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
