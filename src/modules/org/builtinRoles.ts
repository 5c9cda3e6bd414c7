import type { Kysely } from 'kysely';
import type { Permission } from '../../platform/auth/permissions';
import type { DataScope, DB } from '../../platform/db/schema';

export interface BuiltinRole { code: string; name: string; permissions: Permission[]; dataScope: DataScope }

const orgRead: Permission[] = ['org.unit.read', 'org.official.read', 'org.company.read'];
const orgWrite: Permission[] = ['org.unit.write', 'org.official.write', 'org.official.import', 'org.official.export', 'org.company.write'];

/**
 * The roles a county office starts with. 等保 separates duties: the system administrator manages
 * accounts and the organisation but does not read the audit log; the security auditor does only that.
 * Offices edit these (permissions, scope, TOTP) like any other role.
 */
export const builtinRoles: BuiltinRole[] = [
  { code: 'sysadmin', name: '系统管理员', dataScope: 'all',
    permissions: [...orgRead, ...orgWrite, 'system.user.read', 'system.user.write', 'system.role.read', 'system.role.write', 'system.calendar.write'] },
  { code: 'auditor', name: '安全审计员', dataScope: 'all', permissions: ['audit.read', 'audit.export'] },
  { code: 'cdiLeader', name: '县纪委监委领导', dataScope: 'all', permissions: [...orgRead, 'org.official.export', 'analysis.read', 'analysis.report'] },
  { code: 'intakeOfficer', name: '信访室干部', dataScope: 'all', permissions: [...orgRead, 'analysis.read'] },
  { code: 'caseHandler', name: '审查调查干部', dataScope: 'all', permissions: [...orgRead, 'analysis.read'] },
  { code: 'townshipCommittee', name: '乡镇（街道）纪委', dataScope: 'unitAndBelow', permissions: [...orgRead, ...orgWrite, 'analysis.read'] },
];

/** Insert the built-in roles that are missing; never overwrite what an office has changed. */
export async function ensureBuiltinRoles(db: Kysely<DB>): Promise<Map<string, string>> {
  for (const r of builtinRoles) {
    await db.insertInto('roles').values({ code: r.code, name: r.name, permissions: r.permissions, data_scope: r.dataScope, builtin: true })
      .onConflict((oc) => oc.column('code').doNothing()).execute();
  }
  const rows = await db.selectFrom('roles').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
