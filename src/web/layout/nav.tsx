import type { ReactNode } from 'react';
import {
  EditOutlined,
  ApartmentOutlined, AuditOutlined, MailOutlined, DashboardOutlined, FileTextOutlined, BankOutlined, HomeOutlined, SafetyCertificateOutlined,
  SettingOutlined, TeamOutlined, UserOutlined, FileSearchOutlined, FolderOpenOutlined, IdcardOutlined, UnorderedListOutlined,
  AlertOutlined, ProjectOutlined, FlagOutlined, DeploymentUnitOutlined, CloudUploadOutlined, ControlOutlined,
  BookOutlined, WarningOutlined, ExceptionOutlined,
  CheckSquareOutlined, SolutionOutlined,
  ScheduleOutlined, FileDoneOutlined, StarOutlined,
  AccountBookOutlined, BarChartOutlined, ProfileOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';

/** One entry per menu item; the router guards the same paths with the same permission. */
export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  permission?: string;
  group?: NavGroup;
}

/** Menu groups in display order; a module with its own group adds it here (label key `menu.group.<key>`). */
export const navGroups = [
  { key: 'analysis', label: 'menu.group.analysis' },
  { key: 'reports', label: 'menu.group.reports' },
  { key: 'cases', label: 'menu.group.cases' },
  { key: 'risk', label: 'menu.group.risk' },
  { key: 'spending', label: 'menu.group.spending' },
  { key: 'penalty', label: 'menu.group.penalty' },
  { key: 'campaigns', label: 'menu.group.campaigns' },
  { key: 'duty', label: 'menu.group.duty' },
  { key: 'disclosure', label: 'menu.group.disclosure' },
  { key: 'villageAssets', label: 'menu.group.villageAssets' },
  { key: 'prevention', label: 'menu.group.prevention' },
  { key: 'accountability', label: 'menu.group.accountability' },
  { key: 'org', label: 'menu.group.org' },
  { key: 'system', label: 'menu.group.system' },
] as const satisfies ReadonlyArray<{ key: string; label: MessageKey }>;
export type NavGroup = (typeof navGroups)[number]['key'];

export const navItems: NavItem[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined />, testId: 'menu-home' },
  { path: '/analysis/dashboard', label: 'menu.dashboard', icon: <DashboardOutlined />, testId: 'menu-dashboard', permission: 'analysis.read', group: 'analysis' },
  { path: '/analysis/reports', label: 'menu.analysisReports', icon: <FileTextOutlined />, testId: 'menu-analysis-reports', permission: 'analysis.read', group: 'analysis' },
  { path: '/analysis/templates', label: 'menu.analysisTemplates', icon: <EditOutlined />, testId: 'menu-analysis-templates', permission: 'analysis.read', group: 'analysis' },
  { path: '/reports', label: 'menu.reports', icon: <MailOutlined />, testId: 'menu-reports', permission: 'reports.report.read', group: 'reports' },
  { path: '/reports/settings', label: 'menu.reportSettings', icon: <ControlOutlined />, testId: 'menu-report-settings', permission: 'reports.routing.write', group: 'reports' },
  { path: '/cases/clues', label: 'menu.clues', icon: <FileSearchOutlined />, testId: 'menu-clues', permission: 'cases.clue.read', group: 'cases' },
  { path: '/cases/cases', label: 'menu.cases', icon: <FolderOpenOutlined />, testId: 'menu-cases', permission: 'cases.case.read', group: 'cases' },
  { path: '/cases/integrity', label: 'menu.integrity', icon: <IdcardOutlined />, testId: 'menu-integrity', permission: 'cases.integrity.read', group: 'cases' },
  { path: '/cases/case-types', label: 'menu.caseTypes', icon: <UnorderedListOutlined />, testId: 'menu-case-types', permission: 'cases.dictionary.write', group: 'cases' },
  { path: '/risk/hits', label: 'menu.riskHits', icon: <AlertOutlined />, testId: 'menu-risk-hits', permission: 'risk.read', group: 'risk' },
  { path: '/risk/processes', label: 'menu.riskProcesses', icon: <ProjectOutlined />, testId: 'menu-risk-processes', permission: 'risk.read', group: 'risk' },
  { path: '/risk/network', label: 'menu.riskNetwork', icon: <DeploymentUnitOutlined />, testId: 'menu-risk-network', permission: 'risk.read', group: 'risk' },
  { path: '/risk/imports', label: 'menu.riskImports', icon: <CloudUploadOutlined />, testId: 'menu-risk-imports', permission: 'risk.read', group: 'risk' },
  { path: '/penalty/decisions', label: 'menu.penaltyDecisions', icon: <AuditOutlined />, testId: 'menu-penalty-decisions', permission: 'penaltyDiscretion.read', group: 'penalty' },
  { path: '/penalty/benchmarks', label: 'menu.penaltyBenchmarks', icon: <BookOutlined />, testId: 'menu-penalty-benchmarks', permission: 'penaltyDiscretion.read', group: 'penalty' },
  { path: '/penalty/consistency', label: 'menu.penaltyConsistency', icon: <BarChartOutlined />, testId: 'menu-penalty-consistency', permission: 'penaltyDiscretion.read', group: 'penalty' },
  { path: '/campaigns', label: 'menu.campaigns', icon: <FlagOutlined />, testId: 'menu-campaigns', permission: 'campaigns.read', group: 'campaigns' },
  { path: '/duty/tasks', label: 'menu.dutyTasks', icon: <CheckSquareOutlined />, testId: 'menu-duty-tasks', permission: 'duty.read', group: 'duty' },
  { path: '/duty/meetings', label: 'menu.dutyMeetings', icon: <SolutionOutlined />, testId: 'menu-duty-meetings', permission: 'duty.read', group: 'duty' },
  { path: '/disclosure', label: 'menu.disclosureLedger', icon: <ScheduleOutlined />, testId: 'menu-disclosure', permission: 'disclosure.read', group: 'disclosure' },
  { path: '/disclosure/checks', label: 'menu.disclosureChecks', icon: <FileDoneOutlined />, testId: 'menu-disclosure-checks', permission: 'disclosure.read', group: 'disclosure' },
  { path: '/disclosure/sites', label: 'menu.disclosureSites', icon: <StarOutlined />, testId: 'menu-disclosure-sites', permission: 'disclosure.read', group: 'disclosure' },
  { path: '/village-assets/ledger', label: 'menu.villageLedger', icon: <BankOutlined />, testId: 'menu-village-ledger', permission: 'villageAssets.read', group: 'villageAssets' },
  { path: '/village-assets/summary', label: 'menu.villageSummary', icon: <BarChartOutlined />, testId: 'menu-village-summary', permission: 'villageAssets.read', group: 'villageAssets' },
  { path: '/prevention/rules', label: 'menu.preventionRules', icon: <BookOutlined />, testId: 'menu-prevention-rules', permission: 'prevention.read', group: 'prevention' },
  { path: '/prevention/risk-points', label: 'menu.riskPoints', icon: <WarningOutlined />, testId: 'menu-risk-points', permission: 'prevention.read', group: 'prevention' },
  { path: '/accountability', label: 'menu.accountability', icon: <ExceptionOutlined />, testId: 'menu-accountability', permission: 'accountability.read', group: 'accountability' },
  { path: '/spending/records', label: 'menu.spendingRecords', icon: <AccountBookOutlined />, testId: 'menu-spending-records', permission: 'spending.read', group: 'spending' },
  { path: '/spending/summary', label: 'menu.spendingSummary', icon: <BarChartOutlined />, testId: 'menu-spending-summary', permission: 'spending.read', group: 'spending' },
  { path: '/spending/standards', label: 'menu.spendingStandards', icon: <ProfileOutlined />, testId: 'menu-spending-standards', permission: 'spending.read', group: 'spending' },
  { path: '/org/units', label: 'menu.orgUnits', icon: <ApartmentOutlined />, testId: 'menu-org-units', permission: 'org.unit.read', group: 'org' },
  { path: '/org/officials', label: 'menu.officials', icon: <UserOutlined />, testId: 'menu-officials', permission: 'org.official.read', group: 'org' },
  { path: '/org/companies', label: 'menu.companies', icon: <BankOutlined />, testId: 'menu-companies', permission: 'org.company.read', group: 'org' },
  { path: '/system/users', label: 'menu.users', icon: <TeamOutlined />, testId: 'menu-users', permission: 'system.user.read', group: 'system' },
  { path: '/system/roles', label: 'menu.roles', icon: <SafetyCertificateOutlined />, testId: 'menu-roles', permission: 'system.role.read', group: 'system' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, testId: 'menu-audit', permission: 'audit.read', group: 'system' },
  { path: '/settings', label: 'menu.settings', icon: <SettingOutlined />, testId: 'menu-settings' },
];

export function navFor(path: string): NavItem | undefined {
  return navItems.find((n) => n.path === path);
}
