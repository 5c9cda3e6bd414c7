import * as OTPAuth from 'otpauth';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { loadUser, type LoadedUser } from './actorLoader';
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { openTotpSecret } from './totpSecret';
import { createSession } from './sessions';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 10;

/**
 * Failures for names that match no account are counted in memory exactly like real ones, so the answers
 * (401, then 423 for ten minutes) never reveal whether a user exists.
 */
const ghostFailures = new Map<string, { count: number; lockedUntil: number }>();

function lockedError(until: number): AppError {
  const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', { params: { minutes }, details: { retryAfterMinutes: minutes } });
}

export interface LoginInput { username: string; password: string; totpCode?: string }
export interface ClientMeta { ip?: string; userAgent?: string }

export async function login(ctx: AppContext, input: LoginInput, meta: ClientMeta): Promise<{ token: string; user: LoadedUser }> {
  const username = input.username.trim();
  const user = await ctx.db.selectFrom('users').select(['id', 'password_hash', 'locked_until', 'totp_enabled', 'totp_secret', 'active'])
    .where('username', '=', username).executeTakeFirst();
  const now = Date.now();
  if (!user || !user.active) {
    const ghost = ghostFailures.get(username);
    if (ghost && ghost.lockedUntil > now) throw lockedError(ghost.lockedUntil);
    await verifyPassword(await dummyPasswordHash(), input.password);
    const count = (ghost && ghost.lockedUntil <= now && ghost.lockedUntil > 0 ? 0 : ghost?.count ?? 0) + 1;
    const lockedUntil = count >= MAX_FAILURES ? now + LOCK_MINUTES * 60_000 : 0;
    ghostFailures.set(username, { count: lockedUntil ? 0 : count, lockedUntil });
    if (ghostFailures.size > 10_000) ghostFailures.delete(ghostFailures.keys().next().value as string);
    await ctx.audit.record(ctx.db, { username, clientIp: meta.ip }, { action: 'auth.loginFailed', detail: { reason: 'credentials' } });
    throw lockedUntil ? lockedError(lockedUntil) : new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until.getTime() > now) throw lockedError(user.locked_until.getTime());

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk) return failAndThrow(ctx, user.id, username, meta, new AppError('INVALID_CREDENTIALS'));
  if (user.totp_enabled) {
    if (!input.totpCode) throw new AppError('TOTP_REQUIRED', { issues: [{ field: 'totpCode', key: 'field.required' }] });
    if (!checkTotp(openTotpSecret(ctx.config, user.id, user.totp_secret), username, input.totpCode)) {
      return failAndThrow(ctx, user.id, username, meta, new AppError('TOTP_INVALID', { issues: [{ field: 'totpCode', key: 'field.invalid' }] }));
    }
  }
  const token = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: new Date() }).where('id', '=', user.id).execute();
    await ctx.audit.record(trx, { userId: user.id, username, clientIp: meta.ip }, { action: 'auth.login', objectType: 'user', objectId: user.id });
    return createSession(trx, user.id, { ...meta, mfaPassed: user.totp_enabled });
  });
  const loaded = await loadUser(ctx.db, user.id);
  if (!loaded) throw new AppError('INVALID_CREDENTIALS');
  return { token, user: loaded };
}

async function failAndThrow(ctx: AppContext, userId: string, username: string, meta: ClientMeta, err: AppError): Promise<never> {
  const lockedUntil = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', userId).returning('failed_logins').executeTakeFirstOrThrow();
    let until: Date | null = null;
    if (row.failed_logins >= MAX_FAILURES) {
      until = new Date(Date.now() + LOCK_MINUTES * 60_000);
      await trx.updateTable('users').set({ locked_until: until, failed_logins: 0 }).where('id', '=', userId).execute();
    }
    await ctx.audit.record(trx, { userId, username, clientIp: meta.ip }, {
      action: until ? 'auth.locked' : 'auth.loginFailed', objectType: 'user', objectId: userId, detail: { reason: err.code },
    });
    return until;
  });
  throw lockedUntil ? lockedError(lockedUntil.getTime()) : err;
}

export function checkTotp(secret: string | null, username: string, code: string): boolean {
  if (!secret || !/^\d{6}$/.test(code)) return false;
  return totpFor(secret, username).validate({ token: code, window: 1 }) !== null;
}

export function totpFor(secret: string, username: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Lianjian', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export async function changePassword(ctx: AppContext, userId: string, current: string, next: string, meta: ClientMeta): Promise<void> {
  const user = await ctx.db.selectFrom('users').select(['password_hash', 'username']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) throw AppError.field('currentPassword', 'field.passwordMismatch');
  assertPasswordPolicy(next, 'newPassword');
  if (current === next) throw AppError.field('newPassword', 'field.invalid');
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, password_changed_at: new Date(), must_change_password: false }).where('id', '=', userId).execute();
    await ctx.audit.record(trx, { userId, username: user.username, clientIp: meta.ip }, { action: 'auth.passwordChanged', objectType: 'user', objectId: userId });
  });
}
