import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import '../src/modules';
import { generateProvince, type ProvinceOptions } from '../src/modules/analysis/scale/province';
import { DEMO_PASSWORD } from '../src/modules/org/demo/createDemoCounty';
import { loadConfig } from '../src/platform/config';
import { closeContext, createContext, type AppContext } from '../src/platform/context';
import { buildApp } from '../src/platform/http/app';
import { DEFAULT_PG_URL } from './fixture';

/**
 * The scale datasets of the analysis and case-list benchmarks, generated once and cached:
 *  - PGlite: one county over 10 years (1,020 cases a year, so the case list has over 10,000) in bench/.cache/pglite-county;
 *  - PostgreSQL: the province (100 counties × 5 years) in its own database, `lianjian_province` by default.
 * A rerun finds them and skips generation (delete the folder or drop the database to regenerate).
 */
export const cacheDir = path.join(import.meta.dirname, '.cache');
export const COUNTY = '530125';
const keyFile = path.join(cacheDir, 'master.key');

/** Reporter identities are sealed while generating: the datasets share one master key kept beside them. */
function useCachedMasterKey(): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, `${crypto.getRandomValues(Buffer.alloc(32)).toString('hex')}\n`, { mode: 0o600 });
  process.env.LIANJIAN_MASTER_KEY_FILE ??= keyFile;
}

export interface Dataset { ctx: AppContext; close(): Promise<void> }

async function generate(ctx: AppContext, opts: Omit<ProvinceOptions, 'progress'>, log: (s: string) => void): Promise<void> {
  log(`  generating the dataset (${opts.counties} counties × ${opts.years} years); cached for later runs`);
  await generateProvince(ctx.db, ctx.config, ctx.audit, { ...opts, progress: (l) => process.stderr.write(`    ${l}\n`) });
}

export async function openPgliteCounty(log: (s: string) => void): Promise<Dataset> {
  useCachedMasterKey();
  const dataDir = path.join(cacheDir, 'pglite-county');
  const marker = path.join(dataDir, 'generated.json');
  if (!fs.existsSync(marker)) fs.rmSync(dataDir, { recursive: true, force: true });
  const ctx = await createContext({ ...loadConfig({}), dataDir, databaseUrl: undefined });
  if (!fs.existsSync(marker)) {
    await generate(ctx, { province: COUNTY.slice(0, 2), counties: 1, years: 10, reportsPerYear: 2200, casesPerYear: 1020, firstCounty: COUNTY }, log);
    fs.writeFileSync(marker, `${JSON.stringify({ at: new Date().toISOString() })}\n`);
  }
  return { ctx, close: () => closeContext(ctx) };
}

export function provinceUrl(): string {
  if (process.env.LIANJIAN_PROVINCE_URL) return process.env.LIANJIAN_PROVINCE_URL;
  const u = new URL(process.env.DATABASE_URL || DEFAULT_PG_URL);
  u.pathname = '/lianjian_province';
  return u.toString();
}

/** Reports in the province database, or null when the database does not exist yet. */
async function provinceReports(url: string): Promise<number | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch {
    return null;
  }
  try {
    const r = await c.query<{ n: string }>(`select case when to_regclass('public.reports') is null then 0 else (select count(*) from reports) end as n`);
    return Number(r.rows[0].n);
  } finally {
    await c.end();
  }
}

export async function openProvince(log: (s: string) => void): Promise<Dataset> {
  useCachedMasterKey();
  const url = provinceUrl();
  let n = await provinceReports(url);
  if (n === null) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL || DEFAULT_PG_URL });
    await admin.connect();
    await admin.query(`create database ${new URL(url).pathname.slice(1)}`);
    await admin.end();
    n = 0;
  }
  const ctx = await createContext({ ...loadConfig({}), databaseUrl: url, dataDir: path.join(cacheDir, 'province-files') });
  if (n === 0) await generate(ctx, { province: COUNTY.slice(0, 2), counties: 100, years: 5, reportsPerYear: 2200, casesPerYear: 440, firstCounty: COUNTY }, log);
  else if (n < 1_000_000) log(`  ⚠ ${url.replace(/\/\/[^@/]*@/, '//…@')} holds only ${n} reports (a partial generation?): drop it to regenerate`);
  return { ctx, close: () => closeContext(ctx) };
}

/** The real app over a dataset, and a signed-in session cookie for app.inject. */
export async function appWithSession(ctx: AppContext, username: string): Promise<{ app: FastifyInstance; cookie: string }> {
  const app = await buildApp(ctx);
  await app.ready();
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lj_session');
  return { app, cookie: `lj_session=${cookie!.value}` };
}
