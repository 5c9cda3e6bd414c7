import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';

/**
 * Scope fixtures for the accountability module: an official of township B and a decision on them (inserted
 * directly; the probes exercise the API). Township A must neither list nor read the decision, nor record one
 * against B's official; the county can.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const today = new Date().toISOString().slice(0, 10);
let seq = 0;

async function decisionIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const db = t.ctx.db;
  const unit = await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const name = `范围测试问责${++seq}`;
  const o = await db.insertInto('officials').values({ county_code: '530125', unit_id: unit.id, name, gender: 'male', rank: 'township', managed_by: 'county', post: '副镇长' })
    .returning('id').executeTakeFirstOrThrow();
  const d = await db.insertInto('accountability_decisions').values({
    county_code: '530125', unit_id: unit.id, target_type: 'person', official_id: o.id, target_name: name, target_post: '副镇长', township_code: code, form: 'notice',
    reason: '范围测试', decided_by_unit_id: unit.id, decided_on: '2026-03-01', doc_no: `范围测试〔2026〕${seq}号`,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: d.id, name, officialId: o.id, unitId: unit.id };
}

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  accountabilityDecisions: {
    list: {
      setup: decisionIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/accountability/decisions?q=${encodeURIComponent(rec.name)}` });
        return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
    read: { setup: decisionIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/accountability/decisions/${rec.id}` })) },
    create: {
      setup: decisionIn,
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('accountability_decisions').select('id').where('unit_id', '=', rec.unitId).execute()).length,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/accountability/decisions', payload: {
        targetType: 'person', targetOfficialId: rec.officialId, accountabilityForm: 'admonition', accountabilityReason: '范围测试', decidedByUnitId: rec.unitId,
        decidedOn: today, documentNo: '范围测试新〔2026〕1号' } })),
    },
  },
};
