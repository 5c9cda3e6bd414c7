import type { ImportError } from './ImportErrors';

/**
 * An import running as a job on the server: the upload starts it, the page polls it while it runs, and shows
 * its phases (read → write → screen → done), the share done, the counts and the row errors. Every module's
 * import (procurement, spending, penalties, village books) reads the same way.
 */
export type ImportPhase = 'parse' | 'write' | 'screen' | 'done';
export interface ImportBatchState {
  id: string; fileName: string; status: 'running' | 'done' | 'failed'; phase: ImportPhase; processed: number; total: number; errors: ImportError[];
}
export const importPhases: ImportPhase[] = ['parse', 'write', 'screen', 'done'];

/**
 * Overall progress across the phases: the server counts processed/total within each phase (rows parsed, records
 * written), so each phase gets a slice of the bar; screening has no count and shows as its slice.
 */
export function batchPercent(b: Pick<ImportBatchState, 'status' | 'phase' | 'processed' | 'total'>): number {
  if (b.status !== 'running') return 100;
  const within = b.total > 0 ? Math.min(1, b.processed / b.total) : 0;
  const slice: Record<ImportPhase, [number, number]> = { parse: [0, 10], write: [10, 80], screen: [80, 99], done: [100, 100] };
  const [from, to] = slice[b.phase];
  return Math.round(from + (to - from) * within);
}
