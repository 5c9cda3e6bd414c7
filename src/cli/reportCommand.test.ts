import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libreOffice } from '../modules/analysis/report/pdf';

const root = path.resolve(import.meta.dirname, '../..');
const run = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['bin/lianjian.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 180_000, env: { ...process.env, LIANJIAN_DATA_DIR: dataDir, DATABASE_URL: '' } });

describe('lianjian report quarterly', () => {
  it('writes the docx and the JSON contract, and refuses a bad period with exit 2 or 1', { timeout: 240_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-report-'));
    try {
      expect(run(['demo'], dir).status).toBe(0);
      const out = path.join(dir, 'r.docx');
      const json = path.join(dir, 'r.json');
      const pdf = libreOffice() ? path.join(dir, 'r.pdf') : undefined;
      const res = run(['report', 'quarterly', '--period', '2026Q1', '--cumulative', '--out', out, '--json', json, ...(pdf ? ['--pdf', pdf] : [])], dir);
      expect(res.status, res.stderr).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
      const body = JSON.parse(fs.readFileSync(json, 'utf8'));
      expect(body.period).toBe('2026Q1:ytd');
      expect(body.metrics['resources.marketAllocated']).toEqual(expect.objectContaining({ unavailable: true }));
      expect(body.metrics['org.officials']).toEqual(expect.objectContaining({ unit: '人', recordIds: expect.any(Array) }));
      expect(body.sections[0].heading).toBe('一、主要做法和成效');
      if (pdf) expect(fs.readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
      expect(run(['report', 'quarterly', '--period', '2026Q7', '--out', out], dir).status).not.toBe(0);
      expect(run(['report', 'monthly'], dir).status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
