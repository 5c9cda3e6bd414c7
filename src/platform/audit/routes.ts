import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { escapeLike } from '../db/like';
import type { DB } from '../db/schema';
import { defineRoute, type RouteDef } from '../http/route';
import { verifyAuditChain } from './verify';

const filters = z.strictObject({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
type Filters = z.infer<typeof filters>;

function applyFilters<O>(q: SelectQueryBuilder<DB, 'audit_log', O>, f: Filters) {
  let out = q;
  if (f.from) out = out.where('at', '>=', new Date(f.from));
  if (f.to) out = out.where('at', '<', f.to.length === 10 ? new Date(new Date(f.to).getTime() + 86_400_000) : new Date(f.to));
  if (f.actor) out = out.where('actor_name', '=', f.actor);
  if (f.action) out = out.where('action', 'like', `${escapeLike(f.action)}%`);
  if (f.objectType) out = out.where('object_type', '=', f.objectType);
  if (f.objectId) out = out.where('object_id', '=', f.objectId);
  return out;
}

function listQuery(db: Kysely<DB>, f: Filters) {
  return applyFilters(db.selectFrom('audit_log').select(['id', 'at', 'actor_name', 'action', 'object_type', 'object_id', 'client_ip', 'detail', 'chain_seq', 'hash']), f)
    .orderBy('id', 'desc');
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v instanceof Date ? v.toISOString() : String(v);
  // Leading = + - @ would run as formulas in Excel: neutralise them.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The auditor's view is global by design: the audit log is not unit-owned data. */
export const auditRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/audit/entries', summary: 'Filter the audit log', tags: ['audit'],
    access: { permission: 'audit.read', scope: 'global' }, query: filters,
    handler: async ({ ctx, query }) => {
      const [items, total] = await Promise.all([
        listQuery(ctx.db, query).limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        applyFilters(ctx.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')), query).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((r) => ({ id: r.id, at: r.at, actorName: r.actor_name, action: r.action, objectType: r.object_type, objectId: r.object_id, clientIp: r.client_ip, detail: r.detail, chainSeq: r.chain_seq, hash: r.hash })),
        total: total.n, page: query.page, pageSize: query.pageSize,
      };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/audit/export', summary: 'Export the filtered audit log as CSV (the export itself is audited)', tags: ['audit'],
    access: { permission: 'audit.export', scope: 'global' }, query: filters,
    handler: async ({ ctx, query, actor, reply }) => {
      const rows = await listQuery(ctx.db, query).limit(100_000).execute();
      await ctx.audit.record(ctx.db, actor ? { userId: actor.userId, username: actor.username, clientIp: actor.clientIp } : null, {
        action: 'audit.export', detail: { filters: { ...query, page: undefined, pageSize: undefined }, rows: rows.length },
      });
      const header = ['id', 'at', 'actor', 'action', 'objectType', 'objectId', 'clientIp', 'detail', 'chainSeq', 'hash'];
      const lines = rows.map((r) => [r.id, r.at, r.actor_name, r.action, r.object_type, r.object_id, r.client_ip, r.detail, r.chain_seq, r.hash].map(csvCell).join(','));
      return reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log.csv"`)
        .send('\uFEFF' + [header.join(','), ...lines].join('\r\n'));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/audit/verify', summary: 'Link pending entries and verify the whole hash chain', tags: ['audit'],
    access: { permission: 'audit.read', scope: 'global' },
    handler: async ({ ctx }) => {
      await ctx.audit.linkPending();
      return verifyAuditChain(ctx.db);
    },
  }),
];
