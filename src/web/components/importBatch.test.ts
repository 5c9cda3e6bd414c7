import { describe, expect, it } from 'vitest';
import { batchPercent, type ImportBatchState } from './importBatch';

describe('import progress across phases', () => {
  const batch = (phase: ImportBatchState['phase'], processed: number, total: number, status: ImportBatchState['status'] = 'running') =>
    ({ phase, processed, total, status }) as ImportBatchState;
  it('fills each phase its slice and ends at 100 when done or failed', () => {
    expect(batchPercent(batch('parse', 0, 0))).toBe(0);
    expect(batchPercent(batch('write', 0, 10))).toBe(10);
    expect(batchPercent(batch('write', 5, 10))).toBe(45);
    expect(batchPercent(batch('write', 10, 10))).toBe(80);
    expect(batchPercent(batch('screen', 0, 0))).toBe(80);
    expect(batchPercent(batch('done', 3, 3, 'done'))).toBe(100);
    expect(batchPercent(batch('done', 0, 0, 'failed'))).toBe(100);
  });
});
