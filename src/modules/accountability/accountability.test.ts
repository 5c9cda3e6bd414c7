import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { todayInShanghai } from '../../platform/calendar/dates';
import { countyActor, metricDefinition } from '../analysis/registry';
import { parsePeriod } from '../analysis/periods';
import { createDemoAccountability } from './demo';

/**
 * The accountability module through its API on the demo county: forms fitting the target (naming the field, nothing
 * written), the basis link, data scope, the two figures against independent SQL, and the demo decisions.
 */
let t: TestApp;
const c: Record<'cdi' | 'cases' | 'intake' | 'a' | 'admin', string> = { cdi: '', cases: '', intake: '', a: '', admin: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
let official = '';
let otherTownshipOfficial = '';
let cdiUnit = '';
let villageUnit = '';

beforeAll(async () => {
  t = await createTestApp();
  await createDemoAccountability(t.ctx.db, '530125');
  [c.cdi, c.cases, c.intake, c.a, c.admin] = await Promise.all([t.login('cdi'), t.login('cases'), t.login('intake'), t.login('t530125102'), t.login('admin')]);
  const db = t.ctx.db;
  const inTownship = (code: string) => db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select('o.id').where('u.code', '=', code)
    .where('o.post', '=', '党委书记').executeTakeFirstOrThrow();
  official = (await inTownship('530125102')).id;
  otherTownshipOfficial = (await inTownship('530125103')).id;
  cdiUnit = (await db.selectFrom('units').select('id').where('kind', '=', 'cdi').executeTakeFirstOrThrow()).id;
  const township = await db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow();
  villageUnit = (await db.selectFrom('units').select('id').where('parent_id', '=', township.id).orderBy('code').executeTakeFirstOrThrow()).id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const person = (extra: object = {}) => ({
  targetType: 'person', targetOfficialId: official, accountabilityForm: 'admonition', accountabilityReason: '分管项目推进不力，严重影响项目进展', decidedByUnitId: cdiUnit,
  decidedOn: today, documentNo: `宜纪发〔${year}〕77号`, leaderResponsibility: true, ...extra,
});
const snapshot = async () => ({ rows: await countRows(t.ctx, 'accountability_decisions'), audit: await countRows(t.ctx, 'audit_log') });

describe('accountability decisions', () => {
  it('refuses an organisation-only form for a person, naming 问责方式, and writes nothing; then records the decision', async () => {
    const before = await snapshot();
    const refused = await injectAs(t, c.cases, 'POST', '/api/v1/accountability/decisions', person({ accountabilityForm: 'reorganisation' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].field).toBe('body.accountabilityForm');
    expect(issueKeys(refused)).toEqual(['accountability.formNotForTarget']);
    expect(refused.json().issues[0].message).toBe('问责方式“改组”只适用于党组织（单位），不能用于对领导干部（个人）问责');
    expect(await snapshot()).toEqual(before);
    const ok = await injectAs(t, c.cases, 'POST', '/api/v1/accountability/decisions', person());
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual(expect.objectContaining({ targetType: 'person', officialId: official, accountabilityForm: 'admonition', leaderResponsibility: true,
      townshipCode: '530125102', decidedByUnitName: expect.stringContaining('纪委') }));
    expect(await snapshot()).toEqual({ rows: before.rows + 1, audit: before.audit + 1 });
  });

  it('refuses a person form for an organisation, a leader flag on an organisation and a missing target, each on its field', async () => {
    const before = await snapshot();
    const org = { targetType: 'organisation', targetUnitId: villageUnit, accountabilityForm: 'admonition', accountabilityReason: '班子软弱涣散', decidedByUnitId: cdiUnit,
      decidedOn: today, documentNo: `宜纪发〔${year}〕78号` };
    const form = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', org);
    expect(form.json().issues[0]).toEqual(expect.objectContaining({ field: 'body.accountabilityForm' }));
    expect(form.json().issues[0].message).toContain('诫勉');
    const flag = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', { ...org, accountabilityForm: 'inspection', leaderResponsibility: true });
    expect(flag.json().issues[0].field).toBe('body.leaderResponsibility');
    const missing = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', person({ targetOfficialId: undefined }));
    expect(missing.json().issues[0].field).toBe('body.targetOfficialId');
    expect(missing.json().issues[0].message).toContain('问责对象（干部）');
    const basis = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', person({ basisKind: 'case' }));
    expect(basis.json().issues[0].field).toBe('body.basisCaseId');
    const unknownCase = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', person({ basisKind: 'case', basisCaseId: '00000000-0000-4000-8000-000000000000' }));
    expect(issueKeys(unknownCase)).toEqual(['accountability.basisNotFound']);
    const future = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', person({ decidedOn: `${year + 1}-01-01` }));
    expect(future.json().issues[0].field).toBe('body.decidedOn');
    expect(await snapshot()).toEqual(before);
    const recorded = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', { ...org, accountabilityForm: 'reorganisation', basisKind: 'text', basisText: '县委巡察反馈' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toEqual(expect.objectContaining({ targetType: 'organisation', targetUnitId: villageUnit, basisKind: 'text', townshipCode: '530125102' }));
  });

  it('lets intake read but not write; the system administrator and township committees have no access', async () => {
    expect((await injectAs(t, c.intake, 'GET', '/api/v1/accountability/decisions')).statusCode).toBe(200);
    expect((await injectAs(t, c.intake, 'POST', '/api/v1/accountability/decisions', person())).statusCode).toBe(403);
    expect((await injectAs(t, c.admin, 'GET', '/api/v1/accountability/decisions')).statusCode).toBe(403);
    expect((await injectAs(t, c.a, 'GET', '/api/v1/accountability/decisions')).statusCode).toBe(403);
    const forms = (await injectAs(t, c.intake, 'GET', '/api/v1/accountability/forms')).json();
    expect(forms.person.map((f: { zh: string }) => f.zh)).toEqual(['通报', '诫勉', '组织调整或者组织处理', '纪律处分']);
    expect(forms.organisation.map((f: { zh: string }) => f.zh)).toEqual(['检查', '通报', '改组']);
  });

  it('filters by form, leader flag and official', async () => {
    const list = await injectAs(t, c.cdi, 'GET', `/api/v1/accountability/decisions?leaderResponsibility=true&officialId=${official}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items.every((d: { leaderResponsibility: boolean; officialId: string }) => d.leaderResponsibility && d.officialId === official)).toBe(true);
    const notice = (await injectAs(t, c.cdi, 'GET', '/api/v1/accountability/decisions?accountabilityForm=notice&pageSize=200')).json();
    expect(notice.items.every((d: { accountabilityForm: string }) => d.accountabilityForm === 'notice')).toBe(true);
    expect(notice.total).toBe((await sql<{ n: number }>`select count(*)::int as n from accountability_decisions where form = 'notice'`.execute(t.ctx.db)).rows[0].n);
  });
});

describe('data scope', () => {
  it('a user scoped to one township neither sees another township\'s decisions nor records one against its officials', async () => {
    const db = t.ctx.db;
    // A township user given the module's permissions (the built-in township role has none): scope still limits them.
    const role = await db.insertInto('roles').values({ code: 'test_acc_township', name: '测试', permissions: ['accountability.read', 'accountability.write'], data_scope: 'unitAndBelow' })
      .returning('id').executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('id').where('username', '=', 't530125102').executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: user.id, role_id: role.id }).execute();
    const a = await t.login('t530125102');
    const other = await injectAs(t, c.cdi, 'POST', '/api/v1/accountability/decisions', person({ targetOfficialId: otherTownshipOfficial, documentNo: `宜纪发〔${year}〕79号` }));
    expect(other.statusCode).toBe(201);
    expect((await injectAs(t, a, 'GET', `/api/v1/accountability/decisions/${other.json().id}`)).statusCode).toBe(404);
    const list = (await injectAs(t, a, 'GET', '/api/v1/accountability/decisions?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((d: { townshipCode: string | null }) => d.townshipCode === '530125102')).toBe(true);
    const before = await snapshot();
    const into = await injectAs(t, a, 'POST', '/api/v1/accountability/decisions', person({ targetOfficialId: otherTownshipOfficial }));
    expect(into.statusCode).toBe(400);
    expect(issueKeys(into)).toEqual(['accountability.officialNotFound']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('analysis figures', () => {
  for (const label of ['last year', 'this year to date']) {
    it(`decisions and leaders equal independent SQL counts with their ids (${label})`, async () => {
      const period = label === 'last year' ? parsePeriod(`${year - 1}`) : parsePeriod(`${year}-01-01..${today}`);
      const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
      const rows = await sql<{ id: string; form: string; official_id: string | null; leader_responsibility: boolean }>`select id, form, official_id, leader_responsibility
        from accountability_decisions where county_code = '530125' and decided_on >= ${period.from} and decided_on < ${period.to}`.execute(t.ctx.db);
      const d = await metricDefinition('accountability.decisions')!.compute(q);
      expect(new Set(d.recordIds)).toEqual(new Set(rows.rows.map((r) => r.id)));
      expect(d.value).toBe(rows.rows.length);
      expect(d.value).toBeGreaterThan(0);
      for (const g of d.breakdown!.accountabilityForm) expect(g.value).toBe(rows.rows.filter((r) => r.form === g.key).length);
      const leaders = new Set(rows.rows.filter((r) => r.leader_responsibility && r.official_id).map((r) => r.official_id));
      const l = await metricDefinition('accountability.leaders')!.compute(q);
      expect(new Set(l.recordIds)).toEqual(leaders);
      expect(l.value).toBe(leaders.size);
      const described = await metricDefinition('accountability.decisions')!.describe(q, d.recordIds.slice(0, 2));
      expect(described[0]?.link).toMatch(/^\/accountability\?decision=/);
    });
  }
});

describe('demo data', () => {
  it('loads about twelve decisions over last year and this year, persons and organisations, some with leader responsibility, once', async () => {
    const rows = await t.ctx.db.selectFrom('accountability_decisions').select(['target_type', 'form', 'decided_on', 'leader_responsibility'])
      .where('doc_no', 'not like', '%〔%〕7_号').execute();
    expect(rows.length).toBe(12);
    expect(rows.some((r) => r.decided_on.startsWith(String(year - 1)))).toBe(true);
    expect(rows.some((r) => r.decided_on.startsWith(String(year)))).toBe(true);
    expect(rows.filter((r) => r.target_type === 'organisation').length).toBe(3);
    expect(rows.filter((r) => r.leader_responsibility).length).toBe(4);
    expect(await createDemoAccountability(t.ctx.db, '530125')).toEqual({ decisions: 0 });
  });
});
