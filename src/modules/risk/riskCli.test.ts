import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticLines } from './cardinal/testing/synthetic';

// End to end through the real entry point, as an office would run it.
const root = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lj-risk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/lianjian.mjs', 'risk', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('lianjian risk (CLI)', () => {
  const file = path.join(dir, 'synthetic.jsonl');
  fs.writeFileSync(file, syntheticLines(400, 7));

  it('indicators prints Cardinal result JSON, a summary on stderr, evidence and a report', () => {
    const evidence = path.join(dir, 'ev.jsonl');
    const report = path.join(dir, 'report.json');
    const r = cli(['indicators', '--map', '--evidence', evidence, '--report', report, file]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['OCID', 'Tenderer', 'Meta', 'Maps']));
    expect(Object.keys(result.OCID).length).toBeGreaterThan(10);
    expect(r.out).toMatch(/"R0\d\d":1\.0/); // Rust-style floats
    const hits = fs.readFileSync(evidence, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toHaveProperty('rule');
    const rep = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(rep.releases).toBe(400);
    expect(rep.applicability.R003.applicable).toBeGreaterThan(0);
  });

  it('reads standard input, reports bad lines with numbers and exits 1', () => {
    const good = syntheticLines(3, 1);
    const bad = `${good}{broken\n{"ocid":"x","tender":{"numberOfTenderers":"many"}}\n`;
    const r = cli(['indicators', '--settings', writeIni('[R018]'), '-'], bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 4: invalid JSON/);
    expect(r.err).toMatch(/line 5 \(x\): \/tender\/numberOfTenderers: wrong type/);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });

  it('prepare writes prepared lines and the issue CSV; coverage counts fields', () => {
    const input = path.join(dir, 'raw.jsonl');
    fs.writeFileSync(input, '{"ocid":"a","bids":{"details":[{"id":1,"status":"qualified","tenderers":{"id":"T"},"value":{"amount":5}}]}}\n');
    const errors = path.join(dir, 'errors.csv');
    const r = cli(['prepare', '--settings', writeIni('[codelists.bid_status]\nqualified = valid\n[defaults]\ncurrency = CNY'), '--errors', errors, input]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).bids.details[0]).toEqual({ id: '1', status: 'valid', tenderers: [{ id: 'T' }], value: { amount: 5, currency: 'CNY' } });
    expect(fs.readFileSync(errors, 'utf8').trim()).toBe('line,ocid,path,array indexes,incorrect value,error description');
    const c = cli(['coverage', input]);
    expect(JSON.parse(c.out)['/bids/details[]/status']).toBe(1);
  });

  it('exits 2 on usage errors and documents the exit codes', () => {
    expect(cli(['indicators', '--bogus', file]).code).toBe(2);
    expect(cli(['indicators', path.join(dir, 'missing.jsonl')]).code).toBe(2);
    expect(cli(['indicators', '--settings', writeIni('[R024]\nthreshhold = 1'), file]).err).toMatch(/unknown field/);
    expect(cli(['--help']).out).toMatch(/Exit codes: 0 .* 1 .* 2/s);
  });
});

function writeIni(text: string): string {
  const p = path.join(dir, `s${Math.random().toString(36).slice(2)}.ini`);
  fs.writeFileSync(p, text);
  return p;
}
