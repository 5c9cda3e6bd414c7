import type { RecordRef, RedFlagHit, SignalResult } from './hit';
import type { TenderBids } from './types';

/**
 * Co-bidding network and bid rotation over many tenders of one market (OCP R053, R057). The graph is
 * the raw material for a network chart (nodes = bidders, edges = pairs weighted by shared tenders); the
 * hits are the patterns on it:
 *  - COBIDDING_PAIR_SAME_WINNER: a pair that met in ≥ `minShared` tenders where one of them won ≥
 *    `sameWinnerShare` of those and the other never did (the loser as a permanent cover bidder);
 *  - BID_ROTATION: a group of firms (connected by pairs meeting ≥ `minShared` times that also bid
 *    mostly together: Jaccard = shared / (tendersₐ + tenders_b − shared) ≥ `minJaccard`; without it
 *    a dense market collapses into one giant component) that met in ≥
 *    `minShared` tenders, whose wins there all went to group members, and were spread evenly
 *    (normalised entropy ≥ `minEvenness`) over ≥ 2 members, e.g. A, B, C, A, B, C.
 * A tender's winner is the bid flagged `winner`; tenders without one count for co-bidding only.
 */
export interface GraphNode { id: string; tenders: number; wins: number }
export interface GraphEdge { source: string; target: string; weight: number; winsSource: number; winsTarget: number; tenderIds: string[] }
export interface BidderGraph { nodes: GraphNode[]; edges: GraphEdge[] }

export interface NetworkOptions {
  minShared?: number;
  sameWinnerShare?: number;
  minEvenness?: number;
  minJaccard?: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function winnerOf(t: TenderBids): string | null {
  const w = [...new Set(t.bids.filter((b) => b.winner).map((b) => b.bidderId))];
  return w.length === 1 ? w[0] : null;
}

export function bidderGraph(tenders: readonly TenderBids[]): BidderGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const t of tenders) {
    const ids = [...new Set(t.bids.filter((b) => b.status !== 'withdrawn').map((b) => b.bidderId))].sort();
    const winner = winnerOf(t);
    for (const id of ids) {
      const n = nodes.get(id) ?? { id, tenders: 0, wins: 0 };
      n.tenders++;
      if (id === winner) n.wins++;
      nodes.set(id, n);
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = pairKey(ids[i], ids[j]);
        const e = edges.get(key) ?? { source: ids[i], target: ids[j], weight: 0, winsSource: 0, winsTarget: 0, tenderIds: [] };
        e.weight++;
        e.tenderIds.push(t.tenderId);
        if (winner === e.source) e.winsSource++;
        if (winner === e.target) e.winsTarget++;
        edges.set(key, e);
      }
    }
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...edges.values()].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

export function networkSignals(tenders: readonly TenderBids[], opts: NetworkOptions = {}): SignalResult & { graph: BidderGraph } {
  const minShared = opts.minShared ?? 3;
  const sameShare = opts.sameWinnerShare ?? 0.8;
  const minEven = opts.minEvenness ?? 0.8;
  const graph = bidderGraph(tenders);
  const hits: RedFlagHit[] = [];
  const strong = graph.edges.filter((e) => e.weight >= minShared);
  for (const e of strong) {
    for (const [w, l, wins, lossWins] of [[e.source, e.target, e.winsSource, e.winsTarget], [e.target, e.source, e.winsTarget, e.winsSource]] as const) {
      if (lossWins === 0 && wins / e.weight >= sameShare) {
        hits.push({
          code: 'COBIDDING_PAIR_SAME_WINNER', subjectId: pairKey(w, l), strength: 'weak',
          evidence: {
            rule: `pair met in ≥ ${minShared} tenders; one won ≥ ${sameShare} of them, the other none`, lawRef: '条例第三十九条(二) 约定中标人',
            threshold: { minShared, sameWinnerShare: sameShare }, values: { winner: w, loser: l, shared: e.weight, wins },
            records: [{ kind: 'bidder', id: w }, { kind: 'bidder', id: l }, ...e.tenderIds.map((id): RecordRef => ({ kind: 'tender', id }))],
          },
        });
      }
    }
  }
  // Groups: connected components of the frequent, exclusive pairs.
  const minJaccard = opts.minJaccard ?? 0.5;
  const tendersOf = new Map(graph.nodes.map((n) => [n.id, n.tenders]));
  const close = strong.filter((e) => e.weight / (tendersOf.get(e.source)! + tendersOf.get(e.target)! - e.weight) >= minJaccard);
  const parent = new Map<string, string>();
  const find = (x: string): string => { let r = x; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(x, r); return r; };
  for (const e of close) {
    for (const v of [e.source, e.target]) if (!parent.has(v)) parent.set(v, v);
    parent.set(find(e.source), find(e.target));
  }
  const groups = new Map<string, string[]>();
  for (const v of parent.keys()) groups.set(find(v), [...(groups.get(find(v)) ?? []), v]);
  for (const members of groups.values()) {
    const set = new Set(members);
    const met = tenders.filter((t) => t.bids.filter((b) => set.has(b.bidderId)).map((b) => b.bidderId).filter((v, i, a) => a.indexOf(v) === i).length >= 2);
    const sequence = [...met].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.tenderId.localeCompare(b.tenderId));
    const winners = sequence.map(winnerOf);
    if (met.length < minShared || winners.some((w) => w === null || !set.has(w))) continue;
    const counts = new Map<string, number>();
    for (const w of winners as string[]) counts.set(w, (counts.get(w) ?? 0) + 1);
    if (counts.size < 2) continue;
    let h = 0;
    for (const c of counts.values()) h -= (c / winners.length) * Math.log(c / winners.length);
    const evenness = h / Math.log(Math.min(members.length, winners.length));
    if (evenness < minEven) continue;
    const sorted = [...members].sort();
    hits.push({
      // Two firms alternating over a few tenders also happens in competition: weak unless ≥ 3 rotate.
      code: 'BID_ROTATION', subjectId: sorted.join('|'), strength: sorted.length >= 3 ? 'medium' : 'weak',
      evidence: {
        rule: `group met in ≥ ${minShared} tenders, every win went to a member, wins spread evenly`, lawRef: '条例第三十九条(二)(三)',
        threshold: { minShared, minEvenness: minEven, minJaccard }, values: { members: sorted, winnerSequence: winners as string[], evenness, tenders: met.length },
        records: [...sorted.map((id): RecordRef => ({ kind: 'bidder', id })), ...sequence.map((t): RecordRef => ({ kind: 'tender', id: t.tenderId }))],
      },
    });
  }
  return { hits, notApplicable: [], graph };
}
