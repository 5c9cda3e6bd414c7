import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyModuleRoleGrants } from '../..';
import { createTestApp, type TestApp } from '../../../../test/helpers';
import { evaluateMetrics } from '../evaluate';
import { parsePeriod } from '../periods';
import { countyActor } from '../registry';
import { generateProvince, type ProvinceResult } from './province';

/**
 * The scale generator writes with SQL in bulk; these checks hold its rows to what the app reads: the services
 * answer for them through HTTP, the metrics count exactly what independent SQL counts, county and province alike.
 */
describe('scale dataset generator', () => {
  let t: TestApp;
  let r: ProvinceResult;
  const today = '2026-11-26';
  const q3 = parsePeriod('2026Q3');
  const n = async (text: ReturnType<typeof sql>) => Number(((await text.execute(t.ctx.db)).rows[0] as { n: string }).n);

  beforeAll(async () => {
    t = await createTestApp({ demo: false });
    r = await generateProvince(t.ctx.db, t.ctx.config, t.ctx.audit, { province: '53', counties: 2, years: 1, reportsPerYear: 400, casesPerYear: 120, firstCounty: '530125', today });
    await applyModuleRoleGrants(t.ctx.db);
  }, 300_000);
  afterAll(async () => { await t.close(); });

  it('writes real counties of the province, the county code on every row, and one audit entry', async () => {
    expect(r.counties.map((c) => c.code)).toEqual(['530125', '530102']);
    expect(r.counties[0].name).toBe('宜良县');
    for (const table of ['reports', 'report_events', 'clues', 'clue_sources', 'cases', 'officials', 'units']) {
      expect(await n(sql`select count(*) as n from ${sql.table(table)} where county_code not in ('530125', '530102')`)).toBe(0);
    }
    expect(r.reports).toBe(await n(sql`select count(*) as n from reports`));
    expect(r.cases).toBe(await n(sql`select count(*) as n from cases`));
    expect(r.cases).toBeGreaterThan(100);
    expect(await n(sql`select count(*) as n from audit_log where action = 'system.demoProvince'`)).toBe(1);
    // Every case has its subject and investigator; every decided subject has an outcome with the rules' detail.
    expect(await n(sql`select count(*) as n from cases c where not exists (select 1 from case_subjects s where s.case_id = c.id)`)).toBe(0);
    expect(await n(sql`select count(*) as n from cases c where not exists (select 1 from case_members m where m.case_id = c.id and m.role = 'investigator')`)).toBe(0);
    expect(await n(sql`select count(*) as n from case_outcomes where detail -> 'outcome' ->> 'type' is distinct from type`)).toBe(0);
  });

  it('counts what independent SQL counts, per county and for the province', async () => {
    const base = { db: t.ctx.db, actor: countyActor() };
    const county = await evaluateMetrics({ ...base, countyCode: '530125' }, q3, ['reports.received', 'cases.opened', 'sanctions.persons']);
    const province = await evaluateMetrics({ ...base, countyCode: '53' }, q3, ['reports.received', 'cases.opened']);
    const value = (m: (typeof county)[string]) => ('value' in m ? m.value : NaN);
    expect(value(county['reports.received'])).toBe(await n(sql`select count(*) as n from reports where county_code = '530125' and received_on >= ${q3.from} and received_on < ${q3.to}`));
    expect(value(county['cases.opened'])).toBe(await n(sql`select count(*) as n from cases where county_code = '530125' and opened_on >= ${q3.from} and opened_on < ${q3.to}`));
    expect(value(county['sanctions.persons'])).toBe(await n(sql`select count(distinct o.subject_id) as n from case_outcomes o join cases c on c.id = o.case_id
      where c.county_code = '530125' and o.type = 'sanction' and o.decided_on >= ${q3.from} and o.decided_on < ${q3.to}`));
    expect(value(county['cases.opened'])).toBeGreaterThan(0);
    expect(value(province['reports.received'])).toBe(await n(sql`select count(*) as n from reports where received_on >= ${q3.from} and received_on < ${q3.to}`));
    expect(value(province['cases.opened'])).toBe(await n(sql`select count(*) as n from cases where opened_on >= ${q3.from} and opened_on < ${q3.to}`));
  });

  it('counts a province in SQL exactly as its counties count row by row (values and breakdowns)', async () => {
    const base = { db: t.ctx.db, actor: countyActor() };
    const keys = ['reports.received', 'reports.distinct', 'reports.realName', 'reports.accepted', 'reports.closed', 'reports.closedOnTime',
      'reports.efficiencyComplaints', 'reports.efficiencyConductComplaints', 'org.officials'];
    const province = await evaluateMetrics({ ...base, countyCode: '53' }, q3, keys);
    const counties = await Promise.all(['530125', '530102'].map((c) => evaluateMetrics({ ...base, countyCode: c }, q3, keys)));
    type Avail = { value: number; recordIds: string[]; recordCount?: number; breakdown?: Record<string, Array<{ key: string; value: number }>> };
    for (const key of keys) {
      const p = province[key] as unknown as Avail;
      const parts = counties.map((c) => c[key] as unknown as Avail);
      expect(p.value, key).toBe(parts[0].value + parts[1].value);
      expect(p.recordCount, key).toBe(p.value);
      const union = new Set([...parts[0].recordIds, ...parts[1].recordIds]);
      // Over the id budget a province keeps its first ids (with recordCount); below it, exactly the counties' ids.
      if (p.value <= 1000) expect(new Set(p.recordIds), key).toEqual(union);
      else expect(p.recordIds.length === 1000 && p.recordIds.every((id) => union.has(id)), key).toBe(true);
      for (const [dim, items] of Object.entries(p.breakdown ?? {})) {
        const merged = new Map<string, number>();
        for (const part of parts) for (const b of part.breakdown?.[dim] ?? []) merged.set(b.key, (merged.get(b.key) ?? 0) + b.value);
        expect(new Map(items.map((b) => [b.key, b.value])), `${key} by ${dim}`).toEqual(merged);
      }
    }
    expect((province['reports.received'] as unknown as Avail).value).toBeGreaterThan(50);
  });

  it('is read by the services like app-created rows: lists, case file, report detail', async () => {
    const handler = await t.login('cases530125');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases/cases?page=1&pageSize=20', headers: { cookie: handler } });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(await n(sql`select count(*) as n from cases where county_code = '530125'`));
    const caseId = list.json().items[0].id as string;
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/cases/cases/${caseId}`, headers: { cookie: handler } });
    expect(file.statusCode).toBe(200);
    expect(file.json().subjects).toHaveLength(1);
    const leader = await t.login('cdi530125');
    const reportId = (await sql<{ id: string }>`select id from reports where county_code = '530125' and status = 'closed' limit 1`.execute(t.ctx.db)).rows[0].id;
    const report = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${reportId}`, headers: { cookie: leader } });
    expect(report.statusCode).toBe(200);
  });
});
