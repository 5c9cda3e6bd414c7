import type { Award, Bid, Release } from '../ocds/model';
import { completeAwardsIfFinal, idsOf } from './context';

/**
 * A competition: one set of bids for one award. Cardinal only knows the simplest case (exactly one complete
 * award with exactly one supplier, bids by exactly one tenderer), so a process with lots (标段) or a
 * consortium (联合体) winner is skipped. The extended mode splits a process into one competition per lot
 * (awards and bids joined through `relatedLots`/`relatedLot`) and matches a consortium by its member set,
 * or a winning bid by `awards.relatedBid` when published (Cardinal issues #14, #17, #22).
 */
export interface Competition {
  lot: string | null;
  award: Award;
  /** Sorted supplier ids of the winning award, joined by '+' (one id for a single supplier). */
  winnerKey: string;
  winnerIds: string[];
  bids: Bid[];
  /** Bid id named by award.relatedBid (extended mode only). */
  relatedBid: string | null;
  attributable?: { bid: Bid; key: string; won: boolean }[];
}

export type CompetitionResult = { competitions: Competition[] } | { notApplicable: string };

export const tendererKey = (ids: string[]): string => [...new Set(ids)].sort().join('+');

export function competitions(r: Release, extended: boolean): CompetitionResult {
  const complete = completeAwardsIfFinal(r);
  if (complete === null) return { notApplicable: r.awards.length && r.bids.length ? 'awards not final' : 'no awards or no bids' };
  if (!extended) {
    if (complete.length !== 1) return { notApplicable: 'not exactly one active award' };
    const ids = idsOf(complete[0].suppliers);
    if (complete[0].suppliers.length !== 1 || ids.length !== 1) return { notApplicable: 'award without exactly one supplier' };
    return { competitions: [{ lot: null, award: complete[0], winnerKey: ids[0], winnerIds: ids, bids: r.bids, relatedBid: null }] };
  }
  const lots = [...new Set(complete.flatMap((a) => a.relatedLots))];
  if (lots.length === 0) {
    if (complete.length !== 1) return { notApplicable: 'several active awards without lots' };
    return one(complete[0], null, r.bids);
  }
  const out: Competition[] = [];
  for (const lot of lots) {
    const awards = complete.filter((a) => a.relatedLots.includes(lot));
    if (awards.length !== 1) continue;
    const c = one(awards[0], lot, r.bids.filter((b) => b.relatedLots.includes(lot)));
    if ('competitions' in c) out.push(...c.competitions);
  }
  return out.length ? { competitions: out } : { notApplicable: 'no lot with exactly one active award and a supplier' };
}

function one(award: Award, lot: string | null, bids: Bid[]): CompetitionResult {
  const ids = idsOf(award.suppliers);
  if (!ids.length) return { notApplicable: 'award without supplier ids' };
  return { competitions: [{ lot, award, winnerKey: tendererKey(ids), winnerIds: [...new Set(ids)], bids, relatedBid: award.relatedBid }] };
}

/** Valid bids that Cardinal (one tenderer) or the extended mode (any tenderer set) can attribute. */
export function attributableValidBids(c: Competition, extended: boolean): { bid: Bid; key: string; won: boolean }[] {
  // R024/R058 and R025 both ask for the same competition: compute once.
  if (c.attributable) return c.attributable;
  const out: { bid: Bid; key: string; won: boolean }[] = (c.attributable = []);
  for (const bid of c.bids) {
    if (bid.status !== 'valid') continue;
    const ids = idsOf(bid.tenderers);
    if (extended ? ids.length === 0 : bid.tenderers.length !== 1 || ids.length !== 1) continue;
    const key = extended ? tendererKey(ids) : ids[0];
    const won = key === c.winnerKey || (extended && c.relatedBid !== null && bid.id === c.relatedBid);
    out.push({ bid, key, won });
  }
  return out;
}
