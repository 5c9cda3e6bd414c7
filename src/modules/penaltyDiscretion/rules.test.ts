import { describe, expect, it } from 'vitest';
import {
  closedWithoutReason, firstOffenceInconsistent, outOfBand, peerFindings, quartiles, screenDecisions, seriousWithoutReview, tierWithoutReason, unpaid,
  type ScreenDecision, type ScreenItem, type ScreenSettings,
} from './rules';

/** The consistency rules at their boundaries, on plain records. */
const item: ScreenItem = {
  id: 'i1', code: 'SC-01', violation: '销售过期食品', unitId: 'u1', unitName: '县市场监督管理局', tiers: [
    { tier: 'none', basis: 'amount', min: 0, max: 0, kinds: [] },
    { tier: 'lenient', basis: 'amount', min: 5000, max: 20000, kinds: ['confiscation'] },
    { tier: 'ordinary', basis: 'amount', min: 20000, max: 35000, kinds: ['confiscation'] },
    { tier: 'aggravated', basis: 'multiple', min: 3, max: 5, kinds: ['confiscation'] },
  ],
};
let n = 0;
const dec = (x: Partial<ScreenDecision> = {}): ScreenDecision => ({
  id: `d${++n}`, unitId: 'u1', unitName: '县市场监督管理局', outcome: 'penalty', docNo: `市监罚〔2026〕${n}号`, decidedOn: '2026-03-01', partyType: 'organisation',
  partyName: '某超市', itemId: 'i1', tier: 'ordinary', tierReason: null, fine: 25000, kinds: ['confiscation'], gains: null, firstOffence: false,
  legalReviewOn: null, dueOn: null, paidOn: null, closureReason: null, ...x,
});
const settings: ScreenSettings = { seriousFineIndividual: 10000, seriousFineOrganisation: 100000, unpaidDays: 30, today: '2026-06-30' };

describe('band check (畸轻畸重)', () => {
  it('accepts both ends of the band and flags a yuan outside', () => {
    expect(outOfBand(dec({ fine: 20000 }), item)).toBeNull();
    expect(outOfBand(dec({ fine: 35000 }), item)).toBeNull();
    const high = outOfBand(dec({ fine: 35000.01 }), item);
    expect(high?.code).toBe('PENALTY_FINE_OUT_OF_BAND');
    expect(high?.threshold).toMatchObject({ 幅度下限: 20000, 幅度上限: 35000 });
    expect(high?.strength).toBe('medium');
    expect(outOfBand(dec({ fine: 19999.99 }), item)?.values).toMatchObject({ 罚款金额: 19999.99 });
    expect(outOfBand(dec({ fine: 2000 }), item)?.strength).toBe('strong');
  });
  it('converts a multiple band through 违法所得 and skips it when 违法所得 is unknown', () => {
    expect(outOfBand(dec({ tier: 'aggravated', fine: 30000, gains: 10000 }), item)).toBeNull();
    expect(outOfBand(dec({ tier: 'aggravated', fine: 50000, gains: 10000 }), item)).toBeNull();
    expect(outOfBand(dec({ tier: 'aggravated', fine: 50001, gains: 10000 }), item)?.threshold).toMatchObject({ 幅度上限: 50000, 基准倍数: '3–5倍' });
    expect(outOfBand(dec({ tier: 'aggravated', fine: 99999, gains: null }), item)).toBeNull();
  });
  it('treats any fine under 不予处罚 as out of band', () => {
    expect(outOfBand(dec({ tier: 'none', fine: 0 }), item)).toBeNull();
    expect(outOfBand(dec({ tier: 'none', fine: 1 }), item)?.code).toBe('PENALTY_FINE_OUT_OF_BAND');
  });
});

describe('tier reason', () => {
  it('asks for a reason for every tier but 一般', () => {
    expect(tierWithoutReason(dec({ tier: 'ordinary' }))).toBeNull();
    expect(tierWithoutReason(dec({ tier: 'lenient', tierReason: '主动消除违法后果' }))).toBeNull();
    expect(tierWithoutReason(dec({ tier: 'lenient', tierReason: '  ' }))?.code).toBe('PENALTY_TIER_NO_REASON');
    expect(tierWithoutReason(dec({ tier: 'aggravated' }))?.values).toMatchObject({ 裁量阶次: '从重' });
  });
});

describe('peer comparison (类案不同罚)', () => {
  it('needs five peers besides the decision itself', () => {
    const four = [20000, 21000, 22000, 23000].map((fine) => dec({ fine }));
    expect(peerFindings([...four, dec({ fine: 35000 })], item)).toEqual([]);
    const five = [20000, 21000, 22000, 23000, 22500].map((fine) => dec({ fine }));
    const found = peerFindings([...five, dec({ fine: 35000 })], item);
    expect(found.map((f) => [f.code, f.decision.fine])).toEqual([['PENALTY_PEER_AMOUNT_OUTLIER', 35000]]);
    expect(found[0].threshold).toMatchObject({ 类案数: 5, 下四分位数: 21000, 中位数: 22000, 上四分位数: 22500 });
  });
  it('flags just outside the upper fence, not on it', () => {
    // Peers 21000 ×2, 22000, 23000 ×2: Q1 21000, Q3 23000, IQR 2200 (a tenth of the median), fences 17700 – 26300.
    const peers = () => [21000, 21000, 22000, 23000, 23000].map((fine) => dec({ fine }));
    const onFence = peerFindings([...peers(), dec({ fine: 26300 })], item).filter((f) => f.decision.fine === 26300);
    expect(onFence).toEqual([]);
    const beyond = peerFindings([...peers(), dec({ fine: 26300.01 })], item).filter((f) => f.decision.fine === 26300.01);
    expect(beyond.map((f) => f.code)).toEqual(['PENALTY_PEER_AMOUNT_OUTLIER']);
  });
  it('flags a kind differing from the peers\' mode, and nothing when the peers tie', () => {
    const same = () => [1, 2, 3, 4, 5].map(() => dec({ fine: 22000 }));
    const odd = dec({ fine: 22000, kinds: ['confiscation', 'licenceRevoked'] });
    expect(peerFindings([...same(), odd], item).map((f) => [f.code, f.decision.id])).toEqual([['PENALTY_PEER_KIND_DIFFERS', odd.id]]);
    const tied = [...[1, 2, 3].map(() => dec({ fine: 22000 })), ...[1, 2, 3].map(() => dec({ fine: 22000, kinds: [] }))];
    expect(peerFindings(tied, item).filter((f) => f.code === 'PENALTY_PEER_KIND_DIFFERS')).toHaveLength(0);
  });
  it('computes quartiles by interpolation', () => {
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });
});

describe('process checks', () => {
  it('asks for 法制审核 from the county limit and for 吊销/责令停产, before the decision', () => {
    expect(seriousWithoutReview(dec({ partyType: 'organisation', fine: 99999.99 }), settings)).toBeNull();
    expect(seriousWithoutReview(dec({ partyType: 'organisation', fine: 100000 }), settings)?.code).toBe('PENALTY_SERIOUS_NO_LEGAL_REVIEW');
    expect(seriousWithoutReview(dec({ partyType: 'individual', fine: 10000 }), settings)).not.toBeNull();
    expect(seriousWithoutReview(dec({ fine: 100, kinds: ['licenceRevoked'] }), settings)).not.toBeNull();
    expect(seriousWithoutReview(dec({ fine: 200000, legalReviewOn: '2026-03-01' }), settings)).toBeNull();
    expect(seriousWithoutReview(dec({ fine: 200000, legalReviewOn: '2026-03-02' }), settings)).not.toBeNull();
  });
  it('flags a fine unpaid more than N days after it was due', () => {
    expect(unpaid(dec({ dueOn: '2026-05-31' }), settings)).toBeNull();
    expect(unpaid(dec({ dueOn: '2026-05-30' }), settings)?.values).toMatchObject({ 逾期天数: 31 });
    expect(unpaid(dec({ dueOn: '2026-01-01', paidOn: '2026-06-01' }), settings)).toBeNull();
    expect(unpaid(dec({ dueOn: '2026-01-01', fine: 0 }), settings)).toBeNull();
  });
  it('flags a closure without a reason (应罚未罚)', () => {
    expect(closedWithoutReason(dec({ outcome: 'closed', closureReason: '违法事实不能成立' }))).toBeNull();
    expect(closedWithoutReason(dec({ outcome: 'closed', closureReason: null }))?.code).toBe('PENALTY_CLOSED_NO_REASON');
    expect(closedWithoutReason(dec())).toBeNull();
  });
  it('flags fined first offences of an item where another first offence went unpunished', () => {
    const spared = dec({ firstOffence: true, tier: 'none', fine: 0, decidedOn: '2026-02-01' });
    const fined = dec({ firstOffence: true, fine: 22000 });
    const notFirst = dec({ fine: 22000 });
    const f = firstOffenceInconsistent([spared, fined, notFirst]);
    expect(f.map((x) => [x.decision.id, x.related?.[0].id])).toEqual([[fined.id, spared.id]]);
    expect(firstOffenceInconsistent([fined, notFirst])).toEqual([]);
  });
  it('runs every rule over a county', () => {
    const codes = screenDecisions([item], [dec({ fine: 99 }), dec({ outcome: 'closed', itemId: null, tier: null })], settings).map((f) => f.code).sort();
    expect(codes).toEqual(['PENALTY_CLOSED_NO_REASON', 'PENALTY_FINE_OUT_OF_BAND']);
  });
});
