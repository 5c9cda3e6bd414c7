import { describe, expect, it } from 'vitest';
import type { TenderBids } from '../signals/types';
import { calibrateByMarket, calibrateMarket, tenderScreens, youdenThreshold } from './calibrate';
import { screenTenders } from './screenFlags';
import { seededRandom } from './stats';

/** Collusive tenders: cover bids packed 1–2% above the winner; competitive: spread 0–30%. */
function market(n: number, seed: number): { tenders: TenderBids[]; labels: boolean[] } {
  const rnd = seededRandom(seed);
  const tenders: TenderBids[] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const collusive = i % 4 === 0;
    const base = 1_000_000 * (1 + rnd());
    const bids = Array.from({ length: 5 }, (_, j) => ({
      bidderId: `b${j}`, amount: base * (1 + (collusive ? 0.01 + 0.01 * rnd() : 0.3 * rnd()) * (j === 0 ? 0 : 1)),
    }));
    tenders.push({ tenderId: `t${i}`, currency: 'CNY', bids });
    labels.push(collusive);
  }
  return { tenders, labels };
}

describe('youdenThreshold', () => {
  it('values 1..6 labelled T,T,F,T,F,F, flag low: best J = 2/3 at cut 2 (first of equals)', () => {
    // cut 1: 1/3 − 0; cut 2: 2/3 − 0; cut 3: 2/3 − 1/3; cut 4: 1 − 1/3 = 2/3 (not strictly better); cut 5: 1 − 2/3.
    const r = youdenThreshold([1, 2, 3, 4, 5, 6], [true, true, false, true, false, false], 'low');
    expect(r.value).toBe(2);
    expect(r.j).toBeCloseTo(2 / 3, 12);
  });

  it('never cuts inside a tie', () => {
    const r = youdenThreshold([1, 1, 2], [true, false, false], 'low');
    expect(r.value).not.toBe(NaN);
    expect([1, 2]).toContain(r.value);
    expect(r.value).toBe(1);
  });
});

describe('tenderScreens', () => {
  it('bids in two currencies are not comparable', () => {
    const r = tenderScreens({ tenderId: 'x', currency: 'CNY', bids: [{ bidderId: 'a', amount: 1 }, { bidderId: 'b', amount: 2, currency: 'USD' }] });
    expect(r).toMatchObject({ reason: 'currencyMismatch' });
  });

  it('withdrawn bids are left out; zero amounts are refused', () => {
    const r = tenderScreens({ tenderId: 'x', bids: [{ bidderId: 'a', amount: 100 }, { bidderId: 'b', amount: 200 }, { bidderId: 'c', amount: 1, status: 'withdrawn' }] });
    expect(r).toMatchObject({ n: 2, spd: 1 });
    expect(tenderScreens({ tenderId: 'y', bids: [{ bidderId: 'a', amount: 0 }, { bidderId: 'b', amount: 2 }] })).toMatchObject({ reason: 'zeroOrNegative' });
  });
});

describe('calibrateMarket and screenTenders', () => {
  it('unlabelled: the 10% type-8 quantile in the collusive direction', () => {
    const { tenders } = market(40, 1);
    const cal = calibrateMarket('works:530125', tenders);
    expect(cal.labelled).toBe(false);
    expect(cal.thresholds.cv).toMatchObject({ direction: 'low', method: 'quantile', quantile: 0.1, n: 40 });
    const flagged = screenTenders(tenders, cal).hits.filter((h) => h.code === 'SCREEN_CV');
    // Type-8 Q(0.1) of 40 values sits between the 4th and 5th smallest: 4 tenders flagged.
    expect(flagged.length).toBe(4);
    expect(flagged[0].evidence.threshold).toMatchObject({ market: 'works:530125', direction: 'low' });
    expect(flagged[0].evidence.records[0]).toEqual({ kind: 'tender', id: flagged[0].subjectId });
  });

  it('labelled: Youden thresholds, a trained model, and combined-score hits on the collusive tenders', () => {
    const { tenders, labels } = market(80, 2);
    const cal = calibrateMarket('works', tenders, labels);
    expect(cal.labelled).toBe(true);
    expect(cal.thresholds.cv?.method).toBe('youden');
    expect(cal.model).toBeDefined();
    const hits = screenTenders(tenders, cal).hits.filter((h) => h.code === 'SCREEN_COMBINED');
    const flaggedIds = new Set(hits.map((h) => h.subjectId));
    const collusiveIds = tenders.filter((_, i) => labels[i]).map((t) => t.tenderId);
    expect(collusiveIds.every((id) => flaggedIds.has(id))).toBe(true);
    expect(hits[0].evidence.values.score).toBeGreaterThanOrEqual(cal.scoreThreshold!);
  });

  it('single-bid tenders and undefined screens are reported as not applicable', () => {
    const { tenders } = market(30, 3);
    const cal = calibrateMarket('m', tenders);
    const r = screenTenders([
      { tenderId: 'solo', bids: [{ bidderId: 'a', amount: 10 }] },
      { tenderId: 'three', bids: [{ bidderId: 'a', amount: 10 }, { bidderId: 'b', amount: 11 }, { bidderId: 'c', amount: 13 }] },
    ], cal);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ subjectId: 'solo', reason: 'tooFewBids' }));
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ subjectId: 'three', code: 'SCREEN_KURT', reason: 'tooFewBids' }));
  });
});

describe('calibrateByMarket', () => {
  it('each market gets thresholds from its own tenders only', () => {
    const a = market(30, 4).tenders.map((t) => ({ ...t, market: 'works' }));
    // The goods market's bids are ten times more dispersed: its CV cut must be far higher.
    const b = market(30, 5).tenders.map((t) => ({ ...t, tenderId: `g${t.tenderId}`, market: 'goods', bids: t.bids.map((x, j) => ({ ...x, amount: x.amount * (1 + j) })) }));
    const cal = calibrateByMarket([...a, ...b]);
    expect([...cal.keys()].sort()).toEqual(['goods', 'works']);
    expect(cal.get('goods')!.thresholds.cv!.value).toBeGreaterThan(cal.get('works')!.thresholds.cv!.value * 3);
  });
});
