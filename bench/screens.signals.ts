import fs from 'node:fs';
import path from 'node:path';
import { networkSignals } from '../src/modules/risk/signals/network';
import { priceRegularity } from '../src/modules/risk/signals/priceRegularity';
import type { TenderBids } from '../src/modules/risk/signals/types';
import { round, type BenchResult } from './lib';
import { DATA, DATASETS, parseCsv } from './screens.bench';

/**
 * The rule-based signals on the same labelled bids: how often the tenders they hit are collusive, beside
 * the dataset's base rate (a hit set no better than the base rate is noise). Only datasets that name the
 * bidders (`Competitors`) can feed the co-bidding network. Tenders of any size (≥ 2 bids).
 */
const BIDDER_COLUMNS = ['Competitors', 'Competitor'];

function load(file: string, label: string): { tenders: TenderBids[]; collusive: Set<string> } {
  const [head, ...rows] = parseCsv(fs.readFileSync(path.join(DATA, file), 'utf8'));
  const col = (n: string) => head.indexOf(n);
  const [ti, bi, li, wi, di] = [col('Tender'), col('Bid_value'), col(label), col('Winner'), col('Date')];
  const ci = BIDDER_COLUMNS.map(col).find((i) => i >= 0) ?? -1;
  const byId = new Map<string, TenderBids>();
  const collusive = new Set<string>();
  rows.forEach((r, n) => {
    const amount = Number(r[bi]);
    if (!(amount > 0)) return;
    const id = r[ti];
    const t = byId.get(id) ?? { tenderId: id, date: di >= 0 ? r[di].padStart(12, '0') : undefined, bids: [] };
    t.bids.push({ bidderId: ci >= 0 ? r[ci] : `row${n}`, amount, winner: Number(r[wi]) === 1 });
    byId.set(id, t);
    if (Number(r[li]) === 1) collusive.add(id);
  });
  return { tenders: [...byId.values()].filter((t) => t.bids.length >= 2), collusive };
}

export function signalsOnBids(log: (s: string) => void): BenchResult[] {
  const results: BenchResult[] = [];
  const lines = ['dataset\ttenders\tbase rate\tprice-regularity hits (coll. share)\tpair same-winner tenders (coll. share)\trotation tenders (coll. share)'];
  for (const ds of DATASETS) {
    const t0 = performance.now();
    const { tenders, collusive } = load(ds.file, ds.label);
    const base = tenders.filter((t) => collusive.has(t.tenderId)).length / tenders.length;
    const t1 = performance.now();
    const priceHit = new Set(tenders.flatMap((t) => priceRegularity(t).hits.map((h) => h.subjectId)));
    const t2 = performance.now();
    const named = fs.readFileSync(path.join(DATA, ds.file), 'utf8').slice(0, 2000).split('\n')[0].split(',').some((c) => BIDDER_COLUMNS.includes(c));
    const net = named ? networkSignals(tenders) : null;
    const t3 = performance.now();
    const tendersOf = (code: string) => new Set((net?.hits ?? []).filter((h) => h.code === code).flatMap((h) => h.evidence.records.filter((r) => r.kind === 'tender').map((r) => r.id)));
    const share = (ids: Set<string>) => (ids.size ? [...ids].filter((id) => collusive.has(id)).length / ids.size : NaN);
    const pair = tendersOf('COBIDDING_PAIR_SAME_WINNER');
    const rot = tendersOf('BID_ROTATION');
    const cell = (ids: Set<string>) => (net || ids === priceHit ? `${ids.size} (${Number.isNaN(share(ids)) ? '-' : share(ids).toFixed(2)})` : 'no bidder ids');
    lines.push([ds.name, tenders.length, base.toFixed(2), cell(priceHit), cell(pair), cell(rot)].join('\t'));
    for (const [name, ids] of [['price regularity', priceHit], ['co-bidding pair, same winner', pair], ['bid rotation', rot]] as const) {
      if (ids.size === 0) continue;
      results.push({
        metric: `signals ${ds.name}: collusive share of tenders hit by ${name}`, engine: 'signals', value: round(share(ids), 3), unit: 'share', target: null,
        baseline: { name: 'base rate', value: round(base, 3) }, extra: { tendersHit: ids.size, tenders: tenders.length },
      });
    }
    results.push({
      metric: `signals ${ds.name}: price regularity + network over all tenders`, engine: 'signals', value: round(t3 - t1, 1), unit: 'ms', target: null,
      baseline: { name: 'CSV load', value: round(t1 - t0, 1) }, extra: { priceMs: round(t2 - t1, 1), networkMs: round(t3 - t2, 1), edges: net?.graph.edges.length ?? 0 },
    });
  }
  log(lines.map((l) => `  ${l}`).join('\n'));
  return results;
}
