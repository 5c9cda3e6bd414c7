import type { Kysely } from 'kysely';
import type { DB, DataScope } from '../db/schema';
import type { Actor } from '../scope/actor';
import { broadestScope, buildScopeFilter } from '../scope/dataScope';
import { isPermission, type Permission } from './permissions';

export interface LoadedUser {
  actor: Actor;
  totpEnabled: boolean;
  totpRequired: boolean;
  mustChangePassword: boolean;
  locale: string;
  unit: { id: string; code: string; name: string; kind: string };
  roles: { id: string; code: string; name: string }[];
}

/** Build the Actor for a user: unit, roles, permissions and the combined data scope. */
export async function loadUser(db: Kysely<DB>, userId: string): Promise<LoadedUser | null> {
  const user = await db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.unit_id', 'users.totp_enabled', 'users.must_change_password',
      'users.locale', 'users.active', 'units.path', 'units.county_code', 'units.code as unit_code', 'units.name as unit_name', 'units.kind as unit_kind'])
    .where('users.id', '=', userId).executeTakeFirst();
  if (!user || !user.active) return null;
  const roles = await db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['roles.id', 'roles.code', 'roles.name', 'roles.permissions', 'roles.data_scope', 'roles.custom_unit_ids', 'roles.require_totp'])
    .where('user_roles.user_id', '=', userId).execute();
  const customIds = [...new Set(roles.flatMap((r) => (r.data_scope === 'custom' ? r.custom_unit_ids : [])))];
  const customUnits = customIds.length ? await db.selectFrom('units').select(['id', 'path']).where('id', 'in', customIds).execute() : [];
  const permissions = new Set<Permission>(roles.flatMap((r) => r.permissions).filter(isPermission));
  const scope = buildScopeFilter(roles, { id: user.unit_id, path: user.path }, customUnits);
  return {
    actor: {
      userId: user.id, username: user.username, displayName: user.display_name, unitId: user.unit_id, unitPath: user.path,
      countyCode: user.county_code, permissions, scope, dataScope: broadestScope(roles.map((r) => r.data_scope as DataScope)),
    },
    totpEnabled: user.totp_enabled,
    totpRequired: roles.some((r) => r.require_totp),
    mustChangePassword: user.must_change_password,
    locale: user.locale,
    unit: { id: user.unit_id, code: user.unit_code, name: user.unit_name, kind: user.unit_kind },
    roles: roles.map((r) => ({ id: r.id, code: r.code, name: r.name })),
  };
}

export function meView(u: LoadedUser) {
  return {
    id: u.actor.userId, username: u.actor.username, displayName: u.actor.displayName, locale: u.locale, unit: u.unit,
    permissions: [...u.actor.permissions].sort(), dataScope: u.actor.dataScope, roles: u.roles,
    totpEnabled: u.totpEnabled, totpRequired: u.totpRequired, mustChangePassword: u.mustChangePassword,
  };
}
