import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { closeContext } from '../src/platform/context';
import { parseOrThrow } from '../src/platform/http/validation';
import { fetchTownships, prepareWorld, startServer, submission, type ServerWorld } from '../src/modules/reports/loadHarness';
import { newReceipt, receiptHash } from '../src/modules/reports/receipts';
import { publicReportInput } from '../src/modules/reports/schema';
import { sealIdentity } from '../src/modules/reports/vault';
import { freePort, round, type BenchResult } from './lib';

/**
 * Intake target: POST /api/v1/public/reports against a real `serve` child, driven by autocannon with 32
 * connections (a warm-up of a fixed count, then about 20 s). Baselines in the same run: pgbench's single-row insert rate into
 * a table shaped like `reports` and a bare Fastify route doing only that INSERT (bench/intakeBare.ts), both PostgreSQL;
 * a plain in-process INSERT loop (PGlite). The machine's load average is printed beside the numbers. Every 201 is then
 * counted against the rows stored. lib.ts wants "value ≤ target", so throughput is shown as time per
 * submission (1/throughput) and the "≥ 0.2 of pgbench" target as pgbench inserts per submission ≤ 5.
 */
const CONNECTIONS = 32;
const MAIN_S = 20;
const BODIES = 4096;

interface Load { serverCpu?: number; rate: number; ok: number; non2xx: number; errors: number; p50: number; p99: number; seconds: number }
type Autocannon = (opts: Record<string, unknown>) => Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function drive(base: string, bodies: string[], run: { duration?: number; amount?: number }): Promise<Load> {
  // A non-literal specifier: autocannon ships no types and only its result fields read below are relied on.
  const name = 'autocannon';
  const autocannon = ((await import(name)) as { default: Autocannon }).default;
  let i = 0;
  const r = await autocannon({
    // autocannon notices that a counted run is over only at its next sample tick; 100 ms keeps the reported
    // duration (and so the rate) within ~1 % of the truth instead of up to a second long.
    url: base, connections: CONNECTIONS, sampleInt: 100, ...run,
    requests: [{ method: 'POST', path: '/api/v1/public/reports', headers: { 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  const ok = r['2xx'] as number;
  return { rate: ok / r.duration, ok, non2xx: r.non2xx, errors: r.errors + r.timeouts, p50: r.latency.p50, p99: r.latency.p99, seconds: r.duration };
}

/**
 * Warm-up, then a run of a fixed count sized to ~20 s from a calibration's rate. Both are counts, not durations,
 * so every request completes before the run ends and the 201s can be matched exactly against stored rows.
 */
async function load(world: ServerWorld, log: (s: string) => void): Promise<{ warm: Load; main: Load; bodies: string[] }> {
  const server = await startServer(world);
  try {
    const townships = await fetchTownships(server.base);
    const bodies = Array.from({ length: BODIES }, (_, i) => JSON.stringify(submission(i, townships)));
    const warm = await drive(server.base, bodies, { amount: CONNECTIONS * (world.engine === 'postgresql' ? 100 : 25) });
    log(`  warm-up: ${warm.ok} × 201 in ${warm.seconds} s = ${warm.rate.toFixed(0)}/s, p99 ${warm.p99} ms, non-2xx ${warm.non2xx}`);
    // The warm-up's rate includes the cold start; a short counted calibration sizes the measured run.
    const calib = await drive(server.base, bodies, { amount: CONNECTIONS * (world.engine === 'postgresql' ? 50 : 10) });
    const cpu0 = processCpuMs(server.child.pid);
    const main = await drive(server.base, bodies, { amount: Math.max(CONNECTIONS * 10, Math.round(calib.rate * MAIN_S)) });
    // Busy share of the server process over the run: near 100 % means its JS thread is the bottleneck,
    // well below means it mostly waits (for the database, or for a CPU the machine is sharing).
    main.serverCpu = (processCpuMs(server.child.pid) - cpu0) / (main.seconds * 1000);
    log(`  run: ${main.ok} × 201 in ${main.seconds} s = ${main.rate.toFixed(0)}/s, p50 ${main.p50} ms, p99 ${main.p99} ms, non-2xx ${main.non2xx}, errors ${main.errors}, server busy ${(main.serverCpu * 100).toFixed(0)} %`);
    await server.stop();
    return { warm: { ...warm, ok: warm.ok + calib.ok, non2xx: warm.non2xx + calib.non2xx }, main, bodies };
  } finally {
    await server.kill();
  }
}

/** Server-process CPU time per acknowledged request over a run, in µs. */
const cpuPerRequest = (l: Load) => ((l.serverCpu ?? NaN) * l.seconds * 1e6 / l.ok).toFixed(0);

/** User + system CPU time of a process so far (Linux /proc; NaN elsewhere). */
function processCpuMs(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14 and 15, in clock ticks of 1/100 s
  } catch { return NaN; }
}

async function countOnlinePg(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return Number((await c.query(`select count(*) from reports where channel = 'online'`)).rows[0].count); } finally { await c.end(); }
}

/** A table of the same shape as `reports` (columns, defaults, checks, indexes; no foreign keys). */
const SHAPE = `create table bench_reports (like reports including defaults including constraints including indexes)`;
const PGBENCH_SCRIPT = `\\set n random(1, 1000000000)
insert into bench_reports (id, county_code, unit_id, serial, channel, kind, title, content, township_code, accused_name, identified, receipt_hash, matter_group, received_on, route_due)
values (gen_random_uuid(), '530125', gen_random_uuid(), :client_id || '-' || :n || '-' || gen_random_uuid(), 'online', 'accusation',
  '反映村干部优亲厚友问题（' || :n || '）', repeat('村道硬化工程未经公开招标，直接交由村干部亲属承包。', 4), '530125102', '张某某', false,
  md5(:n || '/' || gen_random_uuid()), gen_random_uuid(), current_date, current_date + 21);
`;

async function pgSettings(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const show = async (n: string) => String((await c.query(`show ${n}`)).rows[0][n]);
    return { synchronous_commit: await show('synchronous_commit'), fsync: await show('fsync') };
  } finally { await c.end(); }
}

async function createShape(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(SHAPE); } finally { await c.end(); }
}

/**
 * The same bodies, connections and amount against bench/intakeBare.ts (one INSERT per request, nothing else):
 * what this machine allows an HTTP route at all, measured minutes apart from the intake run.
 */
async function bareRoute(url: string, bodies: string[], amount: number): Promise<Load> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/intakeBare.ts', url, String(port)], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  try {
    const t0 = Date.now();
    while (!out.includes('listening')) {
      if (child.exitCode !== null || Date.now() - t0 > 30_000) throw new Error(`bare route did not start: ${out.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const base = `http://127.0.0.1:${port}`;
    await drive(base, bodies, { amount: CONNECTIONS * 100 });
    const cpu0 = processCpuMs(child.pid);
    const r = await drive(base, bodies, { amount });
    return { ...r, serverCpu: (processCpuMs(child.pid) - cpu0) / (r.seconds * 1000) };
  } finally {
    child.kill('SIGKILL');
  }
}

async function pgbench(url: string): Promise<number> {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-pgbench-')), 'insert.sql');
  fs.writeFileSync(script, PGBENCH_SCRIPT);
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn('/usr/bin/pgbench', ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(MAIN_S), '-f', script, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let s = '';
    p.stdout.on('data', (d) => { s += d; });
    p.stderr.on('data', (d) => { s += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(s) : reject(new Error(`pgbench exited ${code}: ${s.slice(-500)}`))));
  });
  fs.rmSync(path.dirname(script), { recursive: true, force: true });
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps: ${out.slice(-500)}`);
  return Number(tps[1]);
}

/** PGlite, after the server stopped: rows stored, durability settings, and the in-process INSERT loop. */
async function pgliteAfter(world: ServerWorld): Promise<{ stored: number; settings: Record<string, string>; insertRate: number }> {
  const ctx = await world.open();
  try {
    const stored = (await sql<{ n: number }>`select count(*)::int as n from reports where channel = 'online'`.execute(ctx.db)).rows[0].n;
    const show = async (n: string) => String((await sql.raw<Record<string, string>>(`show ${n}`).execute(ctx.db)).rows[0][n]);
    const settings = { synchronous_commit: await show('synchronous_commit'), fsync: await show('fsync') };
    await sql.raw(SHAPE).execute(ctx.db);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 10_000) {
      await sql`insert into bench_reports (id, county_code, unit_id, serial, channel, kind, title, content, township_code, accused_name, identified, receipt_hash, matter_group, received_on, route_due)
        values (${randomUUID()}, '530125', ${randomUUID()}, ${`b-${n}`}, 'online', 'accusation', ${`反映村干部优亲厚友问题（${n}）`}, ${'村道硬化工程未经公开招标，直接交由村干部亲属承包。'.repeat(4)},
          '530125102', '张某某', false, ${randomUUID()}, ${randomUUID()}, current_date, current_date + 21)`.execute(ctx.db);
      n++;
    }
    return { stored, settings, insertRate: n / ((performance.now() - t0) / 1000) };
  } finally {
    await closeContext(ctx);
  }
}

/** CPU cost of the request's own steps, one thread, to tell which one dominates when a target is missed. */
function profileSteps(world: ServerWorld): string {
  const saved = process.env.LIANJIAN_MASTER_KEY;
  process.env.LIANJIAN_MASTER_KEY = world.env.LIANJIAN_MASTER_KEY;
  try {
    const bodies = Array.from({ length: 300 }, (_, i) => submission(i * 3)); // real-name ones: all steps run
    const us = (fn: (i: number) => unknown) => {
      for (let i = 0; i < 50; i++) fn(i);
      const t0 = performance.now();
      for (let i = 0; i < bodies.length; i++) fn(i);
      return (performance.now() - t0) * 1000 / bodies.length;
    };
    const config = { dataDir: world.dataDir } as Parameters<typeof sealIdentity>[0];
    const parsed = bodies.map((b) => parseOrThrow(publicReportInput, b, 'body'));
    const steps = {
      'JSON parse+validate': us((i) => parseOrThrow(publicReportInput, JSON.parse(JSON.stringify(bodies[i])), 'body')),
      'identity encryption': us((i) => sealIdentity(config, randomUUID(), parsed[i].reporter as never)),
      'receipt+hash': us(() => receiptHash(newReceipt())),
    };
    return Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)} µs`).join(', ');
  } finally {
    if (saved === undefined) delete process.env.LIANJIAN_MASTER_KEY; else process.env.LIANJIAN_MASTER_KEY = saved;
  }
}

const LIMIT_NOTE = 'submission rate limit raised via LIANJIAN_PUBLIC_SUBMITS_PER_MINUTE so the load measures throughput, not the limiter';

function rows(engine: string, warm: Load, main: Load, acked: number, stored: number, base: { name: string; perSecond: number }, target: { minRate: number; p99?: number }, notes: string[], bare?: Load): BenchResult[] {
  const baseline = { name: base.name, value: round(1e6 / base.perSecond, 1) };
  const verify = `${acked} × 201 (warm-up and run) vs ${stored} rows stored`;
  const bareRows: BenchResult[] = bare ? [
    { metric: 'intake ceiling: bare Fastify route, one INSERT', engine, value: round(1e6 / bare.rate, 1), unit: 'µs', target: null, samples: bare.ok,
      note: `${bare.rate.toFixed(0)}/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms; server CPU per request: intake ${cpuPerRequest(main)} µs, bare ${cpuPerRequest(bare)} µs; intake reaches ${(main.rate / bare.rate).toFixed(2)} of it; ${(bare.rate / base.perSecond).toFixed(2)} of ${base.name}` },
  ] : [];
  return [...bareRows,
    { metric: `intake baseline: ${base.name}`, engine, value: baseline.value, unit: 'µs', target: null, note: `${base.perSecond.toFixed(0)}/s` },
    { metric: `intake time per submission (1/throughput, ${CONNECTIONS} conn)`, engine, value: round(1e6 / main.rate, 1), unit: 'µs', target: round(1e6 / target.minRate), baseline,
      samples: main.ok, note: [`${main.rate.toFixed(0)} submissions/s (target ≥ ${target.minRate}/s)`, `p50 ${main.p50} ms`, `non-2xx ${main.non2xx} (warm-up ${warm.non2xx}), errors ${main.errors}`, verify, `server process busy ${((main.serverCpu ?? NaN) * 100).toFixed(0)} % of one core, machine load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`, LIMIT_NOTE, ...notes].join('; '),
      extra: { perSecond: round(main.rate, 1), p50Ms: main.p50, p99Ms: main.p99, non2xx: main.non2xx, acked, stored } },
    { metric: 'intake p99 latency under load', engine, value: main.p99, unit: 'ms', target: target.p99 ?? null, samples: main.ok, note: `p50 ${main.p50} ms` },
    { metric: `intake ${base.name.split(' ')[0]} rows per submission (≤ 5 ⇔ ≥ 0.2 of baseline)`, engine, value: round(base.perSecond / main.rate, 2), unit: '×', target: engine === 'postgresql' ? 5 : null },
    { metric: 'intake 201s without a stored row, or rows without a 201', engine, value: Math.abs(acked - stored), unit: '', target: 0, note: verify },
  ];
}

export async function intakeBench(log: (s: string) => void, engine: 'pglite' | 'postgresql', pgUrl: string): Promise<BenchResult[]> {
  const world = await prepareWorld(engine === 'postgresql' ? pgUrl : undefined);
  try {
    const { warm, main, bodies } = await load(world, log);
    const acked = warm.ok + main.ok;
    const profile = profileSteps(world);
    log(`  CPU per step (one thread): ${profile}`);
    if (engine === 'postgresql') {
      const stored = await countOnlinePg(world.databaseUrl!);
      const settings = await pgSettings(world.databaseUrl!);
      log(`  PostgreSQL synchronous_commit = ${settings.synchronous_commit}, fsync = ${settings.fsync}`);
      await createShape(world.databaseUrl!);
      const bare = await bareRoute(world.databaseUrl!, bodies, main.ok);
      log(`  bare Fastify route, one INSERT per request: ${bare.rate.toFixed(0)}/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms, non-2xx ${bare.non2xx}, server busy ${((bare.serverCpu ?? NaN) * 100).toFixed(0)} % (load ${os.loadavg()[0].toFixed(1)})`);
      log(`  server CPU per request: intake ${cpuPerRequest(main)} µs, bare route ${cpuPerRequest(bare)} µs`);
      const tps = await pgbench(world.databaseUrl!);
      log(`  pgbench single-row insert: ${tps.toFixed(0)}/s (load ${os.loadavg()[0].toFixed(1)})`);
      const durable = `durable commits: synchronous_commit=${settings.synchronous_commit}, fsync=${settings.fsync}`;
      // A submission is one statement (one round trip, one commit; see intakeInsert.ts). When the target is
      // missed, the bare route's rate in the same run tells whether any HTTP route could have met it here.
      const why = main.rate < 1000 ? [`analysis: one statement per submission; a bare route doing only the INSERT reached ${bare.rate.toFixed(0)}/s in this run, so the rest is the request's own CPU (steps above) on a shared machine`] : [];
      return rows(engine, warm, main, acked, stored, { name: 'pgbench single-row insert', perSecond: tps }, { minRate: 1000, p99: 50 }, [durable, `CPU per step: ${profile}`, ...why], bare);
    }
    const after = await pgliteAfter(world);
    log(`  PGlite synchronous_commit = ${after.settings.synchronous_commit}, fsync = ${after.settings.fsync}; INSERT loop ${after.insertRate.toFixed(0)}/s`);
    const durable = `synchronous_commit=${after.settings.synchronous_commit}, fsync=${after.settings.fsync}`;
    // PGlite is one connection inside the server's own thread (WASM): transactions run one after another and
    // the server's busy share includes the database's work, so ~100 % busy means that one thread is the limit.
    const why = 'analysis: one connection in the server thread (WASM), transactions in series; busy ≈ 100 % ⇒ that thread is the limit';
    return rows('pglite(dir)', warm, main, acked, after.stored, { name: 'in-process INSERT loop', perSecond: after.insertRate }, { minRate: 200 }, [durable, `CPU per step: ${profile}`, why]);
  } finally {
    await world.dispose();
  }
}
