import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { tiers, type PenaltyKind, type Tier } from './db';
import type { benchmarkCreate, benchmarkTiersUpdate } from './schema';

/**
 * 裁量基准: a department's items, each with its tiers' fine bands. Benchmarks must be published (行政处罚法 第三十四条),
 * so every reader of the module sees every department's; a department writes only its own.
 */
type Input = z.infer<typeof benchmarkCreate>;
export type TiersInput = z.infer<typeof benchmarkTiersUpdate>['tiers'];

export interface BenchmarkTier { tier: Tier; fineBasis: 'amount' | 'multiple'; fineMin: number; fineMax: number; penaltyKinds: PenaltyKind[]; circumstances: string | null }
export interface BenchmarkItem {
  id: string; departmentId: string; departmentName: string; itemCode: string; violation: string; legalBasis: string; penaltyBasis: string; demo: boolean; tiers: BenchmarkTier[];
}

export const order = (t: Tier) => tiers.indexOf(t);

export async function loadItems(db: Kysely<DB>, countyCode: string, filter: { departmentId?: string; itemId?: string } = {}): Promise<BenchmarkItem[]> {
  let q = db.selectFrom('penalty_benchmark_items as i').innerJoin('units as u', 'u.id', 'i.unit_id')
    .select(['i.id', 'i.unit_id', 'u.name as unitName', 'i.code', 'i.violation', 'i.legal_basis', 'i.penalty_basis', 'i.demo']).where('i.county_code', '=', countyCode);
  if (filter.departmentId) q = q.where('i.unit_id', '=', filter.departmentId);
  if (filter.itemId) q = q.where('i.id', '=', filter.itemId);
  const items = await q.orderBy('u.code').orderBy('i.code').execute();
  if (items.length === 0) return [];
  const rows = await db.selectFrom('penalty_benchmark_tiers').selectAll().where('item_id', 'in', items.map((i) => i.id)).execute();
  return items.map((i) => ({
    id: i.id, departmentId: i.unit_id, departmentName: i.unitName, itemCode: i.code, violation: i.violation, legalBasis: i.legal_basis, penaltyBasis: i.penalty_basis, demo: i.demo,
    tiers: rows.filter((r) => r.item_id === i.id).sort((a, b) => order(a.tier) - order(b.tier)).map((r) => ({
      tier: r.tier, fineBasis: r.fine_basis, fineMin: Number(r.fine_min), fineMax: Number(r.fine_max), penaltyKinds: r.kinds as PenaltyKind[], circumstances: r.circumstances,
    })),
  }));
}

/** One band per tier, min ≤ max, and 不予处罚 carries no fine. */
export function checkTiers(input: TiersInput): void {
  const seen = new Set<Tier>();
  for (const [i, t] of input.entries()) {
    if (seen.has(t.tier)) throw AppError.field(`body.tiers[${i}].tier`, 'penaltyDiscretion.tierTwice');
    seen.add(t.tier);
    if (t.fineMax < t.fineMin) throw AppError.field(`body.tiers[${i}].fineMax`, 'penaltyDiscretion.bandOrder', { min: t.fineMin, max: t.fineMax });
    if (t.tier === 'none' && t.fineMax > 0) throw AppError.field(`body.tiers[${i}].fineMax`, 'penaltyDiscretion.noneHasFine');
  }
}
export const bandText = (t: { tier: string; fineBasis: string; fineMin: number | string; fineMax: number | string }) =>
  `${t.tier}:${Number(t.fineMin)}-${Number(t.fineMax)}${t.fineBasis === 'multiple' ? 'x' : ''}`;

async function create(ctx: AppContext, actor: Actor, input: Input): Promise<BenchmarkItem> {
  const unit = await ctx.db.selectFrom('units').select(['id', 'county_code']).where('id', '=', input.departmentId).executeTakeFirst();
  if (!unit || unit.county_code !== actor.countyCode || !(await unitInScope(ctx.db, actor, unit.id))) throw AppError.field('body.departmentId', 'field.unitNotFound');
  checkTiers(input.tiers);
  const taken = await ctx.db.selectFrom('penalty_benchmark_items').select('id').where('unit_id', '=', unit.id).where('code', '=', input.itemCode).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', { issues: [{ field: 'body.itemCode', key: 'penaltyDiscretion.itemCodeTaken', params: { code: input.itemCode } }] });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('penalty_benchmark_items').values({
      county_code: actor.countyCode, unit_id: unit.id, code: input.itemCode, violation: input.violation, legal_basis: input.legalBasis, penalty_basis: input.penaltyBasis,
      created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('penalty_benchmark_tiers').values(input.tiers.map((t) => ({
      item_id: row.id, tier: t.tier, fine_basis: t.fineBasis, fine_min: t.fineMin, fine_max: t.fineMax, kinds: t.penaltyKinds, circumstances: t.circumstances || null,
    }))).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'penaltyDiscretion.benchmark.create', objectType: 'penaltyBenchmarkItem', objectId: row.id,
      detail: { itemCode: input.itemCode, violation: input.violation, tiers: input.tiers.map(bandText) } });
    return row.id;
  });
  return (await loadItems(ctx.db, actor.countyCode, { itemId: id }))[0];
}

export const benchmarkService = { list: (db: Kysely<DB>, actor: Actor, f: { departmentId?: string }) => loadItems(db, actor.countyCode, f), create };
