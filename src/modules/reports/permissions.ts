import type { Kysely } from 'kysely';
import type { PermissionInfo } from '../../platform/auth/permissions';
import type { DB } from '../../platform/db/schema';

export const reportPermissions: PermissionInfo[] = [
  { code: 'reports.report.read', group: 'reports', labelZh: '查看信访举报', labelEn: 'View reports' },
  { code: 'reports.report.create', group: 'reports', labelZh: '登记信访举报', labelEn: 'Register reports' },
  { code: 'reports.report.handle', group: 'reports', labelZh: '办理信访举报（分办、转办、答复、办结）', labelEn: 'Handle reports (route, reply, close)' },
  { code: 'reports.report.supervise', group: 'reports', labelZh: '督办', labelEn: 'Supervise handling' },
  { code: 'reports.extension.approve', group: 'reports', labelZh: '审批延期', labelEn: 'Approve extensions' },
  { code: 'reports.identity.reveal', group: 'reports', labelZh: '查看举报人身份（须说明理由）', labelEn: 'Reveal reporter identity (with a reason)' },
  { code: 'reports.routing.write', group: 'reports', labelZh: '维护分办规则和效能投诉类别', labelEn: 'Edit routing rules and efficiency categories' },
];

/**
 * What the built-in roles get from this module, and the 政风行风监测点 monitor role (own reports only).
 * The org module's builtinRoles.ts predates this module; until roles can take grants from modules this adds
 * them, idempotently, and never removes anything an office has changed.
 */
const grants: Record<string, string[]> = {
  intakeOfficer: ['reports.report.read', 'reports.report.create', 'reports.report.handle', 'reports.report.supervise', 'reports.routing.write'],
  cdiLeader: ['reports.report.read', 'reports.report.supervise', 'reports.extension.approve', 'reports.identity.reveal'],
  caseHandler: ['reports.report.read'],
  townshipCommittee: ['reports.report.read', 'reports.report.create', 'reports.report.handle'],
  sysadmin: ['reports.routing.write'],
};

const GRANTED = 'reports.roleGrants.v1';

/**
 * Applied once per database (a settings flag records it), so a permission an office later removes from a
 * built-in role stays removed across restarts. Safe to call on every start.
 */
export async function ensureReportRoles(db: Kysely<DB>): Promise<void> {
  if (await db.selectFrom('settings').select('key').where('key', '=', GRANTED).executeTakeFirst()) return;
  if (!(await db.selectFrom('roles').select('id').where('code', '=', 'intakeOfficer').executeTakeFirst())) return; // no built-in roles yet
  await db.insertInto('roles').values({ code: 'monitor', name: '政风行风监测员', permissions: ['reports.report.create', 'reports.report.read'], data_scope: 'self', builtin: true })
    .onConflict((oc) => oc.column('code').doNothing()).execute();
  const roles = await db.selectFrom('roles').select(['id', 'code', 'permissions']).where('code', 'in', Object.keys(grants)).execute();
  for (const r of roles) {
    const missing = grants[r.code].filter((p) => !r.permissions.includes(p));
    if (missing.length > 0) await db.updateTable('roles').set({ permissions: [...r.permissions, ...missing], updated_at: new Date() }).where('id', '=', r.id).execute();
  }
  await db.insertInto('settings').values({ key: GRANTED, value: JSON.stringify({ at: new Date().toISOString() }) }).onConflict((oc) => oc.column('key').doNothing()).execute();
}
