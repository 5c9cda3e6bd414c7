import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIndicators } from './runIndicators';
import { defaultSettings, parseSettings } from './settings';
import { syntheticLines } from './testing/synthetic';

// The worker pool must give exactly what one thread gives: result JSON, stderr in line order, evidence,
// report and problem counts, whatever the chunking.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lj-risk-pool-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 700 synthetic releases with bad lines mixed in: invalid JSON and UTF-8, non-releases, wrong types, other currencies. */
function fixture(): string {
  const lines = syntheticLines(700, 11).trimEnd().split('\n');
  const out: Buffer[] = [];
  lines.forEach((l, i) => {
    let text = l;
    if (i % 41 === 5) {
      const r = JSON.parse(l);
      for (const b of r.bids?.details ?? []) if (b.value) b.value.currency = 'USD';
      text = JSON.stringify(r);
    }
    if (i % 67 === 9) text = JSON.stringify({ ...JSON.parse(l), tender: { ...JSON.parse(l).tender, numberOfTenderers: 'many' } });
    if (i % 97 === 13) text = `${l.slice(0, 200)} broken`;
    if (i === 300) text = '[1,2,3]';
    if (i === 301) text = '';
    out.push(Buffer.from(i % 89 === 17 ? `${text}\r\n` : `${text}\n`));
    if (i === 450) out.push(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]));
  });
  out.push(Buffer.from(lines[0].replace('ocds-lj0001-00000000', 'ocds-lj0001-last'))); // no final newline
  const file = path.join(dir, 'mixed.jsonl');
  fs.writeFileSync(file, Buffer.concat(out));
  return file;
}

async function run(file: string, threads: number, opts: { extended?: boolean; map?: boolean; ini?: string }, tag: string) {
  let out = '';
  const err: string[] = [];
  const evidenceFile = path.join(dir, `${tag}.ev.jsonl`);
  const reportFile = path.join(dir, `${tag}.report.json`);
  const settings = opts.ini === undefined ? defaultSettings() : parseSettings(opts.ini);
  const r = await runIndicators({
    file, settings, map: opts.map, extended: opts.extended, count: true, evidenceFile, reportFile,
    out: (c) => { out += c; }, err: (l) => err.push(l), threads, chunkBytes: 16 << 10, maxMessages: 1000,
  });
  return { out, err, evidence: fs.readFileSync(evidenceFile, 'utf8'), report: fs.readFileSync(reportFile, 'utf8'), problems: r.problems, hits: r.hits };
}

describe('risk indicators worker pool', () => {
  const file = fixture();

  for (const [name, opts] of [
    ['Cardinal defaults', {}],
    ['extended with maps', { extended: true, map: true }],
    ['configured currency', { ini: 'currency = USD\n[R024]\n[R025]\n[R038]\n[R048]\n[R036]\n' }],
  ] as const) {
    it(`gives the single-thread output (${name})`, async () => {
      const one = await run(file, 1, opts, `${name}-1`);
      const pooled = await run(file, 3, opts, `${name}-3`);
      expect(one.problems.rejected.length).toBeGreaterThan(5);
      expect(one.problems.linesWithFieldIssues).toBeGreaterThan(5);
      expect(one.err.some((l) => /is not (CNY|USD)/.test(l))).toBe(true);
      expect(one.out.length).toBeGreaterThan(300);
      expect(pooled.out).toBe(one.out);
      expect(pooled.err).toEqual(one.err);
      expect(pooled.evidence).toBe(one.evidence);
      expect(pooled.report).toBe(one.report);
      expect(pooled.problems).toEqual(one.problems);
      expect(pooled.hits).toBe(one.hits);
    }, 60_000);
  }

  it('numbers bad lines in line order on stderr', async () => {
    const r = await run(file, 2, {}, 'order');
    const numbers = r.err.filter((l) => /^line \d+/.test(l)).map((l) => Number(/^line (\d+)/.exec(l)![1]));
    expect(numbers.length).toBeGreaterThan(10);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(r.err.some((l) => l.startsWith('line 452: invalid UTF-8'))).toBe(true);
  }, 60_000);
});
