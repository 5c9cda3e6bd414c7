import { describe, expect, it } from 'vitest';
import { rustFloat } from './output';
import { runOn } from './testing/fixtures';

describe('R068 payments above contract value (extended only)', () => {
  const rel = (ocid: string, value: number, paid: number[]) => ({
    ocid, contracts: [{
      id: `${ocid}-c`, awardID: 'a', value: { amount: value, currency: 'MXN' },
      implementation: { transactions: paid.map((amount, i) => ({ id: String(i), value: { amount, currency: 'MXN' } })) },
    }],
  });

  it('flags the paid / value ratio with the contract and repeated amounts as evidence', () => {
    const raws = [rel('over', 100, [60, 60]), rel('exact', 100, [33.33, 33.33, 33.34]), rel('under', 100, [50])];
    expect(runOn(raws, '').results.OCID).toBeUndefined();
    const { results, evidence, summary } = runOn(raws, '', { extended: true });
    expect(results.OCID).toEqual({ over: { R068: 1.2 } });
    expect(evidence[0].values).toMatchObject({ contractId: 'over-c', paid: 120, repeatedAmounts: 1 });
    expect(summary.applicability.R068).toEqual({ applicable: 3, flagged: 1, notApplicable: {} });
  });
});

describe('output', () => {
  it('prints numbers like serde_json', () => {
    expect(rustFloat(1)).toBe('1.0');
    expect(rustFloat(0)).toBe('0.0');
    expect(rustFloat(0.25)).toBe('0.25');
    expect(rustFloat(NaN)).toBe('null');
    expect(rustFloat(-0)).toBe('-0.0');
  });

  it('rounds Meta half away from zero and omits empty groups', () => {
    // d = [0.10 … 0.16]: no flag; Meta only.
    const raws = [0, 1, 2, 3, 4, 5, 6].map((i) => ({
      ocid: `p${i}`, bids: { details: [
        { id: 'w', status: 'valid', tenderers: [{ id: 'W' }], value: { amount: 100, currency: 'CNY' } },
        { id: 'l', status: 'valid', tenderers: [{ id: `L${i}` }], value: { amount: 110 + i, currency: 'CNY' } },
      ] }, awards: [{ id: 'a', status: 'active', suppliers: [{ id: 'W' }] }],
    }));
    const { results } = runOn(raws, '[R024]', { meta: true });
    expect(Object.keys(results)).toEqual(['Meta']);
    // n = 7, τ = ¼: h = 7⅓·¼ + ⅓ = 2.1667 → x2 + 0.1667·(x3 − x2) = 0.11 + 0.001667 = 0.111667 → 0.1117
    expect((results.Meta as unknown as Record<string, Record<string, number>>).R024.q1).toBe(0.1117);
  });
});
