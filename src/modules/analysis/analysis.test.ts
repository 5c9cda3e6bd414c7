import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';

let t: TestApp;
let cookie = '';
const year = new Date().getFullYear();
beforeAll(async () => { t = await createTestApp(); cookie = await t.login('cdi'); });
afterAll(async () => { await t?.close(); });

const get = (url: string, c = cookie) => t.app.inject({ method: 'GET', url, headers: { cookie: c } });

describe('metric registry', () => {
  it('reports a metric whose module has not landed as unavailable, never as 0', async () => {
    const res = await get(`/api/v1/analysis/metrics?period=${year}Q1&keys=resources.marketAllocated`);
    expect(res.statusCode).toBe(200);
    expect(res.json().metrics['resources.marketAllocated']).toMatchObject({ unavailable: true, unit: '项' });
    expect(res.json().metrics['resources.marketAllocated']).not.toHaveProperty('value');
  });

  it('computes a registered metric with the ids behind it, equal to an independent SQL count', async () => {
    const res = await get(`/api/v1/analysis/metrics?period=${year}&keys=org.officials`);
    const m = res.json().metrics['org.officials'];
    const independent = await sql<{ n: number }>`select count(*)::int as n from officials where active and county_code = '530125'`.execute(t.ctx.db);
    expect(m.value).toBe(independent.rows[0].n);
    expect(m.recordIds).toHaveLength(m.value);
    expect(m.breakdown.rank.reduce((s: number, b: { value: number }) => s + b.value, 0)).toBe(m.value);
  });

  it('scopes values and drill-downs to the caller: a township sees only its own officials', async () => {
    const township = await t.login('t530125102');
    const res = await get(`/api/v1/analysis/metrics?period=${year}&keys=org.officials`, township);
    const independent = await sql<{ n: number }>`select count(*)::int as n from officials o join units u on u.id = o.unit_id
      where o.active and u.path like (select path || '%' from units where code = '530125102')`.execute(t.ctx.db);
    expect(res.json().metrics['org.officials'].value).toBe(independent.rows[0].n);
    const records = await get(`/api/v1/analysis/metrics/org.officials/records?period=${year}&dimension=rank&value=other`, township);
    expect(records.statusCode).toBe(200);
    expect(records.json().items.length).toBeGreaterThan(0);
    expect(records.json().items.every((i: { subtitle: string }) => !i.subtitle.includes('狗街镇'))).toBe(true);
  });

  it('compares with the same period a year earlier', async () => {
    const res = await get(`/api/v1/analysis/metrics?period=${year}Q1&cumulative=true&keys=org.officials&compare=yoy`);
    expect(res.json().yoy.period.from).toBe(`${year - 1}-01-01`);
    expect(res.json().yoy.metrics['org.officials'].value).toBe(0);
  });

  it('names the period field when it is not a period', async () => {
    const res = await get('/api/v1/analysis/metrics?period=lastquarter');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('query.period');
    expect(res.json().issues[0].message).toContain('统计期间');
  });

  it('lists the catalogue with availability', async () => {
    const res = await get('/api/v1/analysis/catalogue');
    const items = res.json().items as Array<{ key: string; available: boolean }>;
    expect(items.find((i) => i.key === 'org.officials')?.available).toBe(true);
    expect(items.find((i) => i.key === 'resources.marketAllocated')?.available).toBe(false);
  });
});
