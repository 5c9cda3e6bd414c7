import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsCommand } from '../../../cli/reportsCommand';
import { hotspotsCommand, trainCommand, type Io } from './commands';
import { csvField, syntheticTexts } from './testing/syntheticTexts';

/**
 * The `lianjian reports` subcommands. classify is spawned through bin/lianjian.mjs as a user runs it; the
 * others run in-process with captured streams (each spawn pays the whole CLI's start-up).
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-reports-'));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'lianjian.mjs'), 'reports', ...args], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  const rows = syntheticTexts(15, 3).map((t) => [t.id, csvField(t.title), '2026/1/1 9:00:00', t.label, csvField(`${t.body}\n（第二段，含"引号"）`)].join(','));
  fs.writeFileSync(path.join(dir, 'train.csv'), `\ufeffid,title,time,label,detail\r\n${rows.join('\r\n')}\r\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function captured(): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  return { stdin: Readable.from([]), stdout, stderr, out: () => out, err: () => err };
}

describe('lianjian reports', () => {
  it('trains, then classifies JSON lines, naming and skipping bad lines (exit 1)', async () => {
    const model = path.join(dir, 'model.json');
    const io = captured();
    expect(await trainCommand(['--data', path.join(dir, 'train.csv'), '--label-column', 'label', '--text-columns', 'title,detail', '--out', model, '--folds', '3'], io)).toBe(0);
    expect(io.err()).toContain('cross-validation macro-F1');
    expect(JSON.parse(fs.readFileSync(model, 'utf8')).labels).toEqual(['交通', '教育', '环保']);

    const input = [
      JSON.stringify({ id: 'a', title: '学校乱收学费', body: '幼儿园乱收学费，强制补课' }),
      '{not json',
      JSON.stringify({ id: 'b', title: 3, body: 'x' }),
      '',
      JSON.stringify({ id: 7, title: '', body: '化工厂夜间偷排污水，河水发黑发臭' }),
      JSON.stringify({ title: '没有编号' }),
    ].join('\n');
    const out = run(['classify', '--model', model], `${input}\n`);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/line 2: not valid JSON/);
    expect(out.stderr).toMatch(/line 3: "title" must be a string/);
    expect(out.stderr).toMatch(/line 6: "id" must be/);
    expect(out.stderr).not.toMatch(/line 4/);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.label])).toEqual([['a', '教育'], [7, '环保']]);
    expect(Object.keys(lines[0])).toEqual(['id', 'label', 'confidence', 'alternatives']);
    expect(lines[0].alternatives).toHaveLength(2);

    const clean = run(['classify', '--model', model], `${JSON.stringify({ id: 'c', title: '公交车拒载乘客', body: '' })}\n`);
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).label).toBe('交通');
  }, 180_000);

  it('clusters a CSV into hot spots, largest first', async () => {
    const body = '北古城镇北村自来水管道破裂半个月无人维修，村民只能到井里挑水';
    const csv = ['id,title,detail', `1,停水,${body}`, `2,又停水,"${body}。"`, '3,摊位费,汤池街道农贸市场摊位费上涨一倍，商户经营困难', `4,停水了,"${body.replace('，', ', ')}"`].join('\n');
    fs.writeFileSync(path.join(dir, 'hot.csv'), csv);
    const io = captured();
    expect(await hotspotsCommand(['--in', path.join(dir, 'hot.csv'), '--text-columns', 'title,detail', '--id-column', 'id'], io)).toBe(0);
    const clusters = JSON.parse(io.out());
    expect(clusters.map((c: { size: number; memberIds: string[] }) => [c.size, c.memberIds])).toEqual([[3, ['1', '2', '4']], [1, ['3']]]);
    expect(clusters[0]).toHaveProperty('title');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    const stderr = process.stderr.write;
    let err = '';
    process.stderr.write = ((chunk: string) => { err += chunk; return true; }) as typeof process.stderr.write;
    try {
      expect(await reportsCommand(['classify'])).toBe(2);
      expect(await reportsCommand(['classify', '--model', path.join(dir, 'missing.json')])).toBe(2);
      expect(await reportsCommand(['train', '--data', path.join(dir, 'train.csv'), '--out', path.join(dir, 'm.json'), '--label-column', 'nope'])).toBe(2);
      expect(await reportsCommand(['hotspots', '--in', path.join(dir, 'hot.csv'), '--bogus'])).toBe(2);
      expect(await reportsCommand(['nonsense'])).toBe(2);
      expect(await reportsCommand(['--help'])).toBe(0);
    } finally {
      process.stderr.write = stderr;
    }
    expect(err).toMatch(/--model is required/);
    expect(err).toMatch(/cannot load model/);
    expect(err).toMatch(/no column nope/);
    expect(err).toMatch(/Unknown subcommand: reports nonsense/);
    expect(err).toMatch(/rows or lines skipped/);
  });
});
