import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, median, round, type BenchResult } from './lib';

/**
 * Target 1: `serve` answers its first page within 60 s on an empty data folder (demo county created) and
 * within 10 s on an existing one. Measured from spawn to the first 200 HTML answer on `GET /`, against a
 * bare fastify process polled the same way, so the ratio strips out this machine's Node start-up speed.
 */
const root = path.resolve(import.meta.dirname, '..');
const POLL_MS = 20;
const RESTARTS = 3;

// The smallest server that can answer `/`: what any Node web process pays before doing real work.
const bareServer = `
const app = require('fastify')();
app.get('/', async (_q, r) => r.type('text/html').send('<!doctype html><title>ok</title>'));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

interface Started { child: ChildProcess; ms: number; output: () => string }

/** GET / on a fresh connection; resolves the status and content type, or null when nothing listens yet. */
function probe(port: number): Promise<{ status: number; type: string } | null> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

async function startAndWait(args: string[], env: NodeJS.ProcessEnv, port: number, limitMs: number): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  let exited: number | null = null;
  child.once('exit', (code) => { exited = code ?? -1; });
  for (;;) {
    const r = await probe(port);
    if (r && r.status === 200 && r.type.startsWith('text/html')) return { child, ms: performance.now() - t0, output: () => output };
    if (r) { await stop(child); throw new Error(`GET / answered ${r.status} ${r.type}, expected 200 text/html`); }
    if (exited !== null) throw new Error(`exited with ${exited} before answering:\n${output.trim().split('\n').slice(-6).join('\n')}`);
    if (performance.now() - t0 > limitMs) { await stop(child); throw new Error(`no answer within ${limitMs / 1000} s`); }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** SIGTERM and wait for a clean exit, so the next start finds the data folder released (PGlite holds it). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await done;
  clearTimeout(timer);
}

/**
 * Time one start. `serve` also prints its own "ready in N s", counted from inside the command: the
 * difference to the spawn-to-answer time is Node start-up plus loading the TypeScript sources via tsx.
 */
async function timeStart(args: string[], env: NodeJS.ProcessEnv, limitMs: number): Promise<{ ms: number; selfReportedMs?: number }> {
  const port = await freePort();
  const { child, ms, output } = await startAndWait(args, { ...env, PORT: String(port) }, port, limitMs);
  await stop(child);
  const ready = /ready in ([\d.]+) s/.exec(output());
  return { ms, selfReportedMs: ready ? Number(ready[1]) * 1000 : undefined };
}

/** The entry under test: the same command `npm start` runs. */
function chooseEntry(env: NodeJS.ProcessEnv): { args: string[]; note?: string } {
  const check = spawnSync(process.execPath, ['bin/lianjian.mjs', '--help'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  if (check.status !== 0) throw new Error(`bin/lianjian.mjs does not start: ${check.stderr || check.stdout}`);
  return { args: ['bin/lianjian.mjs', 'serve'] };
}

export async function startupBench(log: (s: string) => void): Promise<BenchResult[]> {
  const notes: string[] = [];
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    log('dist/web/index.html missing: building the web UI first (not timed)…');
    const b = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.ts'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
    notes.push('web UI built before timing');
  }
  const env: NodeJS.ProcessEnv = { ...process.env, LIANJIAN_QUIET: '1' };
  // The embedded engine is what `npm start` uses on a fresh install; a DATABASE_URL would bypass the data folder.
  delete env.DATABASE_URL;
  delete env.LIANJIAN_DEMO;

  const baselines: number[] = [];
  for (let i = 0; i < RESTARTS; i++) baselines.push((await timeStart(['-e', bareServer], env, 30_000)).ms);
  const base = { name: 'bare fastify start', value: round(median(baselines)) };
  log(`  bare fastify start: ${baselines.map((v) => v.toFixed(0)).join(', ')} ms`);

  const entry = chooseEntry(env);
  if (entry.note) { notes.push(entry.note); log(`  ${entry.note}`); }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-bench-'));
  const results: BenchResult[] = [
    { metric: 'startup baseline: bare fastify', engine: 'node', value: base.value, unit: 'ms', target: null, samples: RESTARTS, note: 'median' },
  ];
  try {
    const dirEnv = { ...env, LIANJIAN_DATA_DIR: dataDir };
    const firstRun = await timeStart(entry.args, dirEnv, 180_000);
    const first = firstRun.ms;
    log(`  first start (demo county created): ${first.toFixed(0)} ms (serve's own "ready in": ${firstRun.selfReportedMs ?? '?'} ms)`);
    const runs: Array<{ ms: number; selfReportedMs?: number }> = [];
    for (let i = 0; i < RESTARTS; i++) runs.push(await timeStart(entry.args, dirEnv, 60_000));
    const restarts = runs.map((r) => r.ms);
    log(`  restarts: ${runs.map((r) => `${r.ms.toFixed(0)} (ready in ${r.selfReportedMs ?? '?'})`).join(', ')} ms`);
    const note = notes.join('; ') || undefined;
    results.push(
      { metric: 'first start incl. demo data → GET /', engine: 'pglite(dir)', value: round(first), unit: 'ms', target: 60_000, baseline: base, samples: 1, note,
        extra: firstRun.selfReportedMs === undefined ? undefined : { selfReportedReadyMs: firstRun.selfReportedMs } },
      { metric: 'restart on existing data → GET /', engine: 'pglite(dir)', value: round(median(restarts)), unit: 'ms', target: 10_000, baseline: base, samples: RESTARTS,
        note: ['median', note].filter(Boolean).join('; '), extra: Object.fromEntries(runs.flatMap((r, i) => [[`run${i + 1}`, round(r.ms)], [`run${i + 1}SelfReportedReady`, r.selfReportedMs ?? NaN]])) },
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
