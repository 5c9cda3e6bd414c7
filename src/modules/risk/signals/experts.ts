import { hypergeometricUpperTail } from './binomial';
import type { RecordRef, RedFlagHit, SignalResult } from './hit';
import { normalisePhone, normaliseText } from './sharedIdentity';
import type { BidderProfile, EvaluationScore, Expert } from './types';

/**
 * 评标专家 patterns over the evaluation scores of many tenders:
 *  - EXPERT_WINNER_COOCCURRENCE: expert e sat on k panels won by firm f; under random panels k follows a
 *    hypergeometric law (N tenders, K won by f, n panels of e). Flagged when k ≥ `minCount` and
 *    P(X ≥ k) ≤ `alpha`; the lift (k/n)/(K/N) is in the evidence;
 *  - IDENTICAL_SCORE_VECTORS: two experts of one panel gave every common bidder (≥ `minBidders`) the
 *    same score (串分);
 *  - OUTLYING_SCORE: an expert's score for a bidder is ≥ `zMin` panel standard deviations from the other
 *    experts' mean (sd floored at `minSd` points so a unanimous panel does not make every difference
 *    infinite); EXPERT_REPEATED_OUTLIER when an expert's outliers favoured the winner ≥ `minRepeats` times;
 *  - EXPERT_CONFLICT_OF_INTEREST: an expert's employer (current or past) is a bidder of the tender, or
 *    the expert shares a phone or e-mail with a bidder's profile.
 */
export interface ExpertOptions {
  minCount?: number;
  alpha?: number;
  minBidders?: number;
  zMin?: number;
  minSd?: number;
  minRepeats?: number;
}

export function expertSignals(
  scores: readonly EvaluationScore[], winners: ReadonlyMap<string, string>, experts: readonly Expert[] = [],
  profiles: readonly BidderProfile[] = [], opts: ExpertOptions = {},
): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const byTender = new Map<string, EvaluationScore[]>();
  for (const s of scores) if (Number.isFinite(s.score)) byTender.set(s.tenderId, [...(byTender.get(s.tenderId) ?? []), s]);
  cooccurrence(byTender, winners, out, opts);
  const favours = new Map<string, string[]>();
  for (const [tenderId, list] of byTender) {
    identicalVectors(tenderId, list, out, opts.minBidders ?? 3);
    outliers(tenderId, list, winners.get(tenderId), out, favours, opts);
  }
  for (const [expertId, tenderIds] of favours) {
    if (tenderIds.length < (opts.minRepeats ?? 2)) continue;
    out.hits.push(hit('EXPERT_REPEATED_OUTLIER', expertId, 'medium', 'outlying scores in favour of the eventual winner, repeatedly', { minRepeats: opts.minRepeats ?? 2 },
      { expert: expertId, tenders: tenderIds }, [{ kind: 'expert', id: expertId }, ...tenderIds.map((id): RecordRef => ({ kind: 'tender', id }))]));
  }
  conflicts(byTender, experts, profiles, out);
  return out;
}

function hit(code: string, subjectId: string, strength: RedFlagHit['strength'], rule: string, threshold: RedFlagHit['evidence']['threshold'], values: RedFlagHit['evidence']['values'], records: RecordRef[]): RedFlagHit {
  return { code, subjectId, strength, evidence: { rule, lawRef: '评标专家 patterns (procurement-red-flags.md §6.3 E)', threshold, values, records } };
}

function cooccurrence(byTender: Map<string, EvaluationScore[]>, winners: ReadonlyMap<string, string>, out: SignalResult, opts: ExpertOptions): void {
  const minCount = opts.minCount ?? 3;
  const alpha = opts.alpha ?? 0.01;
  const panels = [...byTender].filter(([t]) => winners.has(t)).map(([t, list]) => ({ tenderId: t, winner: winners.get(t)!, experts: new Set(list.map((s) => s.expertId)) }));
  if (panels.length === 0) {
    out.notApplicable.push({ code: 'EXPERT_WINNER_COOCCURRENCE', subjectId: '*', reason: 'noData', detail: 'no scored tender with a winner' });
    return;
  }
  const wonBy = new Map<string, number>();
  const panelsOf = new Map<string, string[]>();
  for (const p of panels) {
    wonBy.set(p.winner, (wonBy.get(p.winner) ?? 0) + 1);
    for (const e of p.experts) panelsOf.set(e, [...(panelsOf.get(e) ?? []), p.tenderId]);
  }
  const winnerOf = new Map(panels.map((p) => [p.tenderId, p.winner]));
  for (const [expertId, tenders] of panelsOf) {
    const byFirm = new Map<string, string[]>();
    for (const t of tenders) byFirm.set(winnerOf.get(t)!, [...(byFirm.get(winnerOf.get(t)!) ?? []), t]);
    for (const [firm, together] of byFirm) {
      const k = together.length;
      if (k < minCount) continue;
      const p = hypergeometricUpperTail(k, panels.length, wonBy.get(firm)!, tenders.length);
      if (p > alpha) continue;
      const lift = (k / tenders.length) / (wonBy.get(firm)! / panels.length);
      out.hits.push(hit('EXPERT_WINNER_COOCCURRENCE', `${expertId}|${firm}`, 'medium', 'expert sat on more panels won by one firm than chance allows (hypergeometric test)',
        { minCount, alpha }, { expert: expertId, firm, panelsWonByFirm: k, panelsOfExpert: tenders.length, tendersWonByFirm: wonBy.get(firm)!, tenders: panels.length, pValue: p, lift },
        [{ kind: 'expert', id: expertId }, { kind: 'bidder', id: firm }, ...together.map((id): RecordRef => ({ kind: 'tender', id }))]));
    }
  }
}

function identicalVectors(tenderId: string, list: EvaluationScore[], out: SignalResult, minBidders: number): void {
  const byExpert = new Map<string, Map<string, number>>();
  for (const s of list) byExpert.set(s.expertId, (byExpert.get(s.expertId) ?? new Map()).set(s.bidderId, s.score));
  const ids = [...byExpert.keys()].sort();
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = byExpert.get(ids[i])!;
      const b = byExpert.get(ids[j])!;
      const common = [...a.keys()].filter((k) => b.has(k)).sort();
      if (common.length < minBidders || common.some((k) => a.get(k) !== b.get(k))) continue;
      out.hits.push(hit('IDENTICAL_SCORE_VECTORS', tenderId, 'medium', `two experts gave identical scores to all ≥ ${minBidders} common bidders`, { minBidders },
        { experts: [ids[i], ids[j]], bidders: common, scores: common.map((k) => a.get(k)!) },
        [{ kind: 'tender', id: tenderId }, { kind: 'expert', id: ids[i] }, { kind: 'expert', id: ids[j] }]));
    }
  }
}

function outliers(tenderId: string, list: EvaluationScore[], winner: string | undefined, out: SignalResult, favours: Map<string, string[]>, opts: ExpertOptions): void {
  const zMin = opts.zMin ?? 2.5;
  const minSd = opts.minSd ?? 1;
  const byBidder = new Map<string, EvaluationScore[]>();
  for (const s of list) byBidder.set(s.bidderId, [...(byBidder.get(s.bidderId) ?? []), s]);
  for (const [bidderId, ss] of byBidder) {
    if (ss.length < 4) continue; // the expert plus at least three others to compare with
    for (const s of ss) {
      const others = ss.filter((o) => o !== s).map((o) => o.score);
      const mean = others.reduce((a, b) => a + b, 0) / others.length;
      const sd = Math.sqrt(others.reduce((a, b) => a + (b - mean) ** 2, 0) / (others.length - 1));
      const z = (s.score - mean) / Math.max(sd, minSd);
      if (Math.abs(z) < zMin) continue;
      const favoursWinner = winner !== undefined && (bidderId === winner ? z > 0 : z < 0);
      if (favoursWinner && !(favours.get(s.expertId) ?? []).includes(tenderId)) favours.set(s.expertId, [...(favours.get(s.expertId) ?? []), tenderId]);
      out.hits.push(hit('OUTLYING_SCORE', `${tenderId}|${s.expertId}|${bidderId}`, 'weak', `|score − others' mean| / max(sd, ${minSd}) ≥ ${zMin}`, { zMin, minSd },
        { expert: s.expertId, bidder: bidderId, score: s.score, othersMean: mean, othersSd: sd, z, favoursWinner },
        [{ kind: 'tender', id: tenderId }, { kind: 'expert', id: s.expertId }, { kind: 'bidder', id: bidderId }]));
    }
  }
}

function conflicts(byTender: Map<string, EvaluationScore[]>, experts: readonly Expert[], profiles: readonly BidderProfile[], out: SignalResult): void {
  const expertById = new Map(experts.map((e) => [e.expertId, e]));
  const profileOf = (bidderId: string, tenderId: string) =>
    profiles.find((p) => p.bidderId === bidderId && p.tenderId === tenderId) ?? profiles.find((p) => p.bidderId === bidderId && !p.tenderId);
  for (const [tenderId, list] of byTender) {
    const bidders = [...new Set(list.map((s) => s.bidderId))];
    for (const expertId of new Set(list.map((s) => s.expertId))) {
      const e = expertById.get(expertId);
      if (!e) continue;
      const employers = new Set((e.employers ?? []).map(normaliseText));
      for (const bidderId of bidders) {
        const p = profileOf(bidderId, tenderId);
        const links: string[] = [];
        if (employers.has(normaliseText(bidderId))) links.push('employer');
        if (e.phone && p?.phone && normalisePhone(e.phone) === normalisePhone(p.phone)) links.push('phone');
        if (e.email && p?.email && e.email.trim().toLowerCase() === p.email.trim().toLowerCase()) links.push('email');
        if (e.name && p?.employees?.some((n) => normaliseText(n) === normaliseText(e.name!))) links.push('employee');
        if (links.length === 0) continue;
        out.hits.push({
          code: 'EXPERT_CONFLICT_OF_INTEREST', subjectId: `${tenderId}|${expertId}|${bidderId}`, strength: 'strong',
          evidence: {
            rule: 'expert linked to a bidder of the tender (employer, shared phone or e-mail, listed as its employee)', lawRef: '招标投标法第三十七条 (与投标人有利害关系的人不得进入评标委员会)',
            threshold: {}, values: { expert: expertId, bidder: bidderId, links }, records: [{ kind: 'tender', id: tenderId }, { kind: 'expert', id: expertId }, { kind: 'bidder', id: bidderId }],
          },
        });
      }
    }
  }
}
