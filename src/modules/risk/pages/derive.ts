import type { Bid, BidIdentity } from './api';

/** Values the pages derive from the API's answers; pure, so they are tested without a browser. */


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

