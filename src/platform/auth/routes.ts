import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import { AppError } from '../errors';
import { resolveSession } from '../http/guard';
import { defineRoute, type RouteDef } from '../http/route';
import type { AppContext } from '../context';
import type { FastifyReply } from 'fastify';
import { loadUser, meView } from './actorLoader';
import { changePassword, checkTotp, login, totpFor } from './authService';
import { verifyPassword } from './password';
import { openTotpSecret, sealTotpSecret } from './totpSecret';
import { deleteSession, SESSION_COOKIE } from './sessions';

const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
  totpCode: z.string().max(12).optional(),
});

function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies,
  });
}

async function requireSessionId(ctx: AppContext, req: Parameters<typeof resolveSession>[1]): Promise<string> {
  const auth = await resolveSession(ctx, req);
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return auth.sessionId;
}

export const authRoutes: RouteDef[] = [
  defineRoute({
    method: 'POST', url: '/api/v1/auth/login', summary: 'Sign in with username and password (and TOTP when enabled)', tags: ['auth'],
    access: { public: true, reason: 'sign-in' }, body: loginBody,
    rateLimit: { max: 30, timeWindow: '1 minute' },
    handler: async ({ ctx, body, req, reply }) => {
      const { token, user } = await login(ctx, body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookie(reply, ctx, token);
      return { user: meView(user) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/logout', summary: 'Sign out', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    handler: async ({ ctx, req, reply, actor }) => {
      const sessionId = await requireSessionId(ctx, req);
      await deleteSession(ctx.db, sessionId);
      await ctx.audit.record(ctx.db, { userId: actor.userId, username: actor.username, clientIp: req.ip }, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/auth/me', summary: 'The signed-in user, permissions and data scope', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    handler: async ({ ctx, actor }) => meView((await loadUser(ctx.db, actor.userId))!),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/auth/me', summary: 'Change own display name or language', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    body: z.strictObject({ locale: z.enum(['zh-CN', 'en']).optional(), displayName: z.string().trim().min(1).max(50).optional() }),
    handler: async ({ ctx, actor, body }) => {
      await ctx.db.updateTable('users').set({
        ...(body.locale ? { locale: body.locale } : {}), ...(body.displayName ? { display_name: body.displayName } : {}), updated_at: new Date(),
      }).where('id', '=', actor.userId).execute();
      return meView((await loadUser(ctx.db, actor.userId))!);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/password', summary: 'Change own password', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    body: z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ ctx, actor, body, req }) => {
      await changePassword(ctx, actor.userId, body.currentPassword, body.newPassword, { ip: req.ip });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/totp/setup', summary: 'Start TOTP enrolment: a new secret and its otpauth URL', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    handler: async ({ ctx, actor }) => {
      const current = await ctx.db.selectFrom('users').select('totp_enabled').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (current.totp_enabled) throw new AppError('CONFLICT', { params: { what: 'TOTP' } });
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      await ctx.db.updateTable('users').set({ totp_secret: sealTotpSecret(ctx.config, actor.userId, secret) }).where('id', '=', actor.userId).execute();
      return { secret, otpauthUrl: totpFor(secret, actor.username).toString() };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/totp/enable', summary: 'Confirm TOTP enrolment with a code', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
    handler: async ({ ctx, actor, body, req }) => {
      const row = await ctx.db.selectFrom('users').select('totp_secret').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!checkTotp(openTotpSecret(ctx.config, actor.userId, row.totp_secret), actor.username, body.code)) throw new AppError('TOTP_INVALID', { issues: [{ field: 'code', key: 'field.invalid' }] });
      const sessionId = await requireSessionId(ctx, req);
      await ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ totp_enabled: true }).where('id', '=', actor.userId).execute();
        await trx.updateTable('sessions').set({ mfa_passed: true }).where('id', '=', sessionId).execute();
        await ctx.audit.record(trx, { userId: actor.userId, username: actor.username, clientIp: req.ip }, { action: 'auth.totpEnabled', objectType: 'user', objectId: actor.userId });
      });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/totp/disable', summary: 'Switch TOTP off (needs the password; refused when a role requires it)', tags: ['auth'],
    access: { permission: 'authenticated', scope: 'self' },
    body: z.strictObject({ password: z.string().min(1).max(128) }),
    handler: async ({ ctx, actor, body, req }) => {
      const user = await loadUser(ctx.db, actor.userId);
      if (user?.totpRequired) throw new AppError('FORBIDDEN');
      const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.password_hash, body.password))) throw AppError.field('password', 'field.passwordMismatch');
      await ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ totp_enabled: false, totp_secret: null }).where('id', '=', actor.userId).execute();
        await ctx.audit.record(trx, { userId: actor.userId, username: actor.username, clientIp: req.ip }, { action: 'auth.totpDisabled', objectType: 'user', objectId: actor.userId });
      });
    },
  }),
];
