/**
 * The one shape every red-flag hit takes, whatever produced it (statistical screen, shared identity,
 * payment rule …). A hit is an indication for a human to check, never a finding of illegality: it carries
 * the rule, the threshold it was judged against, the values seen and the records involved, so an
 * investigator can re-do the reasoning from the hit alone.
 */

/** A pointer to one input record, by its kind and the id the caller gave it. */
export interface RecordRef {
  kind: 'tender' | 'bid' | 'bidder' | 'buyer' | 'award' | 'contract' | 'amendment' | 'payment' | 'milestone' | 'expert' | 'score';
  id: string;
}

export type EvidenceValue = number | string | boolean | null | number[] | string[];

export interface Evidence {
  /** Human-readable rule, e.g. "CV ≤ threshold (low dispersion of bids)". */
  rule: string;
  /** The statute or standard the rule operationalises, when there is one. */
  lawRef?: string;
  /** Threshold(s) the values were compared with (inclusive comparisons throughout). */
  threshold: Record<string, EvidenceValue>;
  /** The values computed for this subject. */
  values: Record<string, EvidenceValue>;
  records: RecordRef[];
}

/**
 * `strong`: hard evidence the law names directly (条例第40条 "视为串通", e.g. bid bond from one account);
 * `medium`: a rule breach or a value past a calibrated fence; `weak`: a statistical indication only.
 */
export type Strength = 'strong' | 'medium' | 'weak';

export interface RedFlagHit {
  /** Stable rule code, e.g. `SCREEN_CV`, `SHARED_PHONE`, `PAYMENT_OVER_CONTRACT`. */
  code: string;
  /** The subject the hit is about (tender id, contract id, bidder-pair key, buyer|supplier key …). */
  subjectId: string;
  strength: Strength;
  evidence: Evidence;
}

/** A subject a rule could not judge, with the reason (so coverage can be reported, not guessed). */
export interface NotApplicable {
  code: string;
  subjectId: string;
  reason: 'tooFewBids' | 'currencyMismatch' | 'missingField' | 'zeroOrNegative' | 'degenerate' | 'noData';
  detail?: string;
}

export interface SignalResult {
  hits: RedFlagHit[];
  notApplicable: NotApplicable[];
}

export const emptyResult = (): SignalResult => ({ hits: [], notApplicable: [] });

/** Relative-tolerance equality for money amounts (floating-point sums of fen must not break ties). */
export function nearlyEqual(a: number, b: number, relTol = 1e-9): boolean {
  return Math.abs(a - b) <= relTol * Math.max(1, Math.abs(a), Math.abs(b));
}
