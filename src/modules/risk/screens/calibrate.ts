import type { NotApplicable } from '../signals/hit';
import type { TenderBids } from '../signals/types';
import { computeScreens, SCREEN_DIRECTION, SCREEN_NAMES, type ScreenName, type Screens } from './formulas';
import { crossValidatedScores, screenFeatures, trainScreenModel, type ScreenModel } from './model';
import { auc, quantileType8 } from './stats';

/**
 * Per-market thresholds. Fixed cut-offs do not transfer between markets (Japan's bids sit within 1% of a
 * published ceiling, so everyone's CV is tiny), so each market (category × region) gets its own:
 *  - unlabelled: the type-8 quantile in the collusive direction (default: the most extreme 10%);
 *  - labelled: the cut that maximises Youden's J = sensitivity + specificity − 1, in the direction the
 *    labels support (AUC ≥ 0.5), and a combined logistic model trained with cross-validation.
 */
export interface ScreenThreshold {
  screen: ScreenName;
  direction: 'low' | 'high';
  /** Flag when value ≤ threshold (low) or ≥ threshold (high); inclusive, as in Cardinal. */
  value: number;
  method: 'quantile' | 'youden';
  quantile?: number;
  youdenJ?: number;
  /** Tenders whose screen was defined when calibrating. */
  n: number;
}

export interface MarketCalibration {
  market: string;
  tenders: number;
  labelled: boolean;
  thresholds: Partial<Record<ScreenName, ScreenThreshold>>;
  model?: ScreenModel;
  /** Cut on the combined score (Youden on out-of-fold scores), when a model was trained. */
  scoreThreshold?: number;
}

export interface CalibrationOptions {
  /** Share flagged per screen without labels (default 0.1). */
  quantile?: number;
  screens?: readonly ScreenName[];
  /** Below this many tenders with a defined screen, no threshold is set (default 20). */
  minTenders?: number;
  /** Minimum bids for a tender to enter the calibration (default 4, so KURT is defined). */
  minBids?: number;
}

/** Amounts of a tender that can be screened, or why not: withdrawn and non-positive bids are left out. */
export function screenableAmounts(t: TenderBids): { amounts: number[]; currency: string | undefined } | NotApplicable {
  const bids = t.bids.filter((b) => b.status !== 'withdrawn' && Number.isFinite(b.amount));
  if (bids.some((b) => b.amount <= 0)) return { code: 'SCREEN', subjectId: t.tenderId, reason: 'zeroOrNegative' };
  const currencies = new Set(bids.map((b) => b.currency ?? t.currency ?? ''));
  if (currencies.size > 1) {
    return { code: 'SCREEN', subjectId: t.tenderId, reason: 'currencyMismatch', detail: [...currencies].join(',') };
  }
  return { amounts: bids.map((b) => b.amount), currency: [...currencies][0] || undefined };
}

export function tenderScreens(t: TenderBids): Screens | NotApplicable {
  const a = screenableAmounts(t);
  if ('reason' in a) return a;
  return computeScreens(a.amounts, t.ceiling);
}

/** The cut maximising Youden's J for "flag when value ≤ cut" (low) or "≥ cut" (high). */
export function youdenThreshold(values: readonly number[], labels: readonly boolean[], direction: 'low' | 'high'): { value: number; j: number } {
  const sign = direction === 'low' ? 1 : -1;
  const idx = values.map((_, i) => i).sort((a, b) => sign * (values[a] - values[b]));
  const pos = labels.filter(Boolean).length;
  const neg = labels.length - pos;
  let tp = 0;
  let fp = 0;
  let best = { value: NaN, j: -Infinity };
  for (let i = 0; i < idx.length; i++) {
    if (labels[idx[i]]) tp++; else fp++;
    // Only cut between distinct values: a tie cannot be split by an inclusive threshold.
    if (i + 1 < idx.length && values[idx[i + 1]] === values[idx[i]]) continue;
    const j = (pos ? tp / pos : 0) - (neg ? fp / neg : 0);
    // Strictly better by more than rounding: equal J keeps the more conservative (first) cut.
    if (j > best.j + 1e-12) best = { value: values[idx[i]], j };
  }
  return best;
}

export function calibrateMarket(
  market: string, tenders: readonly TenderBids[], labels?: readonly boolean[], opts: CalibrationOptions = {},
): MarketCalibration {
  const q = opts.quantile ?? 0.1;
  const minTenders = opts.minTenders ?? 20;
  const minBids = opts.minBids ?? 4;
  const rows: { s: Screens; label: boolean }[] = [];
  tenders.forEach((t, i) => {
    const s = tenderScreens(t);
    if (!('reason' in s) && s.n >= minBids) rows.push({ s, label: labels ? labels[i] : false });
  });
  const labelled = labels !== undefined && rows.some((r) => r.label) && rows.some((r) => !r.label);
  const out: MarketCalibration = { market, tenders: rows.length, labelled, thresholds: {} };
  for (const name of opts.screens ?? SCREEN_NAMES) {
    const def = rows.filter((r) => r.s[name] !== null);
    if (def.length < minTenders) continue;
    const vals = def.map((r) => r.s[name] as number);
    let direction = SCREEN_DIRECTION[name];
    if (labelled) {
      const ys = def.map((r) => r.label);
      if (auc(direction === 'low' ? vals.map((v) => -v) : vals, ys) < 0.5) direction = direction === 'low' ? 'high' : 'low';
      const y = youdenThreshold(vals, ys, direction);
      out.thresholds[name] = { screen: name, direction, value: y.value, method: 'youden', youdenJ: y.j, n: def.length };
    } else {
      const sorted = [...vals].sort((a, b) => a - b);
      const value = quantileType8(sorted, direction === 'low' ? q : 1 - q);
      out.thresholds[name] = { screen: name, direction, value, method: 'quantile', quantile: q, n: def.length };
    }
  }
  if (labelled && rows.length >= minTenders) {
    const feats = rows.map((r) => screenFeatures(r.s));
    const ys = rows.map((r) => r.label);
    out.model = trainScreenModel(feats, ys);
    out.scoreThreshold = youdenThreshold(crossValidatedScores(feats, ys), ys, 'high').value;
  }
  return out;
}

/** Calibrate every market found in `tenders` (their `market` key; '' when absent), each on its own tenders. */
export function calibrateByMarket(
  tenders: readonly TenderBids[], labels?: readonly boolean[], opts: CalibrationOptions = {},
): Map<string, MarketCalibration> {
  const groups = new Map<string, number[]>();
  tenders.forEach((t, i) => groups.set(t.market ?? '', [...(groups.get(t.market ?? '') ?? []), i]));
  const out = new Map<string, MarketCalibration>();
  for (const [market, idx] of groups) {
    out.set(market, calibrateMarket(market, idx.map((i) => tenders[i]), labels ? idx.map((i) => labels[i]) : undefined, opts));
  }
  return out;
}
