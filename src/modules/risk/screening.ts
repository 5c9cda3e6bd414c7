import { createHash } from 'node:crypto';
import { IndicatorEngine } from './cardinal/engine';
import type { Evidence as CardinalEvidence } from './cardinal/context';
import { defaultSettings } from './cardinal/settings';
import { calibrateByMarket, screenTenders } from './screens';
import {
  awardsOf, bidderProfilesOf, contractSideOf, evaluationOf, expertSignals, networkSignals, paymentSignals, postAwardChanges, priceRegularity,
  sharedIdentity, splitPurchases, tenderBidsOf, thresholdBunching,
  type Evidence, type RecordRef, type RedFlagHit, type SignalResult, type Strength, type TenderBids,
} from './signals';
import type { StoredRelease } from './loadReleases';
import type { HitSource } from './db';

/**
 * One screening run over the stored processes of a county: the Cardinal indicators (extended semantics:
 * dates as instants, lots, consortia), the statistical screens calibrated per market (category; the county's
 * own tenders, 10% quantile), and the collusion, avoidance, post-award, payment and expert signals. Every hit
 * is mapped back to the processes its records name, so it can be scoped, filtered and opened.
 */
export interface ScreenedHit {
  key: string;
  code: string;
  source: HitSource;
  subjectId: string;
  strength: Strength;
  score: number | null;
  evidence: Evidence;
  processIds: string[];
  supplierNames: string[];
}

export interface ScreeningOutput { hits: ScreenedHit[]; notApplicable: Record<string, number> }

function cardinalHit(e: CardinalEvidence): RedFlagHit & { score: number } {
  const records: RecordRef[] = [
    ...e.ocids.map((id): RecordRef => ({ kind: 'tender', id })),
    ...e.bidIds.filter((x): x is string => !!x).map((id): RecordRef => ({ kind: 'bid', id })),
    ...e.awardIds.filter((x): x is string => !!x).map((id): RecordRef => ({ kind: 'award', id })),
  ];
  if (e.group === 'Tenderer') records.push({ kind: 'bidder', id: e.id });
  if (e.group === 'Buyer' || e.group === 'ProcuringEntity') records.push({ kind: 'buyer', id: e.id });
  return {
    code: e.indicator, subjectId: `${e.group}:${e.id}${e.lot ? `/${e.lot}` : ''}`, strength: 'medium', score: e.value,
    evidence: { rule: e.rule, threshold: { value: e.threshold }, values: { value: e.value, ...(e.values as Record<string, never>) }, records },
  };
}

const hitKey = (code: string, subjectId: string, records: RecordRef[]) =>
  createHash('sha256').update(JSON.stringify([code, subjectId, records.map((r) => `${r.kind}:${r.id}`).sort()])).digest('hex').slice(0, 32);

export function screenReleases(stored: readonly StoredRelease[]): ScreeningOutput {
  const releases = stored.map((s) => s.release);
  // Record id → processes (ids of tenders, lots, awards, contracts, payments … as published; may repeat across processes).
  const owners = new Map<string, Set<string>>();
  const own = (id: string | null | undefined, pid: string) => { if (id) owners.set(id, (owners.get(id) ?? new Set()).add(pid)); };
  const names = new Map<string, string>();
  const suppliersOf = new Map<string, string[]>();
  for (const { processId, release: r } of stored) {
    own(r.ocid, processId);
    for (const l of r.tender?.lots ?? []) own(`${r.ocid}/${l.id}`, processId);
    for (const b of r.bids) { own(b.id, processId); for (const t of b.tenderers) if (t.id && t.name) names.set(t.id, t.name); }
    for (const a of r.awards) { own(a.id, processId); for (const s of a.suppliers) if (s.id && s.name) names.set(s.id, s.name); }
    for (const c of r.contracts) {
      own(c.id, processId);
      c.amendments.forEach((a, i) => own(a.id ?? `${c.id}#${i}`, processId));
      c.payments.forEach((p, i) => own(p.id ?? `${c.id}#${i}`, processId));
      c.milestones.forEach((m, i) => own(m.id ?? `${c.id}#${i}`, processId));
    }
    suppliersOf.set(processId, r.awards.filter((a) => a.status === 'active').flatMap((a) => a.suppliers.map((s) => s.name ?? s.id ?? '')).filter(Boolean));
  }
  const notApplicable: Record<string, number> = {};
  const hits: ScreenedHit[] = [];
  const add = (source: HitSource, h: RedFlagHit, score: number | null = null) => {
    const pids = new Set<string>();
    const supplierNames = new Set<string>();
    for (const r of h.evidence.records) {
      if (r.kind === 'bidder' || r.kind === 'buyer') {
        if (r.kind === 'bidder') for (const id of r.id.split('+')) supplierNames.add(names.get(id) ?? id);
        continue;
      }
      for (const p of owners.get(r.id) ?? []) pids.add(p);
    }
    if (pids.size === 0) for (const p of owners.get(h.subjectId) ?? []) pids.add(p);
    for (const p of pids) for (const n of suppliersOf.get(p) ?? []) supplierNames.add(n);
    hits.push({
      key: hitKey(h.code, h.subjectId, h.evidence.records), code: h.code, source, subjectId: h.subjectId, strength: h.strength, score,
      evidence: h.evidence, processIds: [...pids], supplierNames: [...supplierNames],
    });
  };
  const collect = (source: HitSource, r: SignalResult) => {
    for (const h of r.hits) add(source, h);
    for (const n of r.notApplicable) notApplicable[n.code] = (notApplicable[n.code] ?? 0) + 1;
  };

  const engine = new IndicatorEngine({ settings: defaultSettings(), extended: true, onEvidence: (e) => { const h = cardinalHit(e); add('cardinal', h, h.score); } });
  for (const r of releases) engine.add(r);
  engine.finish();

  const tenders: TenderBids[] = releases.flatMap((r) => tenderBidsOf(r, r.tender?.mainProcurementCategory ?? ''));
  const calibration = calibrateByMarket(tenders);
  for (const [market, cal] of calibration) collect('screen', screenTenders(tenders.filter((t) => (t.market ?? '') === market), cal));
  for (const t of tenders) collect('signal', priceRegularity(t));
  for (const r of releases) if (r.bids.length) collect('signal', sharedIdentity(r.ocid, bidderProfilesOf(r)));
  const { graph: _graph, ...network } = networkSignals(tenders);
  collect('signal', network);

  const awards = releases.flatMap((r) => awardsOf(r));
  collect('signal', thresholdBunching(awards));
  collect('signal', splitPurchases(awards));
  const sides = releases.map((r) => contractSideOf(r));
  const contracts = sides.flatMap((s) => s.contracts);
  const amendments = sides.flatMap((s) => s.amendments);
  collect('signal', postAwardChanges(contracts, awards, amendments));
  collect('signal', paymentSignals(contracts, sides.flatMap((s) => s.payments), sides.flatMap((s) => s.milestones), amendments));
  const evals = releases.map((r) => evaluationOf(r));
  const winners = new Map(tenders.flatMap((t) => { const w = t.bids.find((b) => b.winner); return w ? [[t.tenderId, w.bidderId] as const] : []; }));
  collect('signal', expertSignals(evals.flatMap((e) => e.scores), winners, evals.flatMap((e) => e.experts), releases.flatMap((r) => bidderProfilesOf(r))));

  // One hit per key (a rule may name the same records twice, e.g. two equal values of one field).
  const seen = new Set<string>();
  return { hits: hits.filter((h) => (seen.has(h.key) ? false : (seen.add(h.key), true))), notApplicable };
}
