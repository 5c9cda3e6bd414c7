import { describe, expect, it } from 'vitest';
import { hypergeometricUpperTail } from './binomial';
import { expertSignals } from './experts';
import type { EvaluationScore } from './types';

/** Panel of experts scoring bidders with the same score each, unless overridden. */
function panel(tenderId: string, experts: string[], bidders: string[], base: (b: string, e: string) => number): EvaluationScore[] {
  return experts.flatMap((e) => bidders.map((b) => ({ tenderId, expertId: e, bidderId: b, score: base(b, e) })));
}

describe('expertSignals: co-occurrence', () => {
  it('expert E1 sat on all 4 panels F won among 20 tenders: p = hypergeometric tail, lift = (4/6)/(4/20)', () => {
    const scores: EvaluationScore[] = [];
    const winners = new Map<string, string>();
    for (let i = 0; i < 20; i++) {
      const won = i < 4 ? 'F' : `G${i}`;
      winners.set(`t${i}`, won);
      // E1 sits on tenders 0–3 (all won by F) and 4–5; others rotate.
      const experts = i < 6 ? ['E1', `X${i}`, `Y${i}`] : [`X${i}`, `Y${i}`, `Z${i}`];
      scores.push(...panel(`t${i}`, experts, [won, 'L'], (b, e) => (b === won ? 90 : 80) + (e.length % 3)));
    }
    const r = expertSignals(scores, winners);
    const h = r.hits.filter((x) => x.code === 'EXPERT_WINNER_COOCCURRENCE');
    expect(h).toHaveLength(1);
    // N = 20 tenders, K = 4 won by F, n = 6 panels of E1, k = 4: P = C(4,4)·C(16,2)/C(20,6) = 120/38760.
    expect(h[0].evidence.values.pValue).toBeCloseTo(120 / 38760, 12);
    expect(hypergeometricUpperTail(4, 20, 4, 6)).toBeCloseTo(120 / 38760, 12);
    expect(h[0].evidence.values.lift).toBeCloseTo((4 / 6) / (4 / 20), 12);
  });

  it('no winners known: co-occurrence not applicable', () => {
    const r = expertSignals(panel('t', ['a', 'b'], ['x', 'y', 'z'], () => 1), new Map());
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ code: 'EXPERT_WINNER_COOCCURRENCE', reason: 'noData' }));
  });
});

describe('expertSignals: scores', () => {
  it('two experts with identical score vectors over 3 bidders (串分); a third differing in one score is not', () => {
    const s = panel('t1', ['A', 'B', 'C'], ['x', 'y', 'z'], (b, e) => ({ x: 80, y: 85, z: 90 }[b]! + (e === 'C' && b === 'z' ? 1 : 0)));
    const h = expertSignals(s, new Map()).hits.filter((x) => x.code === 'IDENTICAL_SCORE_VECTORS');
    expect(h).toHaveLength(1);
    expect(h[0].evidence.values.experts).toEqual(['A', 'B']);
  });

  it('edge: identical vectors over only 2 bidders are below the minimum', () => {
    const s = panel('t1', ['A', 'B'], ['x', 'y'], () => 80);
    expect(expertSignals(s, new Map()).hits.filter((x) => x.code === 'IDENTICAL_SCORE_VECTORS')).toEqual([]);
  });

  it('outlier: others give the winner 80, 82, 84 (mean 82, sd 2); 95 → z = 6.5 ≥ 2.5; repeated in two tenders', () => {
    const mk = (t: string) => [
      ...[['E1', 95], ['E2', 80], ['E3', 82], ['E4', 84]].map(([e, v]) => ({ tenderId: t, expertId: e as string, bidderId: 'W', score: v as number })),
      ...['E1', 'E2', 'E3', 'E4'].map((e, i) => ({ tenderId: t, expertId: e, bidderId: 'L', score: 85 + i * 0.5 })),
    ];
    const r = expertSignals([...mk('t1'), ...mk('t2')], new Map([['t1', 'W'], ['t2', 'W']]));
    const out = r.hits.filter((h) => h.code === 'OUTLYING_SCORE' && h.evidence.values.expert === 'E1');
    expect(out).toHaveLength(2);
    expect(out[0].evidence.values.z).toBeCloseTo((95 - 82) / 2, 12);
    expect(out[0].evidence.values.favoursWinner).toBe(true);
    expect(r.hits.filter((h) => h.code === 'EXPERT_REPEATED_OUTLIER').map((h) => h.subjectId)).toEqual(['E1']);
  });

  it('unanimous panel: a 0.5-point difference is not an outlier (sd floored at 1)', () => {
    const s = [80, 80, 80, 80.5].map((v, i) => ({ tenderId: 't', expertId: `E${i}`, bidderId: 'x', score: v }));
    expect(expertSignals(s, new Map()).hits).toEqual([]);
  });
});

describe('expertSignals: conflicts of interest', () => {
  it('expert employed by a bidder, or sharing its phone', () => {
    const s = panel('t1', ['E1', 'E2'], ['公司甲', '公司乙'], () => 80);
    const r = expertSignals(s, new Map(), [
      { expertId: 'E1', employers: ['公司甲'] },
      { expertId: 'E2', phone: '138 0000 0000' },
    ], [{ bidderId: '公司乙', phone: '+86 13800000000' }]);
    const h = r.hits.filter((x) => x.code === 'EXPERT_CONFLICT_OF_INTEREST');
    expect(h.map((x) => x.subjectId).sort()).toEqual(['t1|E1|公司甲', 't1|E2|公司乙']);
    expect(h.every((x) => x.strength === 'strong')).toBe(true);
  });

  it('no link, no flag; missing expert records are skipped', () => {
    const s = panel('t1', ['E1', 'E9'], ['A', 'B'], () => 80);
    expect(expertSignals(s, new Map(), [{ expertId: 'E1', employers: ['C'] }]).hits).toEqual([]);
  });
});
