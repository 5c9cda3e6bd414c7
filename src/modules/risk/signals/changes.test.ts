import { describe, expect, it } from 'vitest';
import { postAwardChanges } from './changes';
import type { Amendment, Award, Contract } from './types';

const aw: Award = { awardId: 'A1', buyerId: 'b', supplierId: 's', amount: 3_000_000, date: '2024-01-01', category: 'works' };
const ct = (amount: number, extra: Partial<Contract> = {}): Contract => ({ contractId: 'C1', awardId: 'A1', amount, ...extra });
const am = (id: string, change: number, extra: Partial<Amendment> = {}): Amendment => ({ amendmentId: id, contractId: 'C1', amountChange: change, ...extra });

describe('postAwardChanges', () => {
  it('contract 340万 vs award 300万: +13.3% ≥ 10% → CONTRACT_AWARD_MISMATCH (up)', () => {
    const r = postAwardChanges([ct(3_400_000)], [aw], []);
    expect(r.hits.map((h) => h.code)).toEqual(['CONTRACT_AWARD_MISMATCH']);
    expect(r.hits[0].evidence.values.relativeChange).toBeCloseTo(400_000 / 3_000_000, 12);
    expect(r.hits[0].evidence.values.direction).toBe('up');
  });

  it('contract 320万: +6.7% < 10% → no flag; a 30% cut is flagged (down)', () => {
    expect(postAwardChanges([ct(3_200_000)], [aw], []).hits).toEqual([]);
    expect(postAwardChanges([ct(2_100_000)], [aw], []).hits[0].evidence.values.direction).toBe('down');
  });

  it('amendments +30万 and +20万 on a 300万 contract: 50/300 = 16.7% ≥ 15%; total 350万 stays under 400万', () => {
    const r = postAwardChanges([ct(3_000_000, { category: 'works' })], [aw], [am('m1', 300_000), am('m2', 200_000)]);
    expect(r.hits.map((h) => h.code)).toEqual(['AMENDMENTS_OVER_SHARE']);
    expect(r.hits[0].evidence.values.share).toBeCloseTo(500_000 / 3_000_000, 12);
  });

  it('the share is configurable (10%) and a −20万 change is not an increase', () => {
    const r = postAwardChanges([ct(3_000_000)], [aw], [am('m1', 350_000), am('m2', -200_000)], { amendmentShare: 0.1 });
    // Increases 35万/300万 = 11.7% ≥ 10%; net +15万.
    expect(r.hits[0].evidence.values).toMatchObject({ increases: 350_000, net: 150_000 });
  });

  it('380万 works contract + 30万 change = 410万 crosses the 400万 must-tender line', () => {
    const r = postAwardChanges([ct(3_800_000, { awardId: undefined, category: 'works' })], [], [am('m1', 300_000)]);
    expect(r.hits.map((h) => h.code)).toEqual(['CHANGE_CROSSES_THRESHOLD']);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ code: 'CONTRACT_AWARD_MISMATCH', reason: 'missingField' }));
  });

  it('different currencies are not comparable', () => {
    const r = postAwardChanges([ct(3_400_000, { currency: 'USD' })], [aw], [am('m1', 900_000, { currency: 'CNY' })]);
    expect(r.hits).toEqual([]);
    expect(r.notApplicable.map((n) => n.reason)).toEqual(['currencyMismatch', 'currencyMismatch']);
  });
});
