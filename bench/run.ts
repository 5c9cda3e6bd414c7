import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PG_URL, openFixture, postgresUnreachable, type EngineName } from './fixture';
import { pass, ratio, table, type BenchResult } from './lib';
import { auditBench } from './audit.bench';
import { analysisPgliteBench, analysisPostgresBench } from './analysis.bench';
import { caseListPgliteBench, caseListPostgresBench } from './caseList.bench';
import { classifierBench, complaintsDir } from './classifier.bench';
import { hotspotsBench } from './hotspots.bench';
import { intakeBench } from './intake.bench';
import { loginBench } from './login.bench';
import { officialsBench } from './officials.bench';
import { riskBench } from './risk.bench';
import { screensBench } from './screens.bench';
import { startupBench } from './startup.bench';

/**
 * `npm run bench [-- startup|api] [--engine pglite|postgresql]`: measures the foundation's performance
 * targets, prints one table and writes bench/results/latest.json. It reports, it does not gate: the exit
 * code is 0 even when a target is missed (only a benchmark that could not run at all exits non-zero).
 */
const args = process.argv.slice(2);
const engineArg = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : undefined;
const groups = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--engine');
const wants = (g: string) => groups.length === 0 || groups.includes(g);
const log = (s: string) => process.stdout.write(`${s}\n`);

const results: BenchResult[] = [];
const skipped: string[] = [];
const failures: string[] = [];
const started = performance.now();
// Other work on the machine inflates every number; the load is recorded so a reader can tell a slow run
// from a slow build. The same-run baselines absorb steady load, not bursts.
const loadAtStart = os.loadavg()[0];
if (loadAtStart > os.cpus().length) log(`⚠ load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} CPUs: other work is running, numbers will be inflated`);

async function section(name: string, fn: () => Promise<BenchResult[]>): Promise<void> {
  const t0 = performance.now();
  log(`▶ ${name}`);
  try {
    results.push(...await fn());
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    failures.push(`${name}: ${msg}`);
    log(`  FAILED: ${msg}`);
  }
}

if (wants('startup')) await section('startup (spawned `serve`, PGlite data folder)', () => startupBench(log));

if (wants('api')) {
  const pgUrl = process.env.DATABASE_URL || DEFAULT_PG_URL;
  const engines: EngineName[] = engineArg ? [engineArg as EngineName] : ['pglite', 'postgresql'];
  for (const engine of engines) {
    if (engine === 'postgresql') {
      const why = await postgresUnreachable(pgUrl);
      if (why) {
        skipped.push(`PostgreSQL part skipped: ${pgUrl.replace(/\/\/[^@/]*@/, '//…@')} is not reachable (${why})`);
        log(`▶ ${skipped[skipped.length - 1]}`);
        continue;
      }
    }
    await section(`login, officials list and audit writes on ${engine}`, async () => {
      const f = await openFixture(engine, pgUrl);
      log(`  ${f.officials} active officials; setup ${(f.setupMs / 1000).toFixed(1)} s`);
      try {
        return [...await loginBench(f), ...await officialsBench(f), ...await auditBench(f)];
      } finally {
        await f.close();
      }
    });
  }
}

if (wants('intake')) for (const e of (engineArg ? [engineArg] : ['pglite', 'postgresql']) as EngineName[]) await section(`public intake under load on ${e} (spawned serve, autocannon)`, () => intakeBench(log, e, process.env.DATABASE_URL || DEFAULT_PG_URL));

// Report text: classifier quality and speed, hot-spot clustering (public data in ../shared/data, evaluation only).
if ((wants('classifier') || wants('hotspots')) && !fs.existsSync(complaintsDir)) {
  skipped.push(`classifier and hot-spot parts skipped: ${complaintsDir} not found (evaluation data, outside the repo)`);
  log(`▶ ${skipped[skipped.length - 1]}`);
} else {
  if (wants('classifier')) await section('report classifier (5-fold CV on labelled complaints)', () => classifierBench(log));
  if (wants('hotspots')) await section('report hot spots (identical bodies never split)', () => hotspotsBench(log));
}
// Scale: the analysis on a 10-year county (PGlite) and a province (PostgreSQL); the case list. Datasets are cached.
for (const [group, title, pglite, postgres] of [
  ['analysis', 'situation analysis at scale', analysisPgliteBench, analysisPostgresBench],
  ['caselist', 'case list and search at scale', caseListPgliteBench, caseListPostgresBench],
] as const) {
  // Opt-in (named on the command line): the first run generates the province, which takes many minutes.
  if (!groups.includes(group)) continue;
  for (const e of (engineArg ? [engineArg] : ['pglite', 'postgresql']) as EngineName[]) {
    if (e === 'postgresql') {
      const why = await postgresUnreachable(process.env.DATABASE_URL || DEFAULT_PG_URL);
      if (why) { skipped.push(`${group} on PostgreSQL skipped: ${why}`); continue; }
    }
    await section(`${title} on ${e}`, () => (e === 'pglite' ? pglite : postgres)(log));
  }
}
if (wants('risk')) await section('risk indicators (1M synthetic compiled releases; real OCDS samples)', () => riskBench(log));
if (wants('screens')) await section('bid-rigging screens (AUC per labelled dataset, combined score out-of-fold)', () => screensBench(log));

const misses = results.filter((r) => pass(r) === false);
log('');
log(table(results));
log('');
for (const r of results.filter((x) => x.note)) log(`  · ${r.metric} [${r.engine}]: ${r.note}`);
for (const s of skipped) log(`  · ${s}`);
log('');
if (misses.length) {
  log(`✗ ${misses.length} target(s) MISSED:`);
  for (const m of misses) log(`  ✗ ${m.metric} [${m.engine}]: ${m.value} ${m.unit} > ${m.target} ${m.unit}`);
} else if (results.some((r) => r.target !== null)) {
  log('✓ every measured target met');
}
for (const f of failures) log(`✗ could not run: ${f}`);

const machine = {
  cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  platform: `${os.platform()} ${os.release()}`, node: process.version,
  loadAverage1m: { atStart: Number(loadAtStart.toFixed(2)), atEnd: Number(os.loadavg()[0].toFixed(2)) },
};
log(`machine: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, load average ${machine.loadAverage1m.atStart} → ${machine.loadAverage1m.atEnd}`);
const commit = (() => { try { return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(); } catch { return null; } })();
const out = path.join(import.meta.dirname, 'results', 'latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({
  at: new Date().toISOString(), commit, machine, durationSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  results: results.map((r) => ({ ...r, pass: pass(r), ratio: ratio(r) === null ? null : Number(ratio(r)!.toFixed(2)) })),
  misses: misses.map((m) => `${m.metric} [${m.engine}]`), skipped, failures,
}, null, 2)}\n`);
log(`results written to ${path.relative(process.cwd(), out)} (${((performance.now() - started) / 1000).toFixed(0)} s total)`);
// Benchmarks report, they do not gate; only "could not measure at all" is an error worth a non-zero code.
process.exitCode = failures.length > 0 && results.length === 0 ? 1 : 0;
