import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { listNotifications, markRead } from './notificationStore';

const listQuery = z.strictObject({
  unreadOnly: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
const readBody = z.strictObject({
  ids: z.array(z.uuid()).max(500).optional(),
  all: z.boolean().optional(),
}).refine((b) => b.all === true || (b.ids?.length ?? 0) > 0, { message: 'ids or all', path: ['ids'] });

/** The signed-in user's own notifications: the header bell lists them and marks them read. */
export const notificationRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/notifications', tags: ['notifications'], summary: 'Own notifications, newest first, with the unread count',
    access: { permission: 'authenticated', scope: 'self' }, query: listQuery,
    handler: async ({ ctx, actor, query, reply }) => {
      reply.header('cache-control', 'no-store');
      return listNotifications(ctx.db, actor.userId, { unreadOnly: query.unreadOnly === 'true', limit: query.limit });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/notifications/read', tags: ['notifications'], summary: 'Mark own notifications read (ids, or all)',
    access: { permission: 'authenticated', scope: 'self' }, body: readBody,
    handler: async ({ ctx, actor, body }) => ({ marked: await markRead(ctx.db, actor.userId, body.all ? 'all' : { ids: body.ids ?? [] }) }),
  }),
];
