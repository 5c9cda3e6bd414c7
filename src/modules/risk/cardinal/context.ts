import type { Award, Bid, Release } from '../ocds/model';
import type { IndicatorCode, Settings } from './settings';

/**
 * The state one run of the indicators shares: Cardinal's result groups, Meta and Maps, the main currency,
 * and (beyond Cardinal) applicability counts and evidence for each hit.
 */
export type Group = 'OCID' | 'Buyer' | 'ProcuringEntity' | 'Tenderer';
export const GROUPS: Group[] = ['OCID', 'Buyer', 'ProcuringEntity', 'Tenderer'];

/** Why a flag was raised: the rule, the threshold it crossed, the values, and the records involved. */
export interface Evidence {
  indicator: IndicatorCode;
  group: Group;
  id: string;
  value: number;
  rule: string;
  threshold: number | null;
  values: Record<string, unknown>;
  ocids: string[];
  bidIds: (string | null)[];
  awardIds: (string | null)[];
  lot?: string | null;
  /** true when the hit exists only because of an extended (beyond-Cardinal) semantic. */
  extended?: boolean;
}

export interface Applicability {
  /** Processes (or organisations, for per-organisation indicators) the rule could be evaluated on. */
  applicable: number;
  flagged: number;
  notApplicable: Record<string, number>;
}

export interface RunOptions {
  settings: Settings;
  /** Add Cardinal's `Maps` output. */
  map: boolean;
  /** Beyond Cardinal: dates as instants, lots, consortia (changes results; off = Cardinal-identical). */
  extended: boolean;
  /** Called for every hit with its evidence; null = no evidence collected (cheaper). */
  onEvidence: ((e: Evidence) => void) | null;
  /** Currency mismatches and similar notices. */
  onWarning: (message: string) => void;
  /** When set, a currency mismatch is handed here instead of warned about (a pool worker: the main thread numbers them). */
  onMismatch?: ((currency: string) => void) | null;
}

/** The warning for the `n`-th mismatch, or null when not printed (Cardinal demotes them with info_currency_mismatches). */
export function mismatchWarning(settings: Settings, currency: string, main: string, n: number): string | null {
  // The first 20 are printed; the summary gives the total.
  if (settings.infoCurrencyMismatches || n > 20) return null;
  return `warning: ${currency} is not ${main}, skipping${n === 20 ? ' (further mismatches counted only)' : ''}`;
}

export class RunContext {
  /** Group → id → code → value. Inner values are plain objects: per flagged OCID a Map would cost 3× the memory. */
  readonly results = new Map<Group, Map<string, Partial<Record<IndicatorCode, number>>>>();
  readonly meta = new Map<IndicatorCode, Map<string, number>>();
  readonly maps = new Map<string, Map<string, Set<string> | string>>();
  readonly applicability = new Map<IndicatorCode, Applicability>();
  currency: string | null;
  currencyMismatches = 0;

  constructor(readonly options: RunOptions) {
    this.currency = options.settings.currency;
  }

  get settings(): Settings {
    return this.options.settings;
  }

  setResult(group: Group, id: string, code: IndicatorCode, value: number): void {
    let g = this.results.get(group);
    if (!g) this.results.set(group, (g = new Map()));
    let r = g.get(id);
    if (!r) g.set(id, (r = {}));
    r[code] = value;
  }

  setMeta(code: IndicatorCode, key: string, value: number): void {
    let m = this.meta.get(code);
    if (!m) this.meta.set(code, (m = new Map()));
    m.set(key, value);
  }

  mapAdd(name: string, ocid: string, id: string): void {
    if (!this.options.map) return;
    let m = this.maps.get(name);
    if (!m) this.maps.set(name, (m = new Map()));
    const s = m.get(ocid);
    if (s instanceof Set) s.add(id);
    else m.set(ocid, new Set([id]));
  }

  mapSet(name: string, ocid: string, id: string): void {
    if (!this.options.map) return;
    let m = this.maps.get(name);
    if (!m) this.maps.set(name, (m = new Map()));
    m.set(ocid, id);
  }

  private counts(code: IndicatorCode): Applicability {
    let a = this.applicability.get(code);
    if (!a) this.applicability.set(code, (a = { applicable: 0, flagged: 0, notApplicable: {} }));
    return a;
  }

  applicable(code: IndicatorCode, n = 1): void {
    this.counts(code).applicable += n;
  }

  notApplicable(code: IndicatorCode, reason: string, n = 1): void {
    if (n <= 0) return;
    const a = this.counts(code);
    a.notApplicable[reason] = (a.notApplicable[reason] ?? 0) + n;
  }

  flagged(code: IndicatorCode): void {
    this.counts(code).flagged += 1;
  }

  /** Hot paths test this before building an evidence object nobody will read. */
  get wantsEvidence(): boolean {
    return this.options.onEvidence !== null;
  }

  evidence(e: Evidence): void {
    this.options.onEvidence?.(e);
  }

  /** Cardinal's main-currency rule: the configured currency, else the first one observed. */
  inMainCurrency(currency: string): boolean {
    if (this.currency === null) this.currency = currency;
    if (currency === this.currency) return true;
    this.currencyMismatches += 1;
    if (this.options.onMismatch) {
      this.options.onMismatch(currency);
      return false;
    }
    const w = mismatchWarning(this.settings, currency, this.currency, this.currencyMismatches);
    if (w !== null) this.options.onWarning(w);
    return false;
  }
}

let memoRelease: Release | null = null;
let memoSubmitted: Bid[] = [];

/**
 * Bids whose status says they were submitted (pending, valid, disqualified; not invited or withdrawn).
 * Several indicators ask for the same release in a row, so the last answer is kept.
 */
export function submittedBids(r: Release): Bid[] {
  if (r === memoRelease) return memoSubmitted;
  const out: Bid[] = [];
  for (const b of r.bids) if (b.status !== null && b.status !== 'invited' && b.status !== 'withdrawn') out.push(b);
  memoRelease = r;
  memoSubmitted = out;
  return out;
}

/**
 * Cardinal's "all awards final": needs awards and bids; active awards are complete; cancelled and
 * unsuccessful ones are ignored, as are awards without a status; any other status (pending, unknown
 * codes) means the evaluation is not over, so the process is skipped (null).
 */
export function completeAwardsIfFinal(r: Release): Award[] | null {
  if (r.awards.length === 0 || r.bids.length === 0) return null;
  const complete: Award[] = [];
  for (const a of r.awards) {
    if (a.status === null || a.status === 'cancelled' || a.status === 'unsuccessful') continue;
    if (a.status === 'active') complete.push(a);
    else return null;
  }
  return complete;
}

/**
 * The price-comparison filter of R024, R028, R036 and R058: an allow list (when set) takes precedence and
 * excludes releases without procurementMethodDetails; otherwise the deny list excludes its methods.
 */
export function comparesPrices(r: Release, s: Settings): boolean {
  const pmd = r.tender?.procurementMethodDetails ?? null;
  if (s.priceComparisonProcurementMethods.size) return pmd !== null && s.priceComparisonProcurementMethods.has(pmd);
  return !(pmd !== null && s.noPriceComparisonProcurementMethods.has(pmd));
}

export function idsOf(orgs: { id: string | null }[]): string[] {
  const out: string[] = [];
  for (const o of orgs) if (o.id !== null) out.push(o.id);
  return out;
}
