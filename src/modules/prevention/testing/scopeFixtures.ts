import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';

/**
 * Scope fixtures for the prevention module: a risk point of township B (inserted directly; the probes exercise the
 * API) that township A must neither list, read, change nor create into; and the county's rules, which only a caller
 * whose scope holds the CDI may record or change (township A is refused, the county is not).
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const today = new Date().toISOString().slice(0, 10);
let seq = 0;

async function riskPointIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const unit = await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const post = `范围测试岗位${++seq}`;
  const r = await t.ctx.db.insertInto('prevention_risk_points').values({
    county_code: '530125', unit_id: unit.id, township_code: code, post, description: '范围测试风险', level: 'medium', measures: '范围测试措施',
    responsible_person: '张某某', reviewed_on: '2026-03-01',
  }).returning('id').executeTakeFirstOrThrow();
  return { id: r.id, post, unitId: unit.id };
}

async function rule(t: TestApp): Promise<Record<string, string>> {
  const cdi = await t.ctx.db.selectFrom('units').select('id').where('county_code', '=', '530125').where('kind', '=', 'cdi').executeTakeFirstOrThrow();
  const r = await t.ctx.db.insertInto('prevention_rules').values({
    county_code: '530125', unit_id: cdi.id, title: `《范围测试制度${++seq}》`, doc_no: `范围测试〔2026〕${seq}号`, issuing_unit: '中共宜良县纪委', issued_on: '2026-03-01',
    area: 'other',
  }).returning('id').executeTakeFirstOrThrow();
  return { id: r.id };
}

const riskSnapshot = async (t: TestApp, rec: Record<string, string>) =>
  t.ctx.db.selectFrom('prevention_risk_points').select(['post', 'level', 'measures', 'unit_id']).where('id', '=', rec.id).executeTakeFirst();
const ruleSnapshot = async (t: TestApp, rec: Record<string, string>) =>
  t.ctx.db.selectFrom('prevention_rules').select(['title', 'status', 'doc_no']).where('id', '=', rec.id).executeTakeFirst();
const ruleCount = async (t: TestApp) => (await t.ctx.db.selectFrom('prevention_rules').select('id').execute()).length;

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  riskPoints: {
    list: {
      setup: riskPointIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/prevention/risk-points?q=${encodeURIComponent(rec.post)}` });
        const chart = await inject({ method: 'GET', url: `/api/v1/prevention/risk-points/chart?q=${encodeURIComponent(rec.post)}` });
        return (ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id)) || (ok(chart) && chart.json().total > 0);
      },
    },
    read: { setup: riskPointIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/prevention/risk-points/${rec.id}` })) },
    create: {
      setup: riskPointIn,
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('prevention_risk_points').select('id').where('unit_id', '=', rec.unitId).execute()).length,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/prevention/risk-points', payload: {
        unitId: rec.unitId, post: '范围测试新岗位', riskDescription: '范围测试', riskLevel: 'low', controlMeasures: '范围测试', responsiblePerson: '李某', reviewedOn: today } })),
    },
    update: {
      setup: riskPointIn, snapshot: riskSnapshot,
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/prevention/risk-points/${rec.id}`, payload: { riskLevel: 'high', controlMeasures: '越权修改' } })),
    },
  },
  preventionRules: {
    create: {
      setup: async () => ({}), snapshot: ruleCount,
      reaches: async (inject) => ok(await inject({ method: 'POST', url: '/api/v1/prevention/rules', payload: {
        title: `范围测试新制度${++seq}`, documentNo: `范围测试新〔2026〕${seq}号`, issuingUnit: '中共宜良县纪委', issuedOn: today, ruleArea: 'other' } })),
    },
    update: {
      setup: rule, snapshot: ruleSnapshot,
      reaches: async (inject, rec) => {
        const edit = ok(await inject({ method: 'PATCH', url: `/api/v1/prevention/rules/${rec.id}`, payload: { title: '越权修改' } }));
        const status = ok(await inject({ method: 'POST', url: `/api/v1/prevention/rules/${rec.id}/status`, payload: { ruleStatus: 'repealed' } }));
        return edit || status;
      },
    },
  },
};
