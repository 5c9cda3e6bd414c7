import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, type FieldIssue } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { TOWNSHIP_KINDS } from '../campaigns/access';
import { auditActor } from '../org/unitService';
import { requireVillage } from './access';
import type { ContractRow, DisposalRow, EntryRow, ParsedLedger } from './parseRows';
import type { contractCreate, disposalCreate, entryCreate, ledgerQuery } from './schema';
import { screenCounty } from './screeningService';

/**
 * The village ledgers: townships and their villages in the caller's scope (the page's pickers), each ledger's rows
 * (scoped by the village), form entry of one fund row, contract or disposal, and the bulk write an import or the demo makes.
 */
type LedgerQuery = z.infer<typeof ledgerQuery>;
const num = (v: string | null) => (v === null ? null : Number(v));

async function villages(db: Kysely<DB>, actor: Actor) {
  const rows = await db.selectFrom('units as v').innerJoin('units as t', (j) => j.on(sql<SqlBool>`v.path like t.path || '%'`).on('t.kind', 'in', [...TOWNSHIP_KINDS]))
    .select(['v.id', 'v.name', 'v.code', 't.id as townshipId', 't.name as townshipName', 't.code as townshipCode'])
    .where('v.county_code', '=', actor.countyCode).where('v.kind', '=', 'village').where('v.active', '=', true).where(scopeCondition(actor, 'v.id'))
    .orderBy('t.code').orderBy('v.code').execute();
  const towns = new Map<string, { id: string; code: string; name: string; villages: Array<{ id: string; code: string; name: string }> }>();
  for (const r of rows) {
    const t = towns.get(r.townshipId) ?? { id: r.townshipId, code: r.townshipCode, name: r.townshipName, villages: [] };
    t.villages.push({ id: r.id, code: r.code, name: r.name });
    towns.set(r.townshipId, t);
  }
  return { townships: [...towns.values()] };
}

const page = <T>(items: T[], total: number, q: LedgerQuery) => ({ items, total, page: q.page, pageSize: q.pageSize });
const idsOf = (q: LedgerQuery) => (q.ids ? q.ids.split(',').filter(Boolean).slice(0, 200) : null);

async function entries(db: Kysely<DB>, actor: Actor, q: LedgerQuery) {
  let base = db.selectFrom('village_fund_entries as e').where('e.county_code', '=', actor.countyCode).where('e.unit_id', '=', q.villageId)
    .where(scopeCondition(actor, 'e.unit_id', 'e.created_by'));
  const ids = idsOf(q);
  if (ids) base = base.where('e.id', 'in', ids);
  if (q.year) base = base.where('e.entry_date', '>=', `${q.year}-01-01`).where('e.entry_date', '<', `${q.year + 1}-01-01`);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.selectAll('e').orderBy('e.entry_date', 'desc').orderBy('e.voucher_no', 'desc').orderBy('e.id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return page(rows.map((r) => ({
    id: r.id, villageId: r.unit_id, date: r.entry_date, voucherNo: r.voucher_no, direction: r.direction, amount: Number(r.amount), counterparty: r.counterparty,
    paymentMethod: r.payment_method, category: r.category, summary: r.summary, handledBy: r.handled_by, approvedBy: r.approved_by, decisionDate: r.decision_date,
    decisionMeeting: r.decision_meeting, published: r.published, batchId: r.batch_id,
  })), total, q);
}

async function contracts(db: Kysely<DB>, actor: Actor, q: LedgerQuery) {
  let base = db.selectFrom('village_contracts as c').where('c.county_code', '=', actor.countyCode).where('c.unit_id', '=', q.villageId)
    .where(scopeCondition(actor, 'c.unit_id', 'c.created_by'));
  const ids = idsOf(q);
  if (ids) base = base.where('c.id', 'in', ids);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.selectAll('c').orderBy('c.start_on', 'desc').orderBy('c.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return page(rows.map((r) => ({
    id: r.id, villageId: r.unit_id, contractNo: r.contract_no, objectType: r.object_type, objectName: r.object_name, area: Number(r.area), areaUnit: r.area_unit,
    counterparty: r.counterparty, startOn: r.start_on, endOn: r.end_on, annualRent: Number(r.annual_rent), awardMethod: r.award_method, decisionDate: r.decision_date,
    decisionMeeting: r.decision_meeting,
  })), total, q);
}

async function disposals(db: Kysely<DB>, actor: Actor, q: LedgerQuery) {
  let base = db.selectFrom('village_disposals as d').where('d.county_code', '=', actor.countyCode).where('d.unit_id', '=', q.villageId)
    .where(scopeCondition(actor, 'd.unit_id', 'd.created_by'));
  const ids = idsOf(q);
  if (ids) base = base.where('d.id', 'in', ids);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.selectAll('d').orderBy('d.disposed_on', 'desc').orderBy('d.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return page(rows.map((r) => ({
    id: r.id, villageId: r.unit_id, assetName: r.asset_name, disposedOn: r.disposed_on, appraisedValue: Number(r.appraised_value), salePrice: num(r.sale_price),
    buyer: r.buyer, method: r.method, decisionDate: r.decision_date, decisionMeeting: r.decision_meeting,
  })), total, q);
}

export interface LedgerTarget { countyCode: string; villageId: string; townshipCode: string | null; batchId: string | null; createdBy: string | null }

const entryValues = (t: LedgerTarget, e: Omit<EntryRow, 'row'>) => ({
  county_code: t.countyCode, unit_id: t.villageId, township_code: t.townshipCode, entry_date: e.date, voucher_no: e.voucherNo, direction: e.direction, amount: e.amount,
  counterparty: e.counterparty, payment_method: e.paymentMethod, category: e.category, summary: e.summary, handled_by: e.handledBy, approved_by: e.approvedBy,
  decision_date: e.decisionDate, decision_meeting: e.decisionMeeting, published: e.published, batch_id: t.batchId, created_by: t.createdBy,
});
const contractValues = (t: LedgerTarget, c: Omit<ContractRow, 'row'>) => ({
  county_code: t.countyCode, unit_id: t.villageId, township_code: t.townshipCode, contract_no: c.contractNo, object_type: c.objectType, object_name: c.objectName,
  area: c.area, area_unit: c.areaUnit, counterparty: c.counterparty, start_on: c.startOn, end_on: c.endOn, annual_rent: c.annualRent, award_method: c.awardMethod,
  decision_date: c.decisionDate, decision_meeting: c.decisionMeeting, batch_id: t.batchId, created_by: t.createdBy,
});
const disposalValues = (t: LedgerTarget, d: Omit<DisposalRow, 'row'>) => ({
  county_code: t.countyCode, unit_id: t.villageId, township_code: t.townshipCode, asset_name: d.assetName, disposed_on: d.disposedOn, appraised_value: d.appraisedValue,
  sale_price: d.salePrice, buyer: d.buyer, method: d.method, decision_date: d.decisionDate, decision_meeting: d.decisionMeeting, batch_id: t.batchId, created_by: t.createdBy,
});

/** Writes a parsed ledger in batches of 500 rows; `progress` is told how many rows are written. */
export async function writeLedger(trx: Kysely<DB>, t: LedgerTarget, l: ParsedLedger, progress: (n: number) => void = () => {}) {
  let n = 0;
  const chunks = async <T, V>(rows: T[], values: (r: T) => V, insert: (v: V[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) { await insert(rows.slice(i, i + 500).map(values)); n += Math.min(500, rows.length - i); progress(n); }
  };
  await chunks(l.entries, (e) => entryValues(t, e), (v) => trx.insertInto('village_fund_entries').values(v).execute());
  await chunks(l.contracts, (c) => contractValues(t, c), (v) => trx.insertInto('village_contracts').values(v).execute());
  await chunks(l.disposals, (d) => disposalValues(t, d), (v) => trx.insertInto('village_disposals').values(v).execute());
  return { entries: l.entries.length, contracts: l.contracts.length, disposals: l.disposals.length };
}

type Decided = { decisionDate?: string; decisionMeeting?: string };
const formTarget = (actor: Actor, v: { id: string; townshipCode: string | null }): LedgerTarget =>
  ({ countyCode: actor.countyCode, villageId: v.id, townshipCode: v.townshipCode, batchId: null, createdBy: actor.userId });

/** The import's date rules on a form: the named dates (and the decision's) not after today; a meeting needs its date. */
function dateIssues(input: Decided, dates: Record<string, string>): FieldIssue[] {
  const today = todayInShanghai();
  const issues: FieldIssue[] = [];
  for (const [field, date] of Object.entries({ ...dates, decisionDate: input.decisionDate })) {
    if (date && date > today) issues.push({ field: `body.${field}`, key: 'villageAssets.dateFuture', params: { date } });
  }
  if (input.decisionMeeting && !input.decisionDate) issues.push({ field: 'body.decisionDate', key: 'field.required' });
  return issues;
}
const refuse = (issues: FieldIssue[]) => { if (issues.length) throw new AppError('VALIDATION_FAILED', { issues }); };
const decisionOf = (input: Decided) => ({ decisionDate: input.decisionDate ?? null, decisionMeeting: input.decisionMeeting ?? null });

/** Form entry of one fund row: written with its audit entry, then the county's ledgers are screened again. */
async function createEntry(ctx: AppContext, actor: Actor, input: z.infer<typeof entryCreate>) {
  const v = await requireVillage(ctx.db, actor, input.villageId, 'body.villageId');
  refuse(dateIssues(input, { entryDate: input.entryDate }));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('village_fund_entries').values(entryValues(formTarget(actor, v), {
      ...input, date: input.entryDate, category: input.fundCategory, summary: input.entrySummary ?? null, handledBy: input.handledBy ?? null, approvedBy: input.approvedBy ?? null,
      ...decisionOf(input),
    })).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'villageAssets.entry.create', objectType: 'villageFundEntry', objectId: row.id,
      detail: { village: v.name, date: input.entryDate, voucherNo: input.voucherNo, direction: input.direction, amount: input.amount, counterparty: input.counterparty } });
    return row.id;
  });
  const run = await screenCounty(ctx, actor);
  return { ...(await entries(ctx.db, actor, { villageId: v.id, ids: id, page: 1, pageSize: 1 })).items[0], hits: run.hits };
}

/**
 * Form entry of one contract: the import's rules (start not in the future, end after start — a running contract
 * ends in the future —, the number not yet used in the village), written with its audit entry, then screened. The
 * number is checked under a per-village lock in the writing transaction, so two forms sent at once cannot both take it.
 */
async function createContract(ctx: AppContext, actor: Actor, input: z.infer<typeof contractCreate>) {
  const v = await requireVillage(ctx.db, actor, input.villageId, 'body.villageId');
  const issues = dateIssues(input, { startOn: input.startOn });
  if (input.endOn <= input.startOn) issues.push({ field: 'body.endOn', key: 'villageAssets.endBeforeStart', params: { start: input.startOn } });
  const id = await ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`villageAssets.contractNo:${v.id}`}))`.execute(trx);
    const taken = await trx.selectFrom('village_contracts').select('id').where('unit_id', '=', v.id).where('contract_no', '=', input.contractNo).executeTakeFirst();
    if (taken) issues.push({ field: 'body.contractNo', key: 'villageAssets.contractNoTaken', params: { contractNo: input.contractNo } });
    refuse(issues);
    const row = await trx.insertInto('village_contracts').values(contractValues(formTarget(actor, v), { ...input, ...decisionOf(input) })).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'villageAssets.contract.create', objectType: 'villageContract', objectId: row.id,
      detail: { village: v.name, contractNo: input.contractNo, objectName: input.objectName, counterparty: input.counterparty, startOn: input.startOn, endOn: input.endOn,
        annualRent: input.annualRent, awardMethod: input.awardMethod } });
    return row.id;
  });
  const run = await screenCounty(ctx, actor);
  return { ...(await contracts(ctx.db, actor, { villageId: v.id, ids: id, page: 1, pageSize: 1 })).items[0], hits: run.hits };
}

/** Form entry of one asset disposal: the import's rules (disposal and decision dates not in the future), audited, then screened. */
async function createDisposal(ctx: AppContext, actor: Actor, input: z.infer<typeof disposalCreate>) {
  const v = await requireVillage(ctx.db, actor, input.villageId, 'body.villageId');
  refuse(dateIssues(input, { disposedOn: input.disposedOn }));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('village_disposals').values(disposalValues(formTarget(actor, v), {
      ...input, buyer: input.disposalBuyer, method: input.disposalMethod, ...decisionOf(input),
    })).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'villageAssets.disposal.create', objectType: 'villageDisposal', objectId: row.id,
      detail: { village: v.name, assetName: input.assetName, disposedOn: input.disposedOn, appraisedValue: input.appraisedValue, salePrice: input.salePrice,
        buyer: input.disposalBuyer, method: input.disposalMethod } });
    return row.id;
  });
  const run = await screenCounty(ctx, actor);
  return { ...(await disposals(ctx.db, actor, { villageId: v.id, ids: id, page: 1, pageSize: 1 })).items[0], hits: run.hits };
}

export const ledgerService = { villages, entries, contracts, disposals, createEntry, createContract, createDisposal };
