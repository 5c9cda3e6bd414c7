import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/password';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition, unitInScope } from '../../platform/scope/dataScope';
import { assertGrantable } from './roleService';
import type { userCreate, userFilter, userUpdate } from './schema';
import { escapeLike } from '../../platform/db/like';
import { auditActor } from './unitService';

type UserCreate = z.infer<typeof userCreate>;
type UserUpdate = z.infer<typeof userUpdate>;
type UserFilter = z.infer<typeof userFilter>;

export interface UserView {
  id: string; username: string; displayName: string; unitId: string; unitName: string; roles: { id: string; code: string; name: string }[];
  active: boolean; locked: boolean; totpEnabled: boolean; lastLoginAt: Date | null;
}

/** Accounts belong to units: an administrator sees and manages only accounts of units in their data scope. */
function scoped(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('users as usr').innerJoin('units as un', 'un.id', 'usr.unit_id').where(scopeCondition(actor, 'usr.unit_id'));
}

function filtered(db: Kysely<DB>, actor: Actor, q?: string) {
  const base = scoped(db, actor);
  if (!q) return base;
  const like = `%${escapeLike(q)}%`;
  return base.where((eb) => eb.or([eb('usr.username', 'like', like), eb('usr.display_name', 'like', like)]));
}

const columns = [
  'usr.id', 'usr.username', 'usr.display_name as displayName', 'usr.unit_id as unitId', 'un.name as unitName', 'usr.active',
  sql<boolean>`coalesce(usr.locked_until > now(), false)`.as('locked'), 'usr.totp_enabled as totpEnabled', 'usr.last_login_at as lastLoginAt',
] as const;

async function withRoles<T extends { id: string }>(db: Kysely<DB>, users: T[]): Promise<(T & { roles: UserView['roles'] })[]> {
  if (users.length === 0) return [];
  const rows = await db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['user_roles.user_id', 'roles.id', 'roles.code', 'roles.name'])
    .where('user_roles.user_id', 'in', users.map((u) => u.id)).orderBy('roles.code').execute();
  return users.map((u) => ({ ...u, roles: rows.filter((r) => r.user_id === u.id).map(({ id, code, name }) => ({ id, code, name })) }));
}

async function findUser(db: Kysely<DB>, actor: Actor, id: string): Promise<UserView | undefined> {
  const row = await scoped(db, actor).select(columns).where('usr.id', '=', id).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

async function rolesByIds(db: Kysely<DB>, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const roles = await db.selectFrom('roles').select(['id', 'permissions', 'data_scope', 'custom_unit_ids']).where('id', 'in', unique).execute();
  if (roles.length !== unique.length) throw AppError.field('body.roleIds', 'field.invalid');
  return roles;
}

/**
 * An administrator may only manage accounts no more powerful than themselves: resetting the password of
 * a county-wide account would otherwise be a way to become it.
 */
async function assertManageable(db: Kysely<DB>, actor: Actor, userId: string): Promise<void> {
  const held = await db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['roles.permissions', 'roles.data_scope', 'roles.custom_unit_ids']).where('user_roles.user_id', '=', userId).execute();
  await assertGrantable(db, actor, held);
}

async function requireUser(db: Kysely<DB>, actor: Actor, id: string): Promise<UserView> {
  const user = await findUser(db, actor, id);
  if (!user) throw AppError.notFound('what.user');
  return user;
}

async function setRoles(trx: Kysely<DB>, userId: string, roleIds: string[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Set(roleIds)];
  if (unique.length > 0) await trx.insertInto('user_roles').values(unique.map((role_id) => ({ user_id: userId, role_id }))).execute();
}

export const userService = {
  async list(db: Kysely<DB>, actor: Actor, f: UserFilter) {
    const [rows, count] = await Promise.all([
      filtered(db, actor, f.q).select(columns).orderBy('un.path').orderBy('usr.username')
        .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
      filtered(db, actor, f.q).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await withRoles(db, rows), total: count.n, page: f.page, pageSize: f.pageSize };
  },

  async read(db: Kysely<DB>, actor: Actor, id: string): Promise<UserView> {
    return requireUser(db, actor, id);
  },

  /** The administrator chose the password, so it is a shared secret: the user must replace it at first sign-in. */
  async create(ctx: AppContext, actor: Actor, input: UserCreate): Promise<UserView> {
    assertPasswordPolicy(input.password, 'body.password');
    const passwordHash = await hashPassword(input.password);
    return ctx.db.transaction().execute(async (trx) => {
      if (!(await unitInScope(trx, actor, input.unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
      await assertGrantable(trx, actor, await rolesByIds(trx, input.roleIds));
      // Case-insensitive, so "Admin" cannot pose as "admin" in the audit log.
      const taken = await trx.selectFrom('users').select('id').where(sql`lower(username)`, '=', input.username.toLowerCase()).executeTakeFirst();
      if (taken) throw AppError.field('body.username', 'field.duplicate');
      const row = await trx.insertInto('users').values({
        username: input.username, display_name: input.displayName, unit_id: input.unitId, password_hash: passwordHash,
        password_changed_at: new Date(), must_change_password: true,
      }).returning('id').executeTakeFirstOrThrow();
      await setRoles(trx, row.id, input.roleIds);
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'system.user.create', objectType: 'user', objectId: row.id,
        detail: { username: input.username, unitId: input.unitId, roleIds: input.roleIds },
      });
      return (await findUser(trx, actor, row.id))!;
    });
  },

  async update(ctx: AppContext, actor: Actor, id: string, input: UserUpdate): Promise<UserView> {
    return ctx.db.transaction().execute(async (trx) => {
      await requireUser(trx, actor, id);
      if (input.active === false && id === actor.userId) {
        throw new AppError('FORBIDDEN', { issues: [{ field: 'body.active', key: 'field.selfDeactivate' }] });
      }
      await assertManageable(trx, actor, id);
      if (input.unitId !== undefined && !(await unitInScope(trx, actor, input.unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
      if (input.roleIds !== undefined) {
        await assertGrantable(trx, actor, await rolesByIds(trx, input.roleIds));
        await setRoles(trx, id, input.roleIds);
      }
      await trx.updateTable('users').set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        updated_at: new Date(),
      }).where('id', '=', id).execute();
      // A deactivated account is signed out everywhere at once, not when its sessions happen to expire.
      if (input.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'system.user.update', objectType: 'user', objectId: id, detail: { changes: input } });
      // The account may have moved out of the actor's scope; answer with what it now is regardless.
      return (await findUser(trx, { ...actor, scope: { ...actor.scope, all: true } }, id))!;
    });
  },

  /** Sets a temporary password: the user must change it, any lockout ends and existing sessions end. */
  async resetPassword(ctx: AppContext, actor: Actor, id: string, password: string): Promise<void> {
    assertPasswordPolicy(password, 'body.password');
    const passwordHash = await hashPassword(password);
    await ctx.db.transaction().execute(async (trx) => {
      await requireUser(trx, actor, id);
      await assertManageable(trx, actor, id);
      await trx.updateTable('users').set({
        password_hash: passwordHash, password_changed_at: new Date(), must_change_password: true,
        failed_logins: 0, locked_until: null, updated_at: new Date(),
      }).where('id', '=', id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'system.user.resetPassword', objectType: 'user', objectId: id });
    });
  },

  async unlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      const user = await requireUser(trx, actor, id);
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, updated_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'system.user.unlock', objectType: 'user', objectId: id, detail: { wasLocked: user.locked } });
    });
  },
};
