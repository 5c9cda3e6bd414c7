import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { hitService, inTownship } from './hitService';
import { loadReleases } from './loadReleases';
import type { networkQuery, processListQuery } from './schema';
import { bidderGraph, bidderProfilesOf, sharedIdentity, tenderBidsOf } from './signals';

/** Stored processes in the caller's data scope (the process's unit): list, detail with its records and hits, bidder network. */
type Q = SelectQueryBuilder<DB, 'risk_processes' | 'units', object>;
const like = (s: string) => `%${escapeLike(s)}%`;

function scoped(db: Kysely<DB>, actor: Actor): Q {
  return db.selectFrom('risk_processes').innerJoin('units', 'units.id', 'risk_processes.unit_id')
    .where('risk_processes.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'risk_processes.unit_id', 'risk_processes.created_by')) as unknown as Q;
}

const supplierMatch = (s: string) => sql<boolean>`(exists (select 1 from risk_awards a, unnest(a.supplier_names) n(v) where a.process_id = risk_processes.id and n.v like ${like(s)})
  or exists (select 1 from risk_bids b, unnest(b.tenderer_names) n(v) where b.process_id = risk_processes.id and n.v like ${like(s)}))`;

const rowSelect = (actor: Actor) => [
  'risk_processes.id', 'risk_processes.ocid', 'risk_processes.title', 'risk_processes.buyer_name', 'risk_processes.unit_id', 'units.name as unit_name',
  'risk_processes.main_category', 'risk_processes.procurement_method', 'risk_processes.value_amount', 'risk_processes.period_end', 'risk_processes.release_date',
  sql<number>`(select count(*)::int from risk_bids b where b.process_id = risk_processes.id)`.as('bids'),
  sql<string[]>`coalesce((select array_agg(n.v order by a.seq) from risk_awards a, unnest(a.supplier_names) n(v) where a.process_id = risk_processes.id and a.status = 'active'), '{}')`.as('awarded_to'),
  sql<number | null>`(select sum(a.value_amount) from risk_awards a where a.process_id = risk_processes.id and a.status = 'active')`.as('award_value'),
  sql<number>`(select count(*)::int from risk_hits h where risk_processes.id = any(h.process_ids) and ${scopeCondition(actor, 'h.unit_id')})`.as('hits'),
] as const;

type Row = { id: string; ocid: string; title: string | null; buyer_name: string | null; unit_id: string; unit_name: string; main_category: string | null;
  procurement_method: string | null; value_amount: number | null; period_end: string | null; release_date: string | null; bids: number; awarded_to: string[];
  award_value: number | null; hits: number };

const toRow = (r: Row) => ({
  id: r.id, ocid: r.ocid, title: r.title, buyerName: r.buyer_name, unitId: r.unit_id, unitName: r.unit_name, category: r.main_category, method: r.procurement_method,
  value: r.value_amount, tenderDate: r.period_end ?? r.release_date, bids: r.bids, awardedTo: r.awarded_to, awardValue: r.award_value === null ? null : Number(r.award_value), hits: r.hits,
});

export const processService = {
  async list(db: Kysely<DB>, actor: Actor, f: z.infer<typeof processListQuery>) {
    let q = scoped(db, actor);
    if (f.q) q = q.where((eb) => eb.or([eb('risk_processes.ocid', 'like', like(f.q!)), eb('risk_processes.title', 'like', like(f.q!)), eb('risk_processes.buyer_name', 'like', like(f.q!))]));
    if (f.buyer) q = q.where('risk_processes.buyer_name', 'like', like(f.buyer));
    if (f.supplier) q = q.where(supplierMatch(f.supplier));
    if (f.township) q = q.where(inTownship(f.township));
    if (f.flagged) q = q.where(sql<boolean>`exists (select 1 from risk_hits h where risk_processes.id = any(h.process_ids))`);
    const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const rows = await q.select(rowSelect(actor)).orderBy('risk_processes.period_end', 'desc').orderBy('risk_processes.ocid').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    return { items: rows.map((r) => toRow(r as Row)), total, page: f.page, pageSize: f.pageSize };
  },

  async view(db: Kysely<DB>, actor: Actor, id: string) {
    const p = await scoped(db, actor).select([...rowSelect(actor), 'risk_processes.status', 'risk_processes.procurement_method_details', 'risk_processes.award_criteria',
      'risk_processes.period_start', 'risk_processes.number_of_tenderers']).where('risk_processes.id', '=', id).executeTakeFirst();
    if (!p) throw AppError.notFound('what.riskProcess');
    const [stored] = await loadReleases(db, actor.countyCode, [id]);
    const lots = await db.selectFrom('risk_lots').select(['lot_id', 'title', 'value_amount']).where('process_id', '=', id).orderBy('seq').execute();
    const bids = await db.selectFrom('risk_bids').selectAll().where('process_id', '=', id).orderBy('seq').execute();
    const awards = await db.selectFrom('risk_awards').selectAll().where('process_id', '=', id).orderBy('seq').execute();
    const contracts = await db.selectFrom('risk_contracts').selectAll().where('process_id', '=', id).orderBy('seq').execute();
    const winners = new Set(tenderBidsOf(stored.release).flatMap((t) => t.bids.filter((b) => b.winner).map((b) => b.bidId)));
    const side = new Map(stored.release.contracts.map((c) => [c.id, c]));
    return {
      ...toRow(p as Row),
      tender: {
        status: p.status, procurementMethodDetails: p.procurement_method_details, awardCriteria: p.award_criteria, periodStart: p.period_start, periodEnd: p.period_end,
        numberOfTenderers: p.number_of_tenderers, lots: lots.map((l) => ({ lotId: l.lot_id, title: l.title, value: l.value_amount })),
      },
      bids: bids.map((b) => ({
        id: b.id, bidId: b.bid_id, status: b.status, date: b.bid_date, amount: b.value_amount, currency: b.value_currency, bidderIds: b.tenderer_ids, bidderNames: b.tenderer_names,
        creditCode: b.credit_code, companyId: b.company_id, winner: !!b.bid_id && winners.has(b.bid_id),
        identity: { contactPerson: b.contact_person, phone: b.phone, email: b.email, address: b.address, legalRepresentative: b.legal_representative, projectManager: b.project_manager,
          bondAccount: b.bond_account, ip: b.ip, mac: b.mac, caSerial: b.ca_serial, documentHash: b.document_hash },
      })),
      awards: awards.map((a) => ({ id: a.id, awardId: a.award_id, status: a.status, date: a.award_date, amount: a.value_amount, supplierNames: a.supplier_names, relatedBid: a.related_bid })),
      contracts: contracts.map((c) => {
        const m = side.get(c.contract_id);
        return {
          id: c.id, contractId: c.contract_id, awardId: c.award_ref, status: c.status, dateSigned: c.date_signed, amount: c.value_amount,
          amendments: (m?.amendments ?? []).map((a) => ({ id: a.id, date: a.date, amount: a.value?.amount ?? null, description: a.description })),
          payments: (m?.payments ?? []).map((x) => ({ id: x.id, date: x.date, amount: x.value?.amount ?? null, kind: x.kind })),
          milestones: (m?.milestones ?? []).map((x) => ({ id: x.id, title: x.title, date: x.dateMet ?? x.dueDate, progress: x.progress })),
        };
      }),
      experts: (stored.release.tender?.evaluationCommittee ?? []).map((e) => ({ expertId: e.expertId, employerId: e.employerId })),
      hits: (await hitService.list(db, actor, { processId: id, page: 1, pageSize: 200 })).items,
    };
  },

  /** Co-bidding (tenders bid together) and shared-identity edges among the bidders of a buyer's tenders in a window. */
  async network(db: Kysely<DB>, actor: Actor, f: z.infer<typeof networkQuery>) {
    let q = scoped(db, actor).select('risk_processes.id');
    if (f.buyer) q = q.where((eb) => eb.or([eb('risk_processes.buyer_id', '=', f.buyer!), eb('risk_processes.buyer_name', 'like', like(f.buyer!))]));
    const day = sql`left(coalesce(risk_processes.period_end, risk_processes.release_date), 10)`;
    if (f.from) q = q.where(sql<boolean>`${day} >= ${f.from}`);
    if (f.to) q = q.where(sql<boolean>`${day} <= ${f.to}`);
    const ids = (await q.limit(2000).execute()).map((r) => r.id);
    const stored = await loadReleases(db, actor.countyCode, ids);
    const names = new Map<string, string>();
    for (const s of stored) for (const p of s.release.parties) if (p.id && p.name) names.set(p.id, p.name);
    const nameOf = (id: string) => id.split('+').map((x) => names.get(x) ?? x).join('+');
    const graph = bidderGraph(stored.flatMap((s) => tenderBidsOf(s.release)));
    const identity = new Map<string, { source: string; target: string; kind: 'sharedIdentity'; weight: number; field: string; tenderIds: string[] }>();
    for (const s of stored) {
      for (const h of sharedIdentity(s.release.ocid, bidderProfilesOf(s.release)).hits) {
        const bidders = (h.evidence.values.bidders as string[]) ?? [];
        const field = String(h.evidence.values.field);
        for (let i = 0; i < bidders.length; i++) for (let j = i + 1; j < bidders.length; j++) {
          const key = `${bidders[i]}|${bidders[j]}|${field}`;
          const e = identity.get(key) ?? { source: bidders[i], target: bidders[j], kind: 'sharedIdentity', weight: 0, field, tenderIds: [] };
          e.weight += 1;
          e.tenderIds.push(s.release.ocid);
          identity.set(key, e);
        }
      }
    }
    return {
      nodes: graph.nodes.map((n) => ({ id: n.id, name: nameOf(n.id), tenders: n.tenders, wins: n.wins })),
      edges: [...graph.edges.map((e) => ({ source: e.source, target: e.target, kind: 'cobid' as const, weight: e.weight, tenderIds: e.tenderIds })), ...identity.values()],
    };
  },
};
