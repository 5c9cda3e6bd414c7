import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compileReleases } from './compile';
import { parseInstant, parseRfc3339, wholeDaysBetween } from './dates';
import { normaliseRelease } from './normalise';
import { readJsonLines, releasesOfDocument, type LineRejection } from './read';

describe('normaliseRelease', () => {
  it('normalises ids, single-object tenderers, lots and transactions', () => {
    const { release, issues } = normaliseRelease({
      ocid: 'o1', buyer: { id: 42, name: 'Buyer' },
      bids: { details: [{ id: 1, status: 'valid', tenderers: { id: 'T1' }, relatedLot: 'L1', value: { amount: 10, currency: 'CNY' } }] },
      awards: [{ id: 'a', status: 'active', suppliers: [{ id: 'T1' }], relatedLots: [{ lotId: 'L1' }] }],
      contracts: [{ id: 'c', implementation: { transactions: [{ id: 't', amount: { amount: 5, currency: 'CNY' } }], milestones: [{ description: '75.00%' }] } }],
    });
    expect(issues).toEqual([]);
    expect(release!.buyer).toEqual({ id: '42', name: 'Buyer' });
    expect(release!.bids[0]).toMatchObject({ id: '1', tenderers: [{ id: 'T1', name: null }], relatedLots: ['L1'] });
    expect(release!.awards[0].relatedLots).toEqual(['L1']);
    expect(release!.contracts[0].payments[0].value).toEqual({ amount: 5, currency: 'CNY' });
    expect(release!.contracts[0].milestones[0].progress).toBeCloseTo(0.75);
  });

  it('reports wrong types and absurd numbers with their paths, and drops those fields only', () => {
    const { release, issues } = normaliseRelease({
      ocid: 'o2', tender: { numberOfTenderers: 'three', value: { amount: 1e20, currency: 'CNY' } },
      bids: { details: [{ status: 7, value: { amount: '100' } }] }, awards: 'none',
    });
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '/tender/value/amount absurd number', '/tender/numberOfTenderers wrong type',
      '/bids/details/0/status wrong type', '/bids/details/0/value/amount wrong type', '/awards wrong type',
    ]);
    expect(release!.tender!.value).toEqual({ amount: null, currency: 'CNY' });
    expect(release!.awards).toEqual([]);
  });

  it('refuses a value without a string ocid', () => {
    expect(normaliseRelease({ ocid: 5 }).release).toBeNull();
    expect(normaliseRelease([1]).release).toBeNull();
  });
});

describe('readJsonLines', () => {
  it('numbers lines, skips blank ones, rejects invalid JSON and invalid UTF-8 and goes on', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"ocid":"a"}\n\n{not json}\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from('{"ocid":"b"}\r\n{"ocid":"c"}'),
    ]);
    const seen: [number, unknown][] = [];
    const rejected: LineRejection[] = [];
    // Two-byte chunks: lines split across chunks must join up.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 2) }, (_, i) => bytes.subarray(i * 2, i * 2 + 2));
    const n = await readJsonLines(Readable.from(chunks), { value: (v, l) => seen.push([l, v]), reject: (r) => rejected.push(r) });
    expect(n).toBe(6);
    expect(seen).toEqual([[1, { ocid: 'a' }], [5, { ocid: 'b' }], [6, { ocid: 'c' }]]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'invalid JSON'], [4, 'invalid UTF-8']]);
  });
});

describe('packages and compiling', () => {
  it('reads release and record packages', () => {
    expect(releasesOfDocument({ releases: [{ ocid: 'a' }] })).toEqual([{ ocid: 'a' }]);
    expect(releasesOfDocument({ records: [{ compiledRelease: { ocid: 'b' } }, { releases: [{ ocid: 'c', id: 1 }, { ocid: 'c', id: 2 }] }] }))
      .toEqual([{ ocid: 'b' }, { ocid: 'c', id: 2 }]);
  });

  it('merges releases of one ocid in date order, arrays of objects by id', () => {
    const [c] = compileReleases([
      { ocid: 'x', date: '2026-02-01', awards: [{ id: 'a', status: 'active' }], tender: { title: 'new' } },
      { ocid: 'x', date: '2026-01-01', awards: [{ id: 'a', status: 'pending', value: 1 }, { id: 'b' }], tender: { title: 'old', id: 't' } },
    ]) as Record<string, unknown>[];
    expect(c.awards).toEqual([{ id: 'a', status: 'active', value: 1 }, { id: 'b' }]);
    expect(c.tender).toEqual({ title: 'new', id: 't' });
  });
});

describe('dates', () => {
  it('reads toISOString-shaped instants without the regex exactly as Date.parse does', () => {
    const strict = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
    const reference = (s: string) => (strict.test(s) && !Number.isNaN(Date.parse(s)) ? Date.parse(s) : null);
    const cases = ['2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00Z', '2025-02-28T23:59:59.999Z', '2024-02-29T12:00:00Z',
      '2025-02-30T00:00:00Z', '2025-04-31T00:00:00.000Z', '2025-13-02T00:00:00Z', '2025-00-10T10:10:10Z', '2025-01-02T24:00:00Z',
      '2025-01-02T00:60:00Z', '2025-01-02T00:00:60Z', '2025-1a-02T00:00:00Z', '2025-01-02t00:00:00Z', '2025-01-02T00:00:00.12Z',
      '2025-01-02T00:00:00.1234Z', '0099-01-02T00:00:00Z', '0000-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000z', '2025-01-02 00:00:00Z'];
    for (let t = Date.UTC(1800, 0, 1); t < Date.UTC(2200, 0, 1); t += 7_777_777_777) cases.push(new Date(t).toISOString());
    for (const c of cases) expect(parseRfc3339(c), c).toBe(reference(c));
  });

  it('parses RFC 3339 strictly and bare dates only in parseInstant', () => {
    expect(parseRfc3339('2026-01-01T08:00:00+08:00')).toBe(Date.UTC(2026, 0, 1));
    expect(parseRfc3339('2026-01-01')).toBeNull();
    expect(parseInstant('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant('tomorrow')).toBeNull();
    expect(wholeDaysBetween(0, 86_400_000 * 1.99)).toBe(1);
    expect(wholeDaysBetween(3_600_000, 0)).toBe(0); // truncation toward zero, like chrono
  });
});
