import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticLines } from '../src/modules/risk/cardinal/testing/synthetic';
import { round, type BenchResult } from './lib';

/**
 * Issue 6 targets for `risk indicators`: on 1,000,000 generated compiled releases its throughput is at
 * least half that of merely reading and JSON-parsing the same lines (same run, same file), and its peak
 * memory (max RSS of the child process) stays under 1 GB. Then the two real OCDS samples run end to end
 * (prepare → indicators --extended → evidence) and what was found is printed.
 */
const root = path.resolve(import.meta.dirname, '..');
const N = Number(process.env.RISK_BENCH_RELEASES ?? 1_000_000);
const DATA = '/work/shared/data/procurement/ocds';
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// The baseline: the plainest fast way to read JSON lines in Node: chunks, split, JSON.parse each line.
const parseOnly = `
import fs from 'node:fs';
let rest = '', n = 0;
for await (const chunk of fs.createReadStream(process.argv[1], { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\\n');
  rest = lines.pop();
  for (const l of lines) if (l) { JSON.parse(l); n++; }
}
if (rest) { JSON.parse(rest); n++; }
process.stderr.write(n + ' lines\\n');
`;

interface Run { ms: number; cpuMs: number | null; rssMiB: number | null; code: number | null; stderr: string }

/** Runs a child with its stdout to a file; max RSS from GNU time -v when present. */
function run(args: string[], stdoutFile: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const cmd = TIME ?? process.execPath;
    const argv = TIME ? ['-v', process.execPath, ...args] : args;
    const out = fs.openSync(stdoutFile, 'w');
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    child.once('error', reject);
    child.once('exit', (code) => {
      fs.closeSync(out);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : null;
      resolve({ ms: performance.now() - t0, cpuMs, rssMiB: m ? Number(m[1]) / 1024 : null, code, stderr });
    });
  });
}

async function generate(file: string, n: number): Promise<void> {
  const ws = fs.createWriteStream(file);
  const batch = 10_000;
  for (let from = 0; from < n; from += batch) {
    // Each batch has its own seed so the file is the same on every run and every machine.
    if (!ws.write(syntheticLines(Math.min(batch, n - from), 1 + from / batch, from))) await new Promise((r) => ws.once('drain', r));
  }
  await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

const cli = (...args: string[]) => ['bin/lianjian.mjs', 'risk', ...args];

export async function riskBench(log: (s: string) => void): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lj-risk-bench-'));
  try {
    const file = path.join(dir, 'releases.jsonl');
    const t0 = performance.now();
    await generate(file, N);
    const bytes = fs.statSync(file).size;
    log(`  generated ${N.toLocaleString()} compiled releases (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (!TIME) log('  /usr/bin/time not found: peak memory not measured');

    const base = await run(['--input-type=module', '-e', parseOnly, file], path.join(dir, 'base.out'));
    if (base.code !== 0) throw new Error(`parse-only baseline failed: ${base.stderr.slice(-400)}`);
    const ind = await run(cli('indicators', '--report', path.join(dir, 'report.json'), file), path.join(dir, 'result.json'));
    if (ind.code !== 0) throw new Error(`risk indicators exited ${ind.code}: ${ind.stderr.slice(-400)}`);
    const result = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as { applicability: Record<string, { flagged: number }> };
    const flagged = Object.entries(report.applicability).map(([k, a]) => `${k} ${a.flagged}`).join(', ');
    log(`  parse only ${(base.ms / 1000).toFixed(1)} s; indicators ${(ind.ms / 1000).toFixed(1)} s ` +
      `(throughput ratio ${(base.ms / ind.ms).toFixed(2)}; CPU ${((base.cpuMs ?? NaN) / 1000).toFixed(1)} s vs ${((ind.cpuMs ?? NaN) / 1000).toFixed(1)} s, ` +
      `ratio ${((base.cpuMs ?? NaN) / (ind.cpuMs ?? NaN)).toFixed(2)}); flagged: ${flagged}; OCID group ${Object.keys(result.OCID ?? {}).length}`);

    const results: BenchResult[] = [
      {
        metric: `risk: read + JSON.parse ${N.toLocaleString()} lines (baseline)`, engine: 'node', value: round(base.ms, 0), unit: 'ms', target: null,
        extra: { linesPerSecond: Math.round(N / (base.ms / 1000)), maxRssMiB: round(base.rssMiB ?? NaN, 0) },
      },
      {
        // Throughput ≥ 0.5 × the parse-only baseline ⇔ wall time ≤ 2 × baseline.
        metric: `risk indicators on ${N.toLocaleString()} compiled releases (wall, all 11 indicators)`, engine: 'node',
        value: round(ind.ms, 0), unit: 'ms', target: round(2 * base.ms, 0),
        baseline: { name: 'read + JSON.parse same file, same run', value: round(base.ms, 0) },
        extra: {
          linesPerSecond: Math.round(N / (ind.ms / 1000)), throughputRatio: round(base.ms / ind.ms, 2),
          // CPU time is steadier than wall time when other work shares the machine.
          ...(ind.cpuMs && base.cpuMs ? { cpuMs: round(ind.cpuMs, 0), baselineCpuMs: round(base.cpuMs, 0), cpuThroughputRatio: round(base.cpuMs / ind.cpuMs, 2) } : {}),
        },
        note: `includes tsx start-up of the CLI; default --threads (${os.availableParallelism()} worker threads here; the baseline is one thread); target: throughput ≥ 0.5 of parse-only (wall ≤ 2× baseline); cpuThroughputRatio in extra`,
      },
    ];
    if (ind.rssMiB !== null) {
      results.push({
        metric: 'risk indicators peak memory (child max RSS)', engine: 'node', value: round(ind.rssMiB, 0), unit: 'MiB', target: 1024,
        baseline: { name: 'parse-only child max RSS', value: round(base.rssMiB ?? NaN, 0) },
      });
    }
    await realData(dir, log);
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The two real samples, read from the shared data folder at bench time only. */
async function realData(dir: string, log: (s: string) => void): Promise<void> {
  const samples = [
    { name: 'Armenia (Armeps) release package', file: 'armenia_armeps_release_package_2018-01-11.json', ini: '[codelists.bid_status]\nqualified = valid\nnot-qualified = disqualified\n', compile: false },
    { name: 'Mexico GACM airport releases', file: 'mexico_gacm_naicm_releases_2017.jsonl', ini: '', compile: true },
  ];
  for (const s of samples) {
    const input = path.join(DATA, s.file);
    if (!fs.existsSync(input)) { log(`  ${s.name}: ${input} absent, skipped`); continue; }
    const ini = path.join(dir, `${s.file}.ini`);
    fs.writeFileSync(ini, s.ini);
    const prepared = path.join(dir, `${s.file}.prepared.jsonl`);
    const errors = path.join(dir, `${s.file}.errors.csv`);
    const p = await run(cli('prepare', '--settings', ini, '--errors', errors, ...(s.compile ? ['--compile'] : []), input), prepared);
    const issueRows = fs.readFileSync(errors, 'utf8').trim().split('\n').length - 1;
    // Cardinal-compatible run first (its result JSON), then the extended one with evidence.
    const compatReport = path.join(dir, `${s.file}.compat.json`);
    await run(cli('indicators', '--report', compatReport, prepared), path.join(dir, `${s.file}.compat.result.json`));
    const compat = JSON.parse(fs.readFileSync(compatReport, 'utf8')) as { applicability: Record<string, { flagged: number }> };
    log(`  ${s.name}: Cardinal-compatible flags: ${Object.entries(compat.applicability).filter(([, a]) => a.flagged).map(([k, a]) => `${k} ${a.flagged}`).join(', ') || 'none'}`);
    const evidence = path.join(dir, `${s.file}.evidence.jsonl`);
    const report = path.join(dir, `${s.file}.report.json`);
    const r = await run(cli('indicators', '--extended', '--evidence', evidence, '--report', report, prepared), path.join(dir, `${s.file}.result.json`));
    const hits = fs.readFileSync(evidence, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { indicator: string; id: string; values: Record<string, unknown> });
    const byCode = new Map<string, number>();
    for (const h of hits) byCode.set(h.indicator, (byCode.get(h.indicator) ?? 0) + 1);
    log(`  ${s.name}: prepare exit ${p.code}, ${issueRows} issue row(s); indicators exit ${r.code}; ${hits.length} hit(s): ` +
      `${[...byCode].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`);
    for (const h of hits.filter((x) => x.indicator !== 'R003').slice(0, 8)) log(`    ${h.indicator} ${h.id}: ${JSON.stringify(h.values)}`);
  }
}
