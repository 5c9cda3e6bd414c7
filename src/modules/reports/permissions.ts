import type { Kysely } from 'kysely';
import type { PermissionInfo } from '../../platform/auth/permissions';
import type { DB } from '../../platform/db/schema';
import { applyRoleGrants, type RoleGrants } from '../org/builtinRoles';

export const reportPermissions: PermissionInfo[] = [
  { code: 'reports.report.read', group: 'reports', labelZh: '查看信访举报', labelEn: 'View reports' },
  { code: 'reports.report.create', group: 'reports', labelZh: '登记信访举报', labelEn: 'Register reports' },
  { code: 'reports.report.handle', group: 'reports', labelZh: '办理信访举报（分办、转办、答复、办结）', labelEn: 'Handle reports (route, reply, close)' },
  { code: 'reports.report.supervise', group: 'reports', labelZh: '督办', labelEn: 'Supervise handling' },
  { code: 'reports.extension.approve', group: 'reports', labelZh: '审批延期', labelEn: 'Approve extensions' },
  { code: 'reports.identity.reveal', group: 'reports', labelZh: '查看举报人身份（须说明理由）', labelEn: 'Reveal reporter identity (with a reason)' },
  { code: 'reports.routing.write', group: 'reports', labelZh: '维护分办规则和效能投诉类别', labelEn: 'Edit routing rules and efficiency categories' },
];

/** What the built-in roles get from this module, and the 政风行风监测点 monitor role (own reports only). */
const grants: Record<string, string[]> = {
  intakeOfficer: ['reports.report.read', 'reports.report.create', 'reports.report.handle', 'reports.report.supervise', 'reports.routing.write'],
  cdiLeader: ['reports.report.read', 'reports.report.supervise', 'reports.extension.approve', 'reports.identity.reveal'],
  caseHandler: ['reports.report.read'],
  townshipCommittee: ['reports.report.read', 'reports.report.create', 'reports.report.handle'],
  sysadmin: ['reports.routing.write'],
};

export const reportRoleGrants: RoleGrants = {
  key: 'reports.v1',
  grants,
  roles: [{ code: 'monitor', name: '政风行风监测员', permissions: ['reports.report.create', 'reports.report.read'], dataScope: 'self' }],
};

/** Safe on every start: applied once per database (see applyRoleGrants). */
export function ensureReportRoles(db: Kysely<DB>): Promise<void> {
  return applyRoleGrants(db, reportRoleGrants);
}
