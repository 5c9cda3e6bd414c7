import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { todayInShanghai } from '../../platform/calendar/dates';
import { countyActor, metricDefinition } from '../analysis/registry';
import { parsePeriod } from '../analysis/periods';
import { createDemoPrevention } from './demo';

/**
 * The prevention module through its API on the demo county: the rules register (validation naming the field,
 * county scope for writing), risk points in a township's own scope, the figures against independent SQL, the demo.
 */
let t: TestApp;
const c: Record<'cdi' | 'a' | 'b' | 'cases' | 'admin', string> = { cdi: '', a: '', b: '', cases: '', admin: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await createDemoPrevention(t.ctx.db, '530125');
  [c.cdi, c.a, c.b, c.cases, c.admin] = await Promise.all([t.login('cdi'), t.login('t530125102'), t.login('t530125103'), t.login('cases'), t.login('admin')]);
  for (const code of ['530125102', '530125103', '530125D16']) units[code] = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const rule = (n: number) => ({ title: `关于加强村级工程项目管理的暂行规定${n}`, documentNo: `宜纪发〔${year}〕${90 + n}号`, issuingUnit: '中共宜良县纪委', issuedOn: today, ruleArea: 'construction' });
const risk = (code: string) => ({ unitId: units[code], post: '村镇规划建设服务中心主任', riskDescription: '工程验收把关不严', riskLevel: 'high', controlMeasures: '联合验收，结果公示',
  responsiblePerson: '张某某', reviewedOn: today });
const snapshot = async () => ({ rules: await countRows(t.ctx, 'prevention_rules'), risks: await countRows(t.ctx, 'prevention_risk_points'), audit: await countRows(t.ctx, 'audit_log') });

describe('prevention rules (制度建设)', () => {
  it('records a rule in 书名号, refuses a bad area, a future date and a repeated document number naming the field, writing nothing', async () => {
    const ok = await injectAs(t, c.cdi, 'POST', '/api/v1/prevention/rules', rule(1));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual(expect.objectContaining({ title: '《关于加强村级工程项目管理的暂行规定1》', ruleStatus: 'current', ruleArea: 'construction' }));
    const before = await snapshot();
    const area = await injectAs(t, c.cdi, 'POST', '/api/v1/prevention/rules', { ...rule(2), ruleArea: 'roads' });
    expect(area.statusCode).toBe(400);
    expect(area.json().issues[0].field).toBe('body.ruleArea');
    expect(area.json().issues[0].message).toContain('制度领域');
    const future = await injectAs(t, c.cdi, 'POST', '/api/v1/prevention/rules', { ...rule(3), issuedOn: `${year + 1}-01-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].field).toBe('body.issuedOn');
    expect(future.json().issues[0].message).toContain('印发日期');
    const dup = await injectAs(t, c.cdi, 'POST', '/api/v1/prevention/rules', { ...rule(4), documentNo: rule(1).documentNo });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues[0].message).toContain('文号');
    const noTitle = await injectAs(t, c.cdi, 'POST', '/api/v1/prevention/rules', { ...rule(5), title: '  ' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().issues[0].field).toBe('body.title');
    expect(await snapshot()).toEqual(before);
  });

  it('changes status and edits; a township committee reads the county rules but cannot write them', async () => {
    const id = (await injectAs(t, c.cdi, 'POST', '/api/v1/prevention/rules', rule(6))).json().id;
    const st = await injectAs(t, c.cdi, 'POST', `/api/v1/prevention/rules/${id}/status`, { ruleStatus: 'repealed' });
    expect(st.statusCode, st.body).toBe(200);
    expect(st.json().ruleStatus).toBe('repealed');
    const edit = await injectAs(t, c.cdi, 'PATCH', `/api/v1/prevention/rules/${id}`, { ruleSummary: '已并入新规定' });
    expect(edit.json()).toEqual(expect.objectContaining({ ruleSummary: '已并入新规定', ruleStatus: 'repealed' }));
    const list = await injectAs(t, c.a, 'GET', '/api/v1/prevention/rules?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const before = await snapshot();
    const refused = await injectAs(t, c.a, 'POST', '/api/v1/prevention/rules', rule(7));
    expect(refused.statusCode).toBe(403);
    expect(issueKeys(refused)).toEqual(['prevention.countyOnly']);
    expect((await injectAs(t, c.a, 'POST', `/api/v1/prevention/rules/${id}/status`, { ruleStatus: 'current' })).statusCode).toBe(403);
    expect((await injectAs(t, c.a, 'PATCH', `/api/v1/prevention/rules/${id}`, { title: '越权' })).statusCode).toBe(403);
    // Case handlers read only; the system administrator has no prevention permission.
    expect((await injectAs(t, c.cases, 'POST', '/api/v1/prevention/rules', rule(8))).statusCode).toBe(403);
    expect((await injectAs(t, c.cases, 'GET', '/api/v1/prevention/rules')).statusCode).toBe(200);
    expect((await injectAs(t, c.admin, 'GET', '/api/v1/prevention/rules')).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('risk points (廉政风险点) and data scope', () => {
  it('a township records its own risk point; another township neither sees nor edits it, nor writes into it', async () => {
    const created = await injectAs(t, c.a, 'POST', '/api/v1/prevention/risk-points', risk('530125102'));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toEqual(expect.objectContaining({ townshipCode: '530125102', riskLevel: 'high' }));
    expect((await injectAs(t, c.b, 'GET', `/api/v1/prevention/risk-points/${id}`)).statusCode).toBe(404);
    const listB = await injectAs(t, c.b, 'GET', '/api/v1/prevention/risk-points?pageSize=200');
    expect(listB.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(listB.json().items.every((i: { townshipCode: string | null }) => i.townshipCode === '530125103')).toBe(true);
    const before = await snapshot();
    expect((await injectAs(t, c.b, 'PATCH', `/api/v1/prevention/risk-points/${id}`, { riskLevel: 'low' })).statusCode).toBe(404);
    const into = await injectAs(t, c.b, 'POST', '/api/v1/prevention/risk-points', risk('530125102'));
    expect(into.statusCode).toBe(400);
    expect(issueKeys(into)).toEqual(['field.unitNotFound']);
    // Moving its own risk point into another township is refused too.
    const move = await injectAs(t, c.a, 'PATCH', `/api/v1/prevention/risk-points/${id}`, { unitId: units['530125103'] });
    expect(move.statusCode).toBe(400);
    expect(move.json().issues[0].field).toBe('body.unitId');
    expect(await snapshot()).toEqual(before);
    const edit = await injectAs(t, c.a, 'PATCH', `/api/v1/prevention/risk-points/${id}`, { riskLevel: 'medium', controlMeasures: '验收实行联合组验' });
    expect(edit.json()).toEqual(expect.objectContaining({ riskLevel: 'medium', controlMeasures: '验收实行联合组验' }));
    expect((await injectAs(t, c.cdi, 'GET', `/api/v1/prevention/risk-points/${id}`)).statusCode).toBe(200);
  });

  it('refuses a missing control measure and a bad level naming the field', async () => {
    const before = await snapshot();
    const { controlMeasures: _, ...noMeasures } = risk('530125102');
    const a = await injectAs(t, c.a, 'POST', '/api/v1/prevention/risk-points', noMeasures);
    expect(a.statusCode).toBe(400);
    expect(a.json().issues[0].field).toBe('body.controlMeasures');
    expect(a.json().issues[0].message).toContain('防控措施');
    const b = await injectAs(t, c.a, 'POST', '/api/v1/prevention/risk-points', { ...risk('530125102'), riskLevel: 'extreme' });
    expect(b.json().issues[0].message).toContain('风险等级');
    expect(await snapshot()).toEqual(before);
  });

  it('the chart counts by level and place in the caller\'s scope', async () => {
    const all = (await injectAs(t, c.cdi, 'GET', '/api/v1/prevention/risk-points/chart')).json();
    const own = (await injectAs(t, c.a, 'GET', '/api/v1/prevention/risk-points/chart')).json();
    const n = await countRows(t.ctx, 'prevention_risk_points');
    expect(all.total).toBe(n);
    expect(all.byLevel.reduce((s: number, l: { n: number }) => s + l.n, 0)).toBe(n);
    expect(all.byPlace.some((p: { kind: string }) => p.kind === 'unit')).toBe(true);
    expect(own.byPlace.map((p: { key: string }) => p.key)).toEqual(['530125102']);
    const mine = await sql<{ n: number }>`select count(*)::int as n from prevention_risk_points where township_code = '530125102'`.execute(t.ctx.db);
    expect(own.total).toBe(mine.rows[0].n);
  });
});

describe('analysis figures', () => {
  for (const label of ['last year', 'this year to date']) {
    it(`rulesIssued and riskPoints equal independent SQL counts with their ids (${label})`, async () => {
      const period = label === 'last year' ? parsePeriod(`${year - 1}`) : parsePeriod(`${year}-01-01..${today}`);
      const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
      const rules = await sql<{ id: string; area: string }>`select id, area from prevention_rules where county_code = '530125' and issued_on >= ${period.from}
        and issued_on < ${period.to}`.execute(t.ctx.db);
      const v = await metricDefinition('prevention.rulesIssued')!.compute(q);
      expect(new Set(v.recordIds)).toEqual(new Set(rules.rows.map((r) => r.id)));
      expect(v.value).toBe(rules.rows.length);
      for (const g of v.breakdown!.ruleArea) expect(g.value).toBe(rules.rows.filter((r) => r.area === g.key).length);
      const risks = await sql<{ id: string }>`select id from prevention_risk_points where county_code = '530125' and reviewed_on >= ${period.from}
        and reviewed_on < ${period.to}`.execute(t.ctx.db);
      const r = await metricDefinition('prevention.riskPoints')!.compute(q);
      expect(new Set(r.recordIds)).toEqual(new Set(risks.rows.map((x) => x.id)));
      expect(r.breakdown!.riskLevel.reduce((s, g) => s + g.value, 0)).toBe(r.value);
      if (label === 'last year') expect(v.value).toBe(7);
      const rows = await metricDefinition('prevention.rulesIssued')!.describe(q, v.recordIds.slice(0, 1));
      expect(rows[0]?.title).toMatch(/^《.+》$/);
    });
  }
});

describe('demo data', () => {
  it('loads nine rules (seven last year) and about forty risk points over departments and townships, once', async () => {
    const rules = await t.ctx.db.selectFrom('prevention_rules').select(['issued_on', 'doc_no']).where('doc_no', 'not like', '%〔%〕9_号').execute();
    expect(rules.filter((r) => r.issued_on.startsWith(String(year - 1))).length).toBe(7);
    expect(rules.length).toBe(9);
    const risks = await t.ctx.db.selectFrom('prevention_risk_points as r').innerJoin('units as u', 'u.id', 'r.unit_id').select(['u.kind', 'r.level', 'r.township_code'])
      .where('r.created_by', 'is not', null).where('r.post', '<>', '村镇规划建设服务中心主任').execute();
    expect(risks.length).toBeGreaterThanOrEqual(35);
    expect(risks.some((r) => r.kind === 'department')).toBe(true);
    expect(new Set(risks.map((r) => r.township_code).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(risks.map((r) => r.level))).toEqual(new Set(['high', 'medium', 'low']));
    expect(await createDemoPrevention(t.ctx.db, '530125')).toEqual({ rules: 0, riskPoints: 0 });
  });
});
