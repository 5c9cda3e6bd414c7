import type { FastifyRequest } from 'fastify';
import { loadUser, type LoadedUser } from '../auth/actorLoader';
import { SESSION_COOKIE, touchSession } from '../auth/sessions';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { Access } from './route';

export interface RequestAuth { user: LoadedUser; sessionId: string }

/** Resolve the session cookie into a user, or null. Throws SESSION_EXPIRED for a timed-out session. */
export async function resolveSession(ctx: AppContext, req: FastifyRequest): Promise<RequestAuth | null> {
  const token = req.cookies?.[SESSION_COOKIE];
  const session = await touchSession(ctx.db, token, ctx.config.sessionIdleMinutes);
  if (session.status === 'expired') throw new AppError('SESSION_EXPIRED');
  if (session.status === 'none') return null;
  const user = await loadUser(ctx.db, session.userId);
  if (!user) return null;
  // A session created before TOTP was switched on does not count as second-factor authenticated.
  if (user.totpEnabled && !session.mfaPassed) return null;
  user.actor.clientIp = req.ip;
  return { user, sessionId: session.sessionId };
}

/**
 * Deny by default: a non-public route needs a session; a user who must change their password or enrol a
 * second factor may only use their own account routes until they do; every other route needs its permission.
 */
export function authorize(access: Access, auth: RequestAuth | null): void {
  if ('public' in access) return;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  const { user } = auth;
  if (access.scope === 'self') return;
  if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (user.totpRequired && !user.totpEnabled) throw new AppError('TOTP_ENROLMENT_REQUIRED');
  if (!user.actor.permissions.has(access.permission)) throw new AppError('FORBIDDEN');
}
