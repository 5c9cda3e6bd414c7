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

/**
 * What a later module adds to the built-in roles (and any role of its own, e.g. 政风行风监测员).
 * Applied once per database and version (a settings flag records it), so a permission an office later
 * removes from a built-in role stays removed across restarts.
 */
export interface RoleGrants {
  key: string;
  grants: Record<string, string[]>;
  roles?: BuiltinRole[];
}

export async function applyRoleGrants(db: Kysely<DB>, g: RoleGrants): Promise<void> {
  const flag = `roles.granted.${g.key}`;
  if (await db.selectFrom('settings').select('key').where('key', '=', flag).executeTakeFirst()) return;
  // Before the county's roles exist (an empty database) there is nothing to extend yet.
  if (!(await db.selectFrom('roles').select('id').where('code', '=', 'sysadmin').executeTakeFirst())) return;
  await db.transaction().execute(async (trx) => {
    for (const r of g.roles ?? []) {
      await trx.insertInto('roles').values({ code: r.code, name: r.name, permissions: r.permissions, data_scope: r.dataScope, builtin: true })
        .onConflict((oc) => oc.column('code').doNothing()).execute();
    }
    const roles = await trx.selectFrom('roles').select(['id', 'code', 'permissions']).where('code', 'in', Object.keys(g.grants)).execute();
    for (const r of roles) {
      const missing = g.grants[r.code].filter((p) => !r.permissions.includes(p));
      if (missing.length > 0) await trx.updateTable('roles').set({ permissions: [...r.permissions, ...missing], updated_at: new Date() }).where('id', '=', r.id).execute();
    }
    await trx.insertInto('settings').values({ key: flag, value: JSON.stringify({ at: new Date().toISOString() }) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  });
}
