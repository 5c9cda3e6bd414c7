import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export const SESSION_COOKIE = 'lj_session';

/** The cookie holds a random token; the table holds only its SHA-256, so a database leak yields no sessions. */
export function newSessionToken(): { token: string; id: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<DB>, userId: string, meta: { ip?: string; userAgent?: string; mfaPassed: boolean }): Promise<string> {
  const { token, id } = newSessionToken();
  await db.insertInto('sessions').values({
    id, user_id: userId, mfa_passed: meta.mfaPassed, client_ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return token;
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'ok'; sessionId: string; userId: string; mfaPassed: boolean };

/**
 * Find a live session and slide its idle timer. `last_seen_at` is written at most once a minute so that
 * busy users do not turn every read into a write.
 */
export async function touchSession(db: Kysely<DB>, token: string | undefined, idleMinutes: number): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const id = sessionIdOf(token);
  const row = await db.selectFrom('sessions').select(['id', 'user_id', 'mfa_passed', 'last_seen_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return { status: 'none' };
  const idleMs = Date.now() - new Date(row.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { status: 'expired' };
  }
  if (idleMs > 60_000) await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
  return { status: 'ok', sessionId: id, userId: row.user_id, mfaPassed: row.mfa_passed };
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
