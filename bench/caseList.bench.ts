import os from 'node:os';
import { sql } from 'kysely';
import type { AppContext } from '../src/platform/context';
import { median, round, summarise, type BenchResult } from './lib';
import { appWithSession, COUNTY, openPgliteCounty, openProvince } from './province';

/**
 * Issue 4's target: case list and search p95 ≤ 100 ms with 100,000 cases on PostgreSQL and 10,000 on PGlite.
 * GET /api/v1/cases/cases as the cases page calls it (page size 20; first page, a deep page, a text search on
 * title or document number), through the real app with a signed-in session, for the county's CDI leader (sees
 * every case: 案件监督管理) and its case handler (sees only the cases whose team he is on, need-to-know in SQL).
 * PostgreSQL runs on the province dataset, so the list covers all its cases (≥ 200,000, twice the target's size).
 * Baseline: `select count(*) from cases`, same run.
 */
const load = () => round(os.loadavg()[0], 2);

async function listBench(ctx: AppContext, engine: string, log: (s: string) => void): Promise<BenchResult[]> {
  const total = Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(ctx.db)).rows[0].n);
  const baseTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    await sql`select count(*) from cases`.execute(ctx.db);
    baseTimes.push(performance.now() - t0);
  }
  const baseline = { name: 'select count(*) from cases', value: round(median(baseTimes), 3) };
  const out: BenchResult[] = [];
  for (const user of [`cdi${COUNTY}`, `cases${COUNTY}`]) {
    const { app, cookie } = await appWithSession(ctx, user);
    try {
      const visible = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/cases/cases?page=1&pageSize=20', headers: { cookie } })).body).total as number;
      const lastPage = Math.max(1, Math.ceil(visible / 20) - 1);
      const urls = [
        '/api/v1/cases/cases?page=1&pageSize=20',
        '/api/v1/cases/cases?page=2&pageSize=20',
        `/api/v1/cases/cases?page=${Math.min(lastPage, 50)}&pageSize=20`,
        `/api/v1/cases/cases?q=${encodeURIComponent('低保')}&page=1&pageSize=20`,
        `/api/v1/cases/cases?q=${encodeURIComponent('宜纪立〔2025〕1')}&page=1&pageSize=20`,
        `/api/v1/cases/cases?q=${encodeURIComponent('工程')}&page=2&pageSize=20`,
      ];
      const times: number[] = [];
      const get = async (url: string) => {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        return performance.now() - t0;
      };
      for (const u of urls) await get(u);
      const loadBefore = load();
      for (let r = 0; r < 8; r++) for (const u of urls) times.push(await get(u));
      const s = summarise(times);
      log(`  ${user}: ${visible} of ${total} cases visible; p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (load ${loadBefore} → ${load()})`);
      out.push({ metric: `case list and search p95 (${user.startsWith('cdi') ? 'supervisor, all cases' : 'handler, own team'})`, engine, value: round(s.p95), unit: 'ms', target: 100,
        samples: s.n, baseline, extra: { casesInTable: total, casesVisible: visible, p50: round(s.p50), maxMs: round(s.max), loadAvg1m: loadBefore } });
    } finally {
      await app.close();
    }
  }
  return out;
}

export async function caseListPgliteBench(log: (s: string) => void): Promise<BenchResult[]> {
  const ds = await openPgliteCounty(log);
  try { return await listBench(ds.ctx, 'pglite', log); } finally { await ds.close(); }
}

export async function caseListPostgresBench(log: (s: string) => void): Promise<BenchResult[]> {
  const ds = await openProvince(log);
  try { return await listBench(ds.ctx, 'postgresql', log); } finally { await ds.close(); }
}
