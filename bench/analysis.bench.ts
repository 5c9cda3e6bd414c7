import os from 'node:os';
import { sql } from 'kysely';
import { areaCondition, countyActor } from '../src/modules/analysis/registry';
import { parsePeriod } from '../src/modules/analysis/periods';
import { generateReport, reportJson } from '../src/modules/analysis/report/reportService';
import type { AppContext } from '../src/platform/context';
import { median, round, summarise, type BenchResult } from './lib';
import { appWithSession, COUNTY, openPgliteCounty, openProvince } from './province';

/**
 * Situation analysis at scale (issue 5's targets):
 *  - PGlite, one county with 10 years of data: one county-quarter report ≤ 2 s;
 *  - PostgreSQL, the province (100 counties × 5 years): a county's quarterly report ≤ 1 s, the province's ≤ 5 s,
 *    dashboard API p95 ≤ 300 ms (the requests DashboardPage makes, through the real app with a session).
 * A report is composed as `lianjian report quarterly` composes it: metrics and 同比, text, docx, frozen row, JSON.
 * Baseline: counting the quarter's reports in the same area with one plain SQL statement, same run.
 */
export const QUARTER = '2026Q3';
const load = () => round(os.loadavg()[0], 2);

async function timeReport(ctx: AppContext, countyCode: string): Promise<{ ms: number; bytes: number; metrics: number }> {
  const t0 = performance.now();
  const r = await generateReport({ query: { db: ctx.db, actor: countyActor(), countyCode }, period: parsePeriod(QUARTER), generatedBy: null, date: '2026-10-15' });
  const json = JSON.stringify(reportJson(r));
  return { ms: performance.now() - t0, bytes: json.length + r.docx.length, metrics: Object.keys(r.metrics).length };
}

/** The quarter's reports in the area, counted by one statement: the floor any report over them stands on. */
async function baseline(ctx: AppContext, countyCode: string): Promise<number> {
  const p = parsePeriod(QUARTER);
  const area = areaCondition(countyCode, 'county_code');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await sql`select count(*) from reports where ${area} and received_on >= ${p.from} and received_on < ${p.to}`.execute(ctx.db);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function reportBench(ctx: AppContext, engine: string, countyCode: string, label: string, target: number, runs: number, log: (s: string) => void): Promise<BenchResult> {
  await timeReport(ctx, countyCode); // warm-up: plans, caches, module loading
  const base = await baseline(ctx, countyCode);
  const times: number[] = [];
  let last = { bytes: 0, metrics: 0 };
  const loadBefore = load();
  for (let i = 0; i < runs; i++) { const r = await timeReport(ctx, countyCode); times.push(r.ms); last = r; }
  const s = summarise(times);
  log(`  ${label}: median ${s.p50.toFixed(0)} ms, max ${s.max.toFixed(0)} ms (n=${runs}; load ${loadBefore} → ${load()})`);
  return { metric: `${label} (${QUARTER}, JSON + docx)`, engine, value: round(s.p50), unit: 'ms', target, samples: runs,
    baseline: { name: 'count(*) of the quarter’s reports', value: round(base, 3) },
    extra: { maxMs: round(s.max), metrics: last.metrics, outputBytes: last.bytes, loadAvg1m: loadBefore } };
}

export async function analysisPgliteBench(log: (s: string) => void): Promise<BenchResult[]> {
  const ds = await openPgliteCounty(log);
  try {
    const n = Number((await sql<{ n: string }>`select count(*) as n from reports`.execute(ds.ctx.db)).rows[0].n);
    log(`  PGlite county dataset: ${n} reports`);
    return [await reportBench(ds.ctx, 'pglite', COUNTY, 'county-quarter report, 10 years of county data', 2000, 5, log)];
  } finally {
    await ds.close();
  }
}

export async function analysisPostgresBench(log: (s: string) => void): Promise<BenchResult[]> {
  const ds = await openProvince(log);
  try {
    const out = [
      await reportBench(ds.ctx, 'postgresql', COUNTY, 'county quarterly report, province dataset', 1000, 5, log),
      await reportBench(ds.ctx, 'postgresql', COUNTY.slice(0, 2), 'province quarterly report (all counties)', 5000, 3, log),
    ];
    out.push(await dashboardBench(ds.ctx, log));
    return out;
  } finally {
    await ds.close();
  }
}

/** The dashboard's requests as DashboardPage makes them: catalogue, the period with 同比, 8 quarters of trend, one drill-down. */
async function dashboardBench(ctx: AppContext, log: (s: string) => void): Promise<BenchResult> {
  const { app, cookie } = await appWithSession(ctx, `cdi${COUNTY}`);
  try {
    const quarters = ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3'];
    const urls = [
      '/api/v1/analysis/catalogue',
      `/api/v1/analysis/metrics?period=${QUARTER}&cumulative=false&compare=yoy`,
      ...quarters.map((q) => `/api/v1/analysis/metrics?period=${q}&cumulative=false&compare=none&keys=reports.received`),
      `/api/v1/analysis/metrics/reports.received/records?period=${QUARTER}&cumulative=false`,
      `/api/v1/analysis/metrics/cases.opened/records?period=${QUARTER}&cumulative=false&dimension=rank&value=township`,
    ];
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return performance.now() - t0;
    };
    for (const u of urls) await get(u);
    const healthTimes: number[] = [];
    const times: number[] = [];
    const loadBefore = load();
    for (let round_ = 0; round_ < 5; round_++) {
      for (const u of urls) times.push(await get(u));
      const t0 = performance.now();
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      healthTimes.push(performance.now() - t0);
    }
    const s = summarise(times);
    log(`  dashboard API: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms over ${s.n} requests (load ${loadBefore} → ${load()})`);
    return { metric: 'dashboard API p95 (county user, province dataset)', engine: 'postgresql', value: round(s.p95), unit: 'ms', target: 300, samples: s.n,
      baseline: { name: 'GET /auth/me (session only)', value: round(median(healthTimes), 3) }, extra: { p50: round(s.p50), maxMs: round(s.max), loadAvg1m: loadBefore } };
  } finally {
    await app.close();
  }
}
