import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { todayInShanghai } from '../../platform/calendar/dates';
import { emptyScope } from '../../platform/scope/actor';
import { parsePeriod } from '../analysis/periods';
import { countyActor, metricDefinition } from '../analysis/registry';
import { createDemoDisclosure } from './demo';
import { obligationStatus, quarterOf } from './schedule';

/**
 * The disclosure module through its API: township scope over its villages, obligation status at a date, input
 * validation, spot checks and their rectification, sites, and the four figures against independent SQL on the demo.
 */
let t: TestApp;
const c: Record<'cdi' | 'a' | 'b' | 'admin' | 'intake', string> = { cdi: '', a: '', b: '', admin: '', intake: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const last = year - 1;
const v: Record<'a' | 'b' | 'townA', string> = { a: '', b: '', townA: '' };

async function firstVillage(code: string): Promise<string> {
  const town = await t.ctx.db.selectFrom('units').select('path').where('code', '=', code).executeTakeFirstOrThrow();
  return (await t.ctx.db.selectFrom('units').select('id').where('kind', '=', 'village').where(sql<boolean>`path like ${`${town.path}%`}`).orderBy('code').executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestApp();
  [c.cdi, c.a, c.b, c.admin, c.intake] = await Promise.all([t.login('cdi'), t.login('t530125102'), t.login('t530125103'), t.login('admin'), t.login('intake')]);
  v.a = await firstVillage('530125102');
  v.b = await firstVillage('530125103');
  v.townA = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow()).id;
  const s = await injectAs(t, c.cdi, 'PUT', '/api/v1/disclosure/settings', { dueDays: 10, firstQuarter: `${last}Q1` });
  expect(s.statusCode, s.body).toBe(200);
}, 180_000);
afterAll(async () => { await t?.close(); });

const record = (unitId: string, quarter: string, publishedOn: string) => ({ unitId, kind: 'village', quarter, disclosedItems: ['finance', 'farmSubsidy'], publishedOn, channels: ['noticeBoard'] });
const matrix = async (cookie: string, y: number, extra = '') => {
  const r = await injectAs(t, cookie, 'GET', `/api/v1/disclosure/matrix?kind=village&year=${y}${extra}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { rows: Array<{ unitId: string; townshipCode: string; cells: Array<{ period: string; status: string; publishedOn: string | null }> }>; byTownship: Array<{ code: string; onTimeRate: number | null }> };
};
const cell = (m: Awaited<ReturnType<typeof matrix>>, unitId: string, period: string) => m.rows.find((r) => r.unitId === unitId)?.cells.find((x) => x.period === period)?.status;

describe('township scope over its villages', () => {
  it('township A records its own village, and neither sees nor records township B\'s', async () => {
    const own = await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', record(v.a, quarterOf(today), today));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toEqual(expect.objectContaining({ townshipCode: '530125102', quarter: quarterOf(today), disclosedItems: ['finance', 'farmSubsidy'] }));
    const before = { records: await countRows(t.ctx, 'disclosure_records'), audit: await countRows(t.ctx, 'audit_log') };
    const into = await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', record(v.b, quarterOf(today), today));
    expect(into.statusCode).toBe(400);
    expect(issueKeys(into)).toEqual(['field.unitNotFound']);
    expect({ records: await countRows(t.ctx, 'disclosure_records'), audit: await countRows(t.ctx, 'audit_log') }).toEqual(before);
    const m = await matrix(c.a, year);
    expect(m.rows.length).toBeGreaterThan(0);
    expect(m.rows.every((r) => r.townshipCode === '530125102')).toBe(true);
    expect(m.rows.some((r) => r.unitId === v.b)).toBe(false);
    const all = await matrix(c.cdi, year);
    expect(all.rows.some((r) => r.unitId === v.b)).toBe(true);
    expect((await injectAs(t, c.b, 'GET', `/api/v1/disclosure/records?unitId=${v.a}`)).json().items).toEqual([]);
    // Readers without a disclosure permission are refused; intake officers read but do not record.
    expect((await injectAs(t, c.admin, 'GET', '/api/v1/disclosure/records')).statusCode).toBe(403);
    expect((await injectAs(t, c.intake, 'GET', '/api/v1/disclosure/records')).statusCode).toBe(200);
    expect((await injectAs(t, c.intake, 'POST', '/api/v1/disclosure/records', record(v.a, quarterOf(today), today))).statusCode).toBe(403);
  });
});

describe('obligation status at a date', () => {
  it('is 按时 by the due date, 逾期 after it, 未公开 once the due date has passed unpublished', async () => {
    expect(obligationStatus('2026-04-10', '2026-04-10', '2026-05-01')).toBe('onTime');
    expect(obligationStatus('2026-04-10', '2026-04-11', '2026-05-01')).toBe('late');
    expect(obligationStatus('2026-04-10', null, '2026-04-10')).toBe('pending');
    expect(obligationStatus('2026-04-10', null, '2026-04-11')).toBe('missing');
    expect(obligationStatus('2026-04-10', '2026-04-20', '2026-04-15')).toBe('missing');

    expect((await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', record(v.a, `${last}Q2`, `${last}-07-10`))).statusCode).toBe(201);
    expect((await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', record(v.a, `${last}Q3`, `${last}-10-20`))).statusCode).toBe(201);
    const atDue = await matrix(c.a, last, `&asOf=${last}-04-10`);
    expect(cell(atDue, v.a, `${last}Q1`)).toBe('pending');
    const dayAfter = await matrix(c.a, last, `&asOf=${last}-04-11`);
    expect(cell(dayAfter, v.a, `${last}Q1`)).toBe('missing');
    const midOctober = await matrix(c.a, last, `&asOf=${last}-10-15`);
    expect([`${last}Q1`, `${last}Q2`, `${last}Q3`].map((p) => cell(midOctober, v.a, p))).toEqual(['missing', 'onTime', 'missing']);
    const now = await matrix(c.a, last);
    expect([1, 2, 3, 4].map((q) => cell(now, v.a, `${last}Q${q}`))).toEqual(['missing', 'onTime', 'late', 'missing']);
    // The overdue figure of last year's Q2 counts Q1 (due 04-10) for this village; Q2's (due 07-10) belongs to Q3.
    const q2 = await metricDefinition('disclosure.records.overdue')!.compute({ db: t.ctx.db, actor: countyActor(), countyCode: '530125', period: parsePeriod(`${last}Q2`) });
    expect(q2.recordIds).toContain(`${v.a}:village:${last}Q1`);
    expect(q2.recordIds.some((id) => id.endsWith(`:${last}Q2`))).toBe(false);
    const q3 = await metricDefinition('disclosure.records.overdue')!.compute({ db: t.ctx.db, actor: countyActor(), countyCode: '530125', period: parsePeriod(`${last}Q3`) });
    expect(q3.recordIds).not.toContain(`${v.a}:village:${last}Q2`);
  });
});

describe('validation', () => {
  it('names the field in Chinese and writes nothing', async () => {
    const before = { records: await countRows(t.ctx, 'disclosure_records'), audit: await countRows(t.ctx, 'audit_log') };
    const cases: Array<[object, string, string]> = [
      [{ ...record(v.a, '2026-3', today) }, 'body.quarter', '公开季度'],
      [{ ...record(v.a, `${year}Q1`, today), disclosedItems: [] }, 'body.disclosedItems', '公开事项'],
      [{ ...record(v.a, `${year}Q1`, today), disclosedItems: ['budget'] }, 'body.disclosedItems', '公开事项'],
      [{ ...record(v.townA, `${year}Q1`, today) }, 'body.unitId', '不是村委会'],
      [{ ...record(v.a, `${year + 1}Q1`, today) }, 'body.quarter', '尚未到来'],
      [{ ...record(v.a, `${year}Q1`, `${year + 1}-01-01`) }, 'body.publishedOn', '公开日期'],
    ];
    for (const [body, field, text] of cases) {
      const res = await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().issues[0].field).toBe(field);
      expect(res.json().issues[0].message).toContain(text);
    }
    expect((await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', record(v.a, '2026-3', today))).json().issues[0].message).toContain('2026Q3');
    const setting = await injectAs(t, c.cdi, 'PUT', '/api/v1/disclosure/settings', { dueDays: 10, firstQuarter: '2025-1' });
    expect(setting.statusCode).toBe(400);
    expect(setting.json().issues[0].message).toContain('起始季度');
    expect({ records: await countRows(t.ctx, 'disclosure_records'), audit: await countRows(t.ctx, 'audit_log') }).toEqual(before);
    expect((await injectAs(t, c.a, 'PUT', '/api/v1/disclosure/settings', { dueDays: 5, firstQuarter: null })).statusCode).toBe(403);
  });
});

describe('spot checks and sites', () => {
  it('a failed check is a problem the township rectifies once; a township cannot record checks', async () => {
    const base = { unitId: v.a, kind: 'village', checkedOn: today, inspector: '张某某', checkResult: 'fake' };
    const noProblem = await injectAs(t, c.cdi, 'POST', '/api/v1/disclosure/checks', { ...base, dueOn: today });
    expect(noProblem.statusCode).toBe(400);
    expect(noProblem.json().issues[0]).toEqual(expect.objectContaining({ field: 'body.problemNote' }));
    expect(noProblem.json().issues[0].message).toContain('发现问题');
    expect((await injectAs(t, c.a, 'POST', '/api/v1/disclosure/checks', { ...base, problemNote: '公开栏未张贴', dueOn: today })).statusCode).toBe(403);
    const made = await injectAs(t, c.cdi, 'POST', '/api/v1/disclosure/checks', { ...base, problemNote: '公开栏照片系补拍', dueOn: today });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toEqual(expect.objectContaining({ status: 'open', checkResult: 'fake', townshipCode: '530125102' }));
    const id = made.json().id;
    expect((await injectAs(t, c.b, 'POST', `/api/v1/disclosure/checks/${id}/rectify`, { rectifiedOn: today, rectificationNote: '越权' })).statusCode).toBe(404);
    const fixed = await injectAs(t, c.a, 'POST', `/api/v1/disclosure/checks/${id}/rectify`, { rectifiedOn: today, rectificationNote: '已重新公开并签字确认' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toEqual(expect.objectContaining({ status: 'rectified', rectificationNote: '已重新公开并签字确认' }));
    const again = await injectAs(t, c.a, 'POST', `/api/v1/disclosure/checks/${id}/rectify`, { rectifiedOn: today, rectificationNote: '再次' });
    expect(again.statusCode).toBe(409);
    const passed = await injectAs(t, c.cdi, 'POST', '/api/v1/disclosure/checks', { ...base, checkResult: 'passed' });
    expect(passed.json().status).toBeNull();
  });

  it('a named site needs its naming date; revoking keeps it out of the figure after that date', async () => {
    const body = { unitId: v.townA, kind: 'service', siteName: '测试便民服务中心示范点', status: 'named' };
    const missing = await injectAs(t, c.cdi, 'POST', '/api/v1/disclosure/demo-sites', body);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues[0].message).toContain('命名日期');
    const made = await injectAs(t, c.cdi, 'POST', '/api/v1/disclosure/demo-sites', { ...body, designatedOn: `${last}-03-01` });
    expect(made.statusCode, made.body).toBe(201);
    const q = (p: string) => metricDefinition('disclosure.demoSites')!.compute({ db: t.ctx.db, actor: countyActor(), countyCode: '530125', period: parsePeriod(p) });
    expect((await q(`${last}`)).recordIds).toContain(made.json().id);
    const revoked = await injectAs(t, c.cdi, 'PATCH', `/api/v1/disclosure/demo-sites/${made.json().id}`, { status: 'revoked', revokedOn: `${year}-01-15` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await q(`${last}`)).recordIds).toContain(made.json().id);
    expect((await q(`${year}Q1`)).recordIds).not.toContain(made.json().id);
    expect((await injectAs(t, c.a, 'PATCH', `/api/v1/disclosure/demo-sites/${made.json().id}`, { siteName: 'x' })).statusCode).toBe(403);
  });
});

describe('analysis figures on the demo data', () => {
  async function expected(from: string, to: string) {
    const ids = (r: { rows: Array<{ id: string }> }) => new Set(r.rows.map((x) => x.id));
    const sites = await sql<{ id: string }>`select id from disclosure_demo_sites where county_code = '530125' and designated_on < ${to}
      and (revoked_on is null or revoked_on >= ${to})`.execute(t.ctx.db);
    const published = await sql<{ id: string }>`select id from disclosure_records where county_code = '530125' and published_on >= ${from} and published_on < ${to}`.execute(t.ctx.db);
    const failed = await sql<{ id: string }>`select id from disclosure_checks where county_code = '530125' and checked_on >= ${from} and checked_on < ${to} and result <> 'passed'`.execute(t.ctx.db);
    // Quarters from the first tracked one, each due 10 days after it ends; one obligation per owing unit, kind and quarter.
    const overdue = await sql<{ id: string }>`
      with q as (select to_char(d, 'YYYY"Q"Q') as period, (d + interval '3 months' + interval '9 days')::date as due
                 from generate_series(${`${last}-01-01`}::date, ${to}::date, interval '3 months') d),
           k(kind, unit_kind) as (values ('village','village'),
             ('party','town'),('party','township'),('party','subdistrict'),('party','townshipOther'),('party','department'),
             ('government','town'),('government','township'),('government','subdistrict'),('government','townshipOther'),('government','department'),
             ('service','town'),('service','township'),('service','subdistrict'),('service','townshipOther'),('service','department'))
      select u.id || ':' || k.kind || ':' || q.period as id from units u join k on k.unit_kind = u.kind cross join q
      where u.county_code = '530125' and u.active and q.due >= ${from}::date and q.due < ${to}::date
        and not exists (select 1 from disclosure_records r where r.unit_id = u.id and r.kind = k.kind and r.period = q.period and r.published_on < ${to}::date)`.execute(t.ctx.db);
    return { demoSites: ids(sites), published: ids(published), checksFailed: ids(failed), 'records.overdue': ids(overdue) };
  }

  it('loads the demo (and not twice)', async () => {
    const r = await createDemoDisclosure(t.ctx.db, '530125');
    expect(r.records).toBeGreaterThan(500);
    expect(r.checks).toBe(15);
    expect(r.sites).toBe(6);
    expect((await createDemoDisclosure(t.ctx.db, '530125')).checks).toBe(0);
    const checks = await t.ctx.db.selectFrom('disclosure_checks').select(['result', 'status']).where('inspector', '<>', '张某某').execute();
    expect(checks.filter((x) => x.result !== 'passed').length).toBeGreaterThanOrEqual(4);
    expect(checks.some((x) => x.result === 'fake')).toBe(true);
    const sites = await t.ctx.db.selectFrom('disclosure_demo_sites').select('status').where('name', 'like', '%示范点').where('name', 'not like', '测试%').execute();
    expect(sites.filter((s) => s.status === 'named').length).toBe(4);
  }, 60_000);

  for (const label of ['last year', 'this year to date', 'last quarter']) {
    it(`equal independent SQL counts with their ids (${label})`, async () => {
      const period = label === 'last year' ? parsePeriod(`${last}`) : label === 'last quarter' ? parsePeriod(`${last}Q4`) : parsePeriod(`${year}-01-01..${today}`);
      const want = await expected(period.from, period.to);
      const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
      const got: Record<string, Set<string>> = {};
      for (const k of Object.keys(want)) {
        const value = await metricDefinition(`disclosure.${k}`)!.compute(q);
        expect(value.value).toBe(value.recordIds.length);
        for (const dim of Object.keys(value.breakdown ?? {})) expect(value.breakdown![dim].reduce((n, b) => n + b.value, 0)).toBe(value.value);
        got[k] = new Set(value.recordIds);
      }
      expect(got).toEqual(want);
      expect(want.published.size).toBeGreaterThan(0);
      expect(want['records.overdue'].size).toBeGreaterThan(0);
      const none = await metricDefinition('disclosure.published')!.compute({ ...q, actor: { scope: emptyScope(), userId: 'x' } });
      expect(none.value).toBe(0);
    });
  }

  it('the township sees its own share of the figures and the drill-down', async () => {
    const res = await injectAs(t, c.a, 'GET', `/api/v1/analysis/metrics/disclosure.records.overdue/records?period=${last}`);
    expect(res.statusCode, res.body).toBe(200);
    const all = await injectAs(t, c.cdi, 'GET', `/api/v1/analysis/metrics/disclosure.records.overdue/records?period=${last}`);
    expect(res.json().total).toBeLessThan(all.json().total);
    expect(res.json().items[0].title).toContain('未公开');
  });
});
