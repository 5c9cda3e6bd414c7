import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { clueService } from '../cases/clueService';
import { loadClock } from '../cases/ruleTableService';
import { auditActor } from '../org/unitService';
import { codeLabel, DOMAIN_LABELS, summariseEvidence } from './labels';
import type { HitDomain } from './hitStore';
import type { hitClue, hitDismiss, hitListQuery } from './schema';

/** Hits: list and read in the caller's data scope (the unit of the hit's first process), dismiss, hand over as a clue. */
type Q = SelectQueryBuilder<DB, 'risk_hits' | 'units', object>;
type Filter = z.infer<typeof hitListQuery>;

/** The township (乡镇/街道) a unit lies in, by its materialised path; null for county-level units. */
export const townshipName = sql<string | null>`(select t.name from units t where units.path like t.path || '%' and t.kind in ('town','township','subdistrict') order by t.depth limit 1)`;

/** Units under the unit (a township, a village …) with this code, the unit itself included. */
export const inTownship = (code: string) => sql<boolean>`units.path like (select t.path from units t where t.code = ${code}) || '%'`;

function filtered(db: Kysely<DB>, actor: Actor, f: Omit<Filter, 'page' | 'pageSize'>, withCode = true): Q {
  let q = db.selectFrom('risk_hits').innerJoin('units', 'units.id', 'risk_hits.unit_id')
    .where('risk_hits.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'risk_hits.unit_id')) as unknown as Q;
  if (withCode && f.code) q = q.where('risk_hits.code', '=', f.code);
  if (f.domain) q = q.where('risk_hits.domain', '=', f.domain);
  if (f.source) q = q.where('risk_hits.source', '=', f.source);
  if (f.status) q = q.where('risk_hits.status', '=', f.status);
  if (f.strength) q = q.where('risk_hits.strength', '=', f.strength);
  if (f.processId) q = q.where(sql<boolean>`${f.processId}::uuid = any(risk_hits.process_ids)`);
  if (f.buyer) q = q.where('risk_hits.buyer_name', 'like', `%${escapeLike(f.buyer)}%`);
  if (f.supplier) q = q.where(sql<boolean>`exists (select 1 from unnest(risk_hits.supplier_names) s(n) where s.n like ${`%${escapeLike(f.supplier)}%`})`);
  if (f.township) q = q.where(inTownship(f.township));
  if (f.unit) q = q.where(inTownship(f.unit));
  return q;
}

const rowColumns = [
  'risk_hits.id', 'risk_hits.code', 'risk_hits.source', 'risk_hits.strength', 'risk_hits.score', 'risk_hits.subject_id', 'risk_hits.process_id',
  'risk_hits.ocids', 'risk_hits.buyer_name', 'risk_hits.supplier_names', 'risk_hits.unit_id', 'risk_hits.status', 'risk_hits.evidence', 'risk_hits.created_at',
  'risk_hits.domain', 'risk_hits.subject_title',
] as const;

type RawRow = { id: string; code: string; source: string; strength: string; score: number | null; subject_id: string; process_id: string | null; ocids: string[];
  buyer_name: string | null; supplier_names: string[]; unit_id: string; status: string; evidence: Record<string, unknown>; created_at: Date; townshipName: string | null;
  domain: HitDomain; subject_title: string | null; unitName: string };

const toRow = (r: RawRow) => ({
  id: r.id, code: r.code, label: codeLabel(r.code), source: r.source, strength: r.strength, score: r.score, subjectId: r.subject_id, processId: r.process_id,
  ocids: r.ocids, buyerName: r.buyer_name, supplierNames: r.supplier_names, unitId: r.unit_id, townshipName: r.townshipName, status: r.status,
  rule: String(r.evidence.rule ?? ''), createdAt: r.created_at, domain: r.domain, subjectTitle: r.subject_title, unitName: r.unitName,
});

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await filtered(db, actor, {}).select([...rowColumns, townshipName.as('townshipName'), 'units.name as unitName', 'risk_hits.dismiss_reason', 'risk_hits.decided_by',
    'risk_hits.decided_at', 'risk_hits.clue_id', 'risk_hits.process_ids']).where('risk_hits.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.riskHit');
  const processes = r.process_ids.length
    ? await db.selectFrom('risk_processes').select(['id', 'ocid', 'title']).where('id', 'in', r.process_ids).orderBy('ocid').execute() : [];
  return {
    ...toRow(r as RawRow), evidence: r.evidence, dismissReason: r.dismiss_reason, decidedBy: r.decided_by, decidedAt: r.decided_at, clueId: r.clue_id, processes,
  };
}

async function newHitForUpdate(trx: Kysely<DB>, actor: Actor, id: string) {
  const row = await trx.selectFrom('risk_hits').select(['id', 'status', 'unit_id']).where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(scopeCondition(actor, 'risk_hits.unit_id')).forUpdate().executeTakeFirst();
  if (!row) throw AppError.notFound('what.riskHit');
  if (row.status !== 'new') throw new AppError('CONFLICT', { issues: [{ field: 'status', key: 'risk.hit.alreadyDecided', params: { status: row.status } }] });
  return row;
}

export const hitService = {
  view,

  async list(db: Kysely<DB>, actor: Actor, f: Filter) {
    const base = filtered(db, actor, f);
    const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const rows = await base.select([...rowColumns, townshipName.as('townshipName'), 'units.name as unitName'])
      .orderBy(sql`case risk_hits.strength when 'strong' then 0 when 'medium' then 1 else 2 end`).orderBy('risk_hits.created_at', 'desc').orderBy('risk_hits.id')
      .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    const codes = await filtered(db, actor, f, false).select(['risk_hits.code', sql<number>`count(*)::int`.as('n')]).groupBy('risk_hits.code').orderBy('risk_hits.code').execute();
    return { items: rows.map((r) => toRow(r as RawRow)), total, page: f.page, pageSize: f.pageSize, codes: codes.map((c) => ({ code: c.code, label: codeLabel(c.code), n: c.n })) };
  },

  async dismiss(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof hitDismiss>) {
    await ctx.db.transaction().execute(async (trx) => {
      await newHitForUpdate(trx, actor, id);
      await trx.updateTable('risk_hits').set({ status: 'dismissed', dismiss_reason: input.reason, decided_by: actor.userId, decided_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'risk.hit.dismiss', objectType: 'riskHit', objectId: id, detail: { reason: input.reason } });
    });
    return view(ctx.db, actor, id);
  },

  /** One action: the clue (source riskHit = this hit, evidence summarised), the hit marked clued, both audited, one transaction. */
  async toClue(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof hitClue>) {
    if (!actor.permissions.has('cases.clue.write')) throw new AppError('FORBIDDEN', { params: { permission: 'cases.clue.write' } });
    const hit = await view(ctx.db, actor, id);
    const clock = await loadClock(ctx.db, actor.countyCode);
    const subject = hit.domain === 'procurement' ? hit.processes[0]?.title : hit.subjectTitle;
    const title = input.title ?? `${DOMAIN_LABELS[hit.domain].zh}：${codeLabel(hit.code)}${subject ? `（${subject}）` : ''}`.slice(0, 200);
    const summary = summariseEvidence(hit.code, hit.evidence as never, hit.processes, hit.buyerName, hit.supplierNames, hit.domain, hit.subjectTitle);
    const clue = await ctx.db.transaction().execute(async (trx) => {
      const row = await newHitForUpdate(trx, actor, id);
      const created = await clueService.createIn(trx, ctx, actor, {
        title, summary, receivedOn: input.receivedOn ?? todayInShanghai(), unitId: input.unitId ?? row.unit_id,
        sources: [{ type: 'riskHit', id, note: `${hit.code} ${hit.subjectId}`.slice(0, 500) }], accused: [],
      }, clock);
      await trx.updateTable('risk_hits').set({ status: 'clued', clue_id: created.id, decided_by: actor.userId, decided_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'risk.hit.clue', objectType: 'riskHit', objectId: id, detail: { clueId: created.id, serial: created.serial } });
      return { id: created.id, serial: created.serial };
    });
    return { hit: await view(ctx.db, actor, id), clue };
  },
};
