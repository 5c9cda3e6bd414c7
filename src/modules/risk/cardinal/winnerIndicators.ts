import type { Release } from '../ocds/model';
import { comparesPrices, idsOf, type RunContext } from './context';
import { attributableValidBids, competitions, type CompetitionResult } from './competitions';
import { lowerFence, percentileType8, quartiles, upperFence } from './quantile';

/**
 * Indicators about the winner of a competition: R024 and R058 (the second-lowest-bid ratio
 * d = (L − W)/W with IQR fences), R025 (tenderers that bid often and rarely win) and R035 (everyone but
 * the winner disqualified). Per-process candidates are kept until the end, when the fences are known.
 */
export interface RatioCandidate {
  ocid: string;
  lot: string | null;
  d: number;
  winner: string;
  runnerUp: string;
  winnerAmount: number;
  runnerUpAmount: number;
  winnerBidId: string | null;
  runnerUpBidId: string | null;
  awardId: string | null;
}

export class WinnerState {
  readonly ratios: RatioCandidate[] = [];
  /** R025: tenderer → [wins, competitions bid]. */
  r025 = new Map<string, [number, number]>();
  ratioCodes: ('R024' | 'R058')[] | null = null;
}

const NO_IDS = { winnerBidId: null, runnerUpBidId: null, awardId: null };

export function foldWinner(ctx: RunContext, st: WinnerState, r: Release): void {
  const ind = ctx.settings.indicators;
  const extended = ctx.options.extended;
  const comp = competitions(r, extended);
  if (ind.R024 || ind.R058) foldRatio(ctx, st, r, comp);
  if (ind.R025) {
    const c = comp;
    if ('notApplicable' in c) ctx.notApplicable('R025', c.notApplicable);
    else for (const x of c.competitions) {
      const members = new Map<string, boolean>();
      for (const v of attributableValidBids(x, extended)) {
        // Counted once per competition whatever the number of bids; consortium members each count.
        for (const id of extended ? idsOf(v.bid.tenderers) : [v.key]) members.set(id, (members.get(id) ?? false) || v.won);
      }
      for (const [id, won] of members) {
        const f = st.r025.get(id) ?? [0, 0];
        f[0] += won ? 1 : 0;
        f[1] += 1;
        st.r025.set(id, f);
      }
    }
  }
  if (ind.R035) foldR035(ctx, r, comp);
}

function foldRatio(ctx: RunContext, st: WinnerState, r: Release, c: CompetitionResult): void {
  const codes = st.ratioCodes ??= (['R024', 'R058'] as const).filter((k) => ctx.settings.indicators[k]);
  const na = (why: string) => { for (const k of codes) ctx.notApplicable(k, why); };
  if (!comparesPrices(r, ctx.settings)) return na('procurement method excluded from price comparison');
  if ('notApplicable' in c) return na(c.notApplicable);
  for (const x of c.competitions) {
    let w: { amount: number; key: string; id: string | null } | null = null;
    let l: { amount: number; key: string; id: string | null } | null = null;
    for (const v of attributableValidBids(x, ctx.options.extended)) {
      const amount = v.bid.value?.amount ?? null;
      const currency = v.bid.value?.currency ?? null;
      if (amount === null || currency === null || !ctx.inMainCurrency(currency)) continue;
      // The winner's lowest bid, and the lowest bid of anyone else (strict <: the first of equals).
      if (v.won) { if (w === null || amount < w.amount) w = { amount, key: v.key, id: v.bid.id }; }
      else if (l === null || amount < l.amount) l = { amount, key: v.key, id: v.bid.id };
    }
    if (w === null || l === null) { na('no valid priced bid from the winner and from another tenderer'); continue; }
    // If the lowest bid did not win, the award was not on price alone and the ratio means nothing.
    if (l.amount < w.amount) { na('lowest bid did not win'); continue; }
    if (w.amount <= 0) { na('winning bid amount is zero'); continue; }
    for (const k of codes) ctx.applicable(k);
    st.ratios.push({
      ocid: r.ocid, lot: x.lot, d: (l.amount - w.amount) / w.amount, winner: w.key, runnerUp: l.key,
      // The ids only serve evidence; a million candidates without them take a good deal less memory.
      winnerAmount: w.amount, runnerUpAmount: l.amount, ...(ctx.wantsEvidence ? { winnerBidId: w.id, runnerUpBidId: l.id, awardId: x.award.id } : NO_IDS),
    });
  }
}

function foldR035(ctx: RunContext, r: Release, c: CompetitionResult): void {
  if ('notApplicable' in c) return ctx.notApplicable('R035', c.notApplicable);
  const extended = ctx.options.extended;
  for (const x of c.competitions) {
    const winners = new Set(x.winnerIds);
    const valid = new Set<string>();
    const disq = [];
    let same = true;
    for (const b of x.bids) {
      if (b.status === 'disqualified') disq.push(b);
      if (b.status !== 'valid') continue;
      for (const t of b.tenderers) if (t.id !== null) { valid.add(t.id); if (!winners.has(t.id)) same = false; }
    }
    if (!same || valid.size !== winners.size || (!extended && valid.size !== 1)) { ctx.notApplicable('R035', 'valid bids not exactly the winner\'s'); continue; }
    ctx.applicable('R035');
    const losers = new Set<string>();
    for (const b of disq) for (const t of b.tenderers) if (t.id !== null && !winners.has(t.id)) losers.add(t.id);
    const threshold = ctx.settings.indicators.R035!.threshold;
    if (losers.size < threshold) continue;
    ctx.setResult('OCID', r.ocid, 'R035', losers.size);
    ctx.flagged('R035');
    for (const id of winners) {
      ctx.setResult('Tenderer', id, 'R035', 0);
      ctx.mapAdd('ocid_tenderer_r035', r.ocid, id);
    }
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R035', group: 'OCID', id: r.ocid, value: losers.size, rule: 'every bid but the winner\'s disqualified; disqualified tenderers ≥ threshold',
      threshold, values: { winners: [...winners], disqualifiedTenderers: [...losers] }, ocids: [r.ocid], lot: x.lot,
      bidIds: disq.map((b) => b.id), awardIds: [x.award.id], extended: extended && (x.lot !== null || winners.size > 1) ? true : undefined,
    });
  }
}

export function finalizeWinner(ctx: RunContext, st: WinnerState): void {
  const ind = ctx.settings.indicators;
  const ds = st.ratios.map((c) => c.d);
  if (ind.R024) {
    const threshold = ind.R024.threshold;
    let q1 = 1; // Cardinal's dummy when a fixed threshold replaces the fence, so the guard passes.
    let fence = threshold;
    if (fence === null) {
      const q = quartiles(ds);
      q1 = q.q1;
      ctx.setMeta('R024', 'q1', q.q1);
      ctx.setMeta('R024', 'q3', q.q3);
      fence = lowerFence(q);
    }
    ctx.setMeta('R024', 'lower_fence', fence);
    // Zero-IQR guard (Cardinal 0.0.6): with Q1 = 0 a quarter of all processes would be flagged.
    if (q1 > 0 && fence > 0 && nonDegenerate(ctx, 'R024', ind.R024.threshold, ds)) flagRatios(ctx, st, 'R024', (d) => d <= fence!, fence, 'd = (L − W)/W ≤ lower fence Q1 − 1.5·IQR');
  }
  if (ind.R058) {
    let fence = ind.R058.threshold;
    if (fence === null) {
      const q = quartiles(ds);
      ctx.setMeta('R058', 'q1', q.q1);
      ctx.setMeta('R058', 'q3', q.q3);
      fence = upperFence(q);
    }
    ctx.setMeta('R058', 'upper_fence', fence);
    if (fence > 0 && nonDegenerate(ctx, 'R058', ind.R058.threshold, ds)) flagRatios(ctx, st, 'R058', (d) => d >= fence!, fence, 'd = (L − W)/W ≥ upper fence Q3 + 1.5·IQR');
  }
  if (ind.R025) finalizeR025(ctx, st);
}

function flagRatios(ctx: RunContext, st: WinnerState, code: 'R024' | 'R058', hit: (d: number) => boolean, fence: number, rule: string): void {
  const flagged = new Map<string, number>();
  for (const c of st.ratios) {
    if (!hit(c.d)) continue;
    const prev = flagged.get(c.ocid);
    // One OCID value; with several lots flagged (extended) the most extreme ratio is kept.
    const value = prev === undefined ? c.d : code === 'R024' ? Math.min(prev, c.d) : Math.max(prev, c.d);
    if (prev === undefined) ctx.flagged(code);
    flagged.set(c.ocid, value);
    ctx.setResult('OCID', c.ocid, code, value);
    const tenderers = code === 'R024' ? [c.winner, c.runnerUp] : [c.winner];
    for (const key of tenderers) for (const id of key.split('+')) {
      ctx.setResult('Tenderer', id, code, 0);
      ctx.mapAdd(`ocid_tenderer_${code.toLowerCase()}`, c.ocid, id);
    }
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: code, group: 'OCID', id: c.ocid, value: c.d, rule, threshold: fence, lot: c.lot,
      values: { winner: c.winner, winnerAmount: c.winnerAmount, runnerUp: c.runnerUp, runnerUpAmount: c.runnerUpAmount, d: c.d },
      ocids: [c.ocid], bidIds: [c.winnerBidId, c.runnerUpBidId], awardIds: [c.awardId], extended: c.lot !== null || c.winner.includes('+') || undefined,
    });
  }
}

function finalizeR025(ctx: RunContext, st: WinnerState): void {
  const s = ctx.settings.indicators.R025!;
  const counts = [...st.r025.values()].map(([, n]) => n);
  const upper = percentileType8(counts, s.percentile);
  let q1 = 1;
  let fence = s.threshold;
  // No Meta for R025: Cardinal writes none, and the Cardinal-compatible output must stay identical.
  if (fence === null) {
    const q = quartiles([...st.r025.values()].map(([w, n]) => w / n));
    q1 = q.q1;
    fence = lowerFence(q);
  }
  ctx.applicable('R025', st.r025.size);
  if (!(q1 > 0 && fence > 0) || !nonDegenerate(ctx, 'R025', s.threshold, [...st.r025.values()].map(([w, n]) => w / n))) return;
  for (const [id, [wins, n]] of st.r025) {
    const ratio = wins / n;
    if (n >= upper && ratio <= fence) {
      ctx.setResult('Tenderer', id, 'R025', ratio);
      ctx.flagged('R025');
      if (ctx.wantsEvidence) ctx.evidence({
        indicator: 'R025', group: 'Tenderer', id, value: ratio, rule: `competitions bid ≥ p${s.percentile} and win ratio ≤ lower fence`,
        threshold: fence, values: { wins, competitions: n, percentileCount: upper, q1 }, ocids: [], bidIds: [], awardIds: [],
      });
    }
  }
}

/**
 * Beyond Cardinal (extended mode only): a fence computed from a distribution with IQR = 0 (e.g. one
 * process, or every tenderer winning everything it bid on) flags the whole mode of the data; Cardinal only
 * guards the all-zero case. A fixed threshold is always honoured.
 */
function nonDegenerate(ctx: RunContext, code: 'R024' | 'R025' | 'R058', threshold: number | null, values: number[]): boolean {
  if (!ctx.options.extended || threshold !== null) return true;
  const q = quartiles(values);
  if (q.q3 - q.q1 > 0) return true;
  ctx.notApplicable(code, 'degenerate distribution (IQR = 0), fence not used', values.length);
  return false;
}
