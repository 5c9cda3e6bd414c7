import type { Bid, BidIdentity, ImportBatch } from './api';

/** Values the pages derive from the API's answers; pure, so they are tested without a browser. */

/**
 * Overall progress across the phases: the server counts processed/total within each phase (rows parsed,
 * processes written), so each phase gets a slice of the bar; screening has no count and shows as its slice.
 */
export function batchPercent(b: ImportBatch): number {
  if (b.status !== 'running') return 100;
  const within = b.total > 0 ? Math.min(1, b.processed / b.total) : 0;
  const slice: Record<ImportBatch['phase'], [number, number]> = { parse: [0, 10], write: [10, 80], screen: [80, 99], done: [100, 100] };
  const [from, to] = slice[b.phase];
  return Math.round(from + (to - from) * within);
}

export const identityFields: Array<keyof BidIdentity> = ['contactPerson', 'phone', 'email', 'address', 'legalRepresentative', 'projectManager', 'bondAccount', 'ip', 'mac', 'caSerial', 'documentHash'];

/** Comparable form of an identity value: case, spaces and separators do not matter ("0871-6512 3456" = "087165123456"). */
export const identityKey = (v: string): string => v.toLowerCase().replace(/[\s\-:]/g, '');

/** Field → values that more than one bid of this tender carries (the pattern 实施条例 第四十条 describes). */
export function sharedValues(bids: Bid[]): Map<keyof BidIdentity, Set<string>> {
  const out = new Map<keyof BidIdentity, Set<string>>();
  for (const f of identityFields) {
    const seen = new Map<string, number>();
    for (const b of bids) {
      const raw = b.identity[f];
      const v = raw ? identityKey(raw) : '';
      if (v) seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    const dup = new Set([...seen].filter(([, n]) => n > 1).map(([v]) => v));
    if (dup.size) out.set(f, dup);
  }
  return out;
}

