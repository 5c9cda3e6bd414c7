import { describe, expect, it } from 'vitest';
import { bidderGraph, networkSignals } from './network';
import type { TenderBids } from './types';

const t = (id: string, date: string, bidders: string[], winner: string | null): TenderBids => ({
  tenderId: id, date, bids: bidders.map((b, i) => ({ bidderId: b, amount: 100 + i, winner: b === winner })),
});

describe('bidderGraph', () => {
  it('nodes count tenders and wins; edges count shared tenders and each side’s wins', () => {
    const g = bidderGraph([t('1', '2024-01-01', ['A', 'B', 'C'], 'A'), t('2', '2024-02-01', ['A', 'B'], 'B')]);
    expect(g.nodes).toEqual([{ id: 'A', tenders: 2, wins: 1 }, { id: 'B', tenders: 2, wins: 1 }, { id: 'C', tenders: 1, wins: 0 }]);
    expect(g.edges[0]).toMatchObject({ source: 'A', target: 'B', weight: 2, winsSource: 1, winsTarget: 1, tenderIds: ['1', '2'] });
    expect(g.edges).toHaveLength(3);
  });
});

describe('networkSignals', () => {
  it('rotation: A, B, C take turns over six tenders they all bid in', () => {
    const ws = ['A', 'B', 'C', 'A', 'B', 'C'];
    const r = networkSignals(ws.map((w, i) => t(`r${i}`, `2024-0${i + 1}-01`, ['A', 'B', 'C'], w)));
    const rot = r.hits.filter((h) => h.code === 'BID_ROTATION');
    expect(rot).toHaveLength(1);
    expect(rot[0].evidence.values.winnerSequence).toEqual(ws);
    // Entropy of (2, 2, 2)/6 = ln 3; normalised by ln 3 → 1.
    expect(rot[0].evidence.values.evenness).toBeCloseTo(1, 12);
    expect(r.hits.some((h) => h.code === 'COBIDDING_PAIR_SAME_WINNER')).toBe(false);
  });

  it('same recurrent winner: B always loses to A', () => {
    const r = networkSignals([1, 2, 3, 4].map((i) => t(`s${i}`, `2024-0${i}-01`, ['A', 'B'], 'A')));
    const h = r.hits.filter((x) => x.code === 'COBIDDING_PAIR_SAME_WINNER');
    expect(h).toHaveLength(1);
    expect(h[0].evidence.values).toMatchObject({ winner: 'A', loser: 'B', shared: 4, wins: 4 });
    expect(r.hits.some((x) => x.code === 'BID_ROTATION')).toBe(false);
  });

  it('no flag below the minimum number of shared tenders, or when an outsider wins', () => {
    expect(networkSignals([t('1', '2024-01-01', ['A', 'B'], 'A'), t('2', '2024-02-01', ['A', 'B'], 'A')]).hits).toEqual([]);
    const r = networkSignals([
      t('1', '2024-01-01', ['A', 'B'], 'A'), t('2', '2024-02-01', ['A', 'B', 'X'], 'X'), t('3', '2024-03-01', ['A', 'B'], 'B'),
    ]);
    expect(r.hits.filter((h) => h.code === 'BID_ROTATION')).toEqual([]);
  });

  it('tenders without a single winner (ties, none recorded) count for co-bidding only', () => {
    const tie: TenderBids = { tenderId: 'x', bids: [{ bidderId: 'A', amount: 1, winner: true }, { bidderId: 'B', amount: 1, winner: true }] };
    const g = bidderGraph([tie]);
    expect(g.nodes.map((n) => n.wins)).toEqual([0, 0]);
    expect(g.edges[0].weight).toBe(1);
  });
});

describe('rotation groups need exclusive pairs', () => {
  it('A and B alternate in 3 joint tenders but each bids 10 more alone with others: Jaccard 3/23 < 0.5 → no group', () => {
    const joint = [t('j1', '2024-01-01', ['A', 'B'], 'A'), t('j2', '2024-02-01', ['A', 'B'], 'B'), t('j3', '2024-03-01', ['A', 'B'], 'A')];
    const solo = Array.from({ length: 10 }, (_, i) => [t(`a${i}`, '2024-04-01', ['A', `X${i}`], 'A'), t(`b${i}`, '2024-04-01', ['B', `Y${i}`], 'B')]).flat();
    expect(networkSignals(joint).hits.filter((h) => h.code === 'BID_ROTATION')).toHaveLength(1);
    expect(networkSignals([...joint, ...solo]).hits.filter((h) => h.code === 'BID_ROTATION')).toEqual([]);
  });
});
