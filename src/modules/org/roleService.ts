import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isPermission, permissionCatalogue } from '../../platform/auth/permissions';
import type { AppContext } from '../../platform/context';
import type { DataScope, DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import type { roleInput, roleUpdate } from './schema';
import { auditActor } from './unitService';

type RoleInput = z.infer<typeof roleInput>;
type RoleUpdate = z.infer<typeof roleUpdate>;
export interface GrantableRole { permissions: string[]; data_scope: DataScope; custom_unit_ids: string[] }

export interface RoleView {
  id: string; code: string; name: string; permissions: string[]; dataScope: DataScope; customUnitIds: string[];
  requireTotp: boolean; builtin: boolean;
}

/**
 * The county's role authority — whoever may edit roles with a county-wide scope (the system administrator
 * under 等保's separation of duties, whose every grant the security auditor sees) — defines what roles carry,
 * including permissions of modules it does not use itself. Without this, a module that lands later could
 * never be granted to anyone.
 */
function isRoleAuthority(actor: Actor): boolean {
  return actor.scope.all && actor.permissions.has('system.role.write');
}

/**
 * The security auditor's permissions stay out of the role authority's reach: an administrator who could
 * grant audit.* could read (and judge) their own trail. Only someone holding them can hand them on.
 */
const separatedDuty = (permission: string) => permission.startsWith('audit.');

/**
 * Every other administrator hands out no more than they hold: every permission of the role must be the
 * actor's own, and its data scope may not reach beyond the actor's. Otherwise an administrator of one
 * township could mint a county-wide role (or edit their own role) and give themselves everything.
 * Used for role edits and for user grants.
 */
export async function assertGrantable(db: Kysely<DB>, actor: Actor, roles: GrantableRole[]): Promise<void> {
  for (const role of roles) {
    if (!role.permissions.every(isPermission)) throw new AppError('FORBIDDEN');
    const authority = isRoleAuthority(actor);
    if (!role.permissions.every((p) => actor.permissions.has(p) || (authority && !separatedDuty(p)))) throw new AppError('FORBIDDEN');
    if (authority) continue;
    if (actor.scope.all) continue;
    if (role.data_scope === 'all') throw new AppError('FORBIDDEN');
    // 'unitAndBelow' is relative to the holder's unit, which lies inside the actor's scope; that only stays
    // inside it if the actor's own scope covers whole subtrees.
    if (role.data_scope === 'unitAndBelow' && actor.scope.pathPrefixes.length === 0) throw new AppError('FORBIDDEN');
    if (role.data_scope === 'custom') {
      for (const id of role.custom_unit_ids) if (!(await unitInScope(db, actor, id))) throw new AppError('FORBIDDEN');
    }
  }
}

function toView(r: { id: string; code: string; name: string; permissions: string[]; data_scope: DataScope; custom_unit_ids: string[]; require_totp: boolean; builtin: boolean }): RoleView {
  return {
    id: r.id, code: r.code, name: r.name, permissions: [...r.permissions].sort(), dataScope: r.data_scope,
    customUnitIds: r.custom_unit_ids, requireTotp: r.require_totp, builtin: r.builtin,
  };
}

async function findRole(db: Kysely<DB>, id: string) {
  return db.selectFrom('roles').select(['id', 'code', 'name', 'permissions', 'data_scope', 'custom_unit_ids', 'require_totp', 'builtin'])
    .where('id', '=', id).executeTakeFirst();
}

/** Codes outside the catalogue would be silently ignored at sign-in, so they are refused and named. */
async function validated(db: Kysely<DB>, role: GrantableRole): Promise<GrantableRole> {
  const unknown = role.permissions.filter((p) => !isPermission(p));
  if (unknown.length > 0) throw AppError.field('body.permissions', 'field.unknownPermission', { codes: unknown.join(', ') });
  if (role.data_scope !== 'custom') return { ...role, permissions: [...new Set(role.permissions)].sort(), custom_unit_ids: [] };
  const ids = [...new Set(role.custom_unit_ids)];
  if (ids.length === 0) throw AppError.field('body.customUnitIds', 'field.required');
  const found = await db.selectFrom('units').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length) throw AppError.field('body.customUnitIds', 'field.unitNotFound');
  return { ...role, permissions: [...new Set(role.permissions)].sort(), custom_unit_ids: ids };
}

/** Editing roles must never leave the office without anyone able to edit roles again. */
async function assertRoleAdminRemains(db: Kysely<DB>): Promise<void> {
  const row = await db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id').select('users.id')
    .where('users.active', '=', true).where((eb) => eb(eb.val('system.role.write'), '=', eb.fn.any('roles.permissions')))
    .executeTakeFirst();
  if (!row) throw AppError.field('body.permissions', 'field.lastRoleAdmin');
}

export const roleService = {
  async list(db: Kysely<DB>): Promise<RoleView[]> {
    const rows = await db.selectFrom('roles').select(['id', 'code', 'name', 'permissions', 'data_scope', 'custom_unit_ids', 'require_totp', 'builtin'])
      .orderBy('builtin', 'desc').orderBy('code').execute();
    return rows.map(toView);
  },

  permissions() {
    return permissionCatalogue.map((p) => ({ ...p }));
  },

  async create(ctx: AppContext, actor: Actor, input: RoleInput): Promise<RoleView> {
    return ctx.db.transaction().execute(async (trx) => {
      const role = await validated(trx, { permissions: input.permissions, data_scope: input.dataScope, custom_unit_ids: input.customUnitIds });
      await assertGrantable(trx, actor, [role]);
      const taken = await trx.selectFrom('roles').select('id').where('code', '=', input.code).executeTakeFirst();
      if (taken) throw AppError.field('body.code', 'field.duplicate');
      const row = await trx.insertInto('roles').values({
        code: input.code, name: input.name, permissions: role.permissions, data_scope: role.data_scope,
        custom_unit_ids: role.custom_unit_ids, require_totp: input.requireTotp, builtin: false,
      }).returning('id').executeTakeFirstOrThrow();
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'system.role.create', objectType: 'role', objectId: row.id,
        detail: { code: input.code, permissions: role.permissions, dataScope: role.data_scope, customUnitIds: role.custom_unit_ids, requireTotp: input.requireTotp },
      });
      return toView((await findRole(trx, row.id))!);
    });
  },

  /** Builtin roles may have their permissions and scope tuned; the code never changes (the schema omits it). */
  async update(ctx: AppContext, actor: Actor, id: string, input: RoleUpdate): Promise<RoleView> {
    return ctx.db.transaction().execute(async (trx) => {
      const existing = await findRole(trx, id);
      if (!existing) throw AppError.notFound('what.role');
      // The actor must be entitled to the role both as it was and as it will be: no widening, and no
      // stripping a role more powerful than oneself.
      await assertGrantable(trx, actor, [existing]);
      const role = await validated(trx, {
        permissions: input.permissions ?? existing.permissions,
        data_scope: input.dataScope ?? existing.data_scope,
        custom_unit_ids: input.customUnitIds ?? existing.custom_unit_ids,
      });
      await assertGrantable(trx, actor, [role]);
      await trx.updateTable('roles').set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.requireTotp !== undefined ? { require_totp: input.requireTotp } : {}),
        permissions: role.permissions, data_scope: role.data_scope, custom_unit_ids: role.custom_unit_ids, updated_at: new Date(),
      }).where('id', '=', id).execute();
      if (!role.permissions.includes('system.role.write')) await assertRoleAdminRemains(trx);
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'system.role.update', objectType: 'role', objectId: id,
        detail: {
          code: existing.code, fields: Object.keys(input),
          before: { permissions: existing.permissions, dataScope: existing.data_scope, customUnitIds: existing.custom_unit_ids, requireTotp: existing.require_totp },
          after: { permissions: role.permissions, dataScope: role.data_scope, customUnitIds: role.custom_unit_ids, requireTotp: input.requireTotp ?? existing.require_totp },
        },
      });
      return toView((await findRole(trx, id))!);
    });
  },
};
