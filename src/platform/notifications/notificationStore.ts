import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * In-app notifications: a generic store any module writes to (reports' deadline reminders first, cases
 * later). Writers are idempotent through a dedupe key per recipient; readers only ever see their own rows.
 * Table: migrations/20261127120000_reports_notifications.sql.
 */
export interface NotificationsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  user_id: string;
  kind: string;
  dedupe_key: string;
  object_type: string | null;
  object_id: string | null;
  subject: string;
  link: string | null;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  read_at: Date | null;
}

declare module '../db/schema' {
  interface DB { notifications: NotificationsTable }
}

export interface NewNotification {
  countyCode: string; unitId: string; userId: string; kind: string; dedupeKey: string;
  objectType?: string; objectId?: string; subject: string; link?: string; params?: Record<string, string | number | null>;
}

const BATCH = 500;

/** Store notifications; one already stored for the same user and dedupe key is left alone. Returns how many were new. */
export async function notify(db: Kysely<DB>, items: NewNotification[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const res = await db.insertInto('notifications').values(items.slice(i, i + BATCH).map((n) => ({
      county_code: n.countyCode, unit_id: n.unitId, user_id: n.userId, kind: n.kind, dedupe_key: n.dedupeKey,
      object_type: n.objectType ?? null, object_id: n.objectId ?? null, subject: n.subject, link: n.link ?? null, params: JSON.stringify(n.params ?? {}),
    }))).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).returning('id').execute();
    created += res.length;
  }
  return created;
}

export interface NotificationView {
  id: string; kind: string; subject: string; link: string | null; objectType: string | null; objectId: string | null;
  params: Record<string, unknown>; createdAt: Date; readAt: Date | null;
}

/** The user's own notifications, newest first, with the unread count (the bell's badge). */
export async function listNotifications(db: Kysely<DB>, userId: string, opts: { unreadOnly?: boolean; limit?: number } = {}): Promise<{ items: NotificationView[]; unread: number }> {
  let q = db.selectFrom('notifications').select(['id', 'kind', 'subject', 'link', 'object_type as objectType', 'object_id as objectId', 'params', 'created_at as createdAt', 'read_at as readAt'])
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const items = await q.orderBy('created_at', 'desc').orderBy('id').limit(opts.limit ?? 50).execute();
  const unread = await db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return { items: items.map((r) => ({ ...r, params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params })), unread: unread.n };
}

/** Mark the user's own notifications read (the given ids, or all); another user's ids are silently not matched. */
export async function markRead(db: Kysely<DB>, userId: string, target: { ids: string[] } | 'all'): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (target !== 'all') {
    if (target.ids.length === 0) return 0;
    q = q.where('id', 'in', target.ids);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
