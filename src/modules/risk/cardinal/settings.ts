/**
 * Cardinal's INI settings (docs/topics/settings.md): top-level keys, one section per indicator (its
 * presence enables the indicator), nested sections with dots (`[R003.procurement_method_details]`,
 * `[codelists.bid_status]`), pipe-separated lists, `;`/`#` comments. Unknown sections and keys are errors
 * naming their path, as Cardinal's `deny_unknown_fields` makes them.
 */
export const INDICATOR_CODES = ['R003', 'R018', 'R024', 'R025', 'R028', 'R030', 'R035', 'R036', 'R038', 'R048', 'R058'] as const;
/** Cardinal's codes plus the extended-only ones (R068), which appear only with --extended. */
export type CardinalCode = (typeof INDICATOR_CODES)[number];
export type IndicatorCode = CardinalCode | 'R068';

export interface IndicatorSettings {
  R003?: { threshold: number; procurementMethods: Set<string> | null; byProcurementMethodDetails: Map<string, number> };
  R018?: { procurementMethods: Set<string> };
  R024?: { threshold: number | null };
  R025?: { percentile: number; threshold: number | null };
  R028?: Record<string, never>;
  R030?: Record<string, never>;
  R035?: { threshold: number };
  R036?: Record<string, never>;
  R038?: { threshold: number | null; minimumSubmittedBids: number; minimumContractingProcesses: number };
  R048?: { digits: number; threshold: number | null; minimumContractingProcesses: number };
  R058?: { threshold: number | null };
}

export interface Settings {
  /** Main currency for price comparisons; null = the first currency observed (deterministic here: input order). */
  currency: string | null;
  noPriceComparisonProcurementMethods: Set<string>;
  priceComparisonProcurementMethods: Set<string>;
  excludedProcurementMethodDetails: Set<string>;
  infoCurrencyMismatches: boolean;
  defaults: { currency: string | null; itemClassificationScheme: string | null; bidStatus: string | null; awardStatus: string | null; partyRoles: boolean };
  redactions: { amount: Set<number>; organizationId: Set<string> };
  awardStatusByContractStatus: boolean;
  modifications: { moveAuctions: boolean; prefixBuyerOrProcuringEntityId: string | null; prefixTendererOrSupplierId: string | null; splitProcurementMethodDetails: string | null };
  codelists: { bidStatus: Map<string, string>; awardStatus: Map<string, string> };
  indicators: IndicatorSettings;
  /** Warnings that do not stop the run (e.g. both price-comparison lists set). */
  warnings: string[];
}

export class SettingsError extends Error {}

/** Section → key → value, in file order. The root section is ''. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>([['', new Map()]]);
  let current = sections.get('')!;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) {
      const name = sec[1].trim();
      if (!sections.has(name)) sections.set(name, new Map());
      current = sections.get(name)!;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new SettingsError(`line ${i + 1}: expected "key = value" or "[section]": ${line}`);
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    current.set(line.slice(0, eq).trim(), value);
  }
  return sections;
}

export const pipeList = (v: string | undefined): Set<string> =>
  new Set((v ?? '').split('|').map((s) => s.trim()).filter(Boolean));

function number(path: string, v: string | undefined, integer: boolean): number | null {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || (integer && (!Number.isInteger(n) || n < 0))) {
    throw new SettingsError(`${path}: invalid ${integer ? 'non-negative integer' : 'number'} "${v}"`);
  }
  return n;
}

function bool(path: string, v: string | undefined): boolean {
  if (v === undefined) return false;
  if (/^(true|1|yes|on)$/i.test(v)) return true;
  if (/^(false|0|no|off)$/i.test(v)) return false;
  throw new SettingsError(`${path}: invalid boolean "${v}"`);
}

function keys(section: string, m: Map<string, string>, allowed: string[]): (k: string) => string | undefined {
  for (const k of m.keys()) if (!allowed.includes(k)) throw new SettingsError(`${section ? `${section}.` : ''}${k}: unknown field`);
  return (k) => m.get(k);
}

/** Settings with every indicator enabled on its defaults (what `ocdscardinal init` writes, uncommented). */
export function defaultSettings(): Settings {
  const s = parseSettings(INDICATOR_CODES.map((c) => `[${c}]`).join('\n'));
  return s;
}

export function parseSettings(text: string): Settings {
  const ini = parseIni(text);
  const s: Settings = {
    currency: null, noPriceComparisonProcurementMethods: new Set(), priceComparisonProcurementMethods: new Set(),
    excludedProcurementMethodDetails: new Set(), infoCurrencyMismatches: false,
    defaults: { currency: null, itemClassificationScheme: null, bidStatus: null, awardStatus: null, partyRoles: false },
    redactions: { amount: new Set(), organizationId: new Set() }, awardStatusByContractStatus: false,
    modifications: { moveAuctions: false, prefixBuyerOrProcuringEntityId: null, prefixTendererOrSupplierId: null, splitProcurementMethodDetails: null },
    codelists: { bidStatus: new Map(), awardStatus: new Map() }, indicators: {}, warnings: [],
  };
  const ind = s.indicators;
  for (const [name, m] of ini) {
    const upper = name.toUpperCase();
    if (name === '') {
      const get = keys('', m, ['currency', 'no_price_comparison_procurement_methods', 'price_comparison_procurement_methods']);
      s.currency = get('currency') || null;
      s.noPriceComparisonProcurementMethods = pipeList(get('no_price_comparison_procurement_methods'));
      s.priceComparisonProcurementMethods = pipeList(get('price_comparison_procurement_methods'));
    } else if (name === 'output') {
      s.infoCurrencyMismatches = bool('output.info_currency_mismatches', keys(name, m, ['info_currency_mismatches'])('info_currency_mismatches'));
    } else if (name === 'exclusions') {
      s.excludedProcurementMethodDetails = pipeList(keys(name, m, ['procurement_method_details'])('procurement_method_details'));
    } else if (name === 'defaults') {
      const get = keys(name, m, ['currency', 'item_classification_scheme', 'bid_status', 'award_status', 'party_roles']);
      s.defaults = {
        currency: get('currency') || null, itemClassificationScheme: get('item_classification_scheme') || null,
        bidStatus: get('bid_status') || null, awardStatus: get('award_status') || null, partyRoles: bool('defaults.party_roles', get('party_roles')),
      };
    } else if (name === 'redactions') {
      const get = keys(name, m, ['amount', 'organization_id']);
      s.redactions = {
        amount: new Set([...pipeList(get('amount'))].map((v) => number('redactions.amount', v, false)!)),
        organizationId: pipeList(get('organization_id')),
      };
    } else if (name === 'corrections') {
      s.awardStatusByContractStatus = bool('corrections.award_status_by_contract_status',
        keys(name, m, ['award_status_by_contract_status'])('award_status_by_contract_status'));
    } else if (name === 'modifications') {
      const get = keys(name, m, ['move_auctions', 'prefix_buyer_or_procuring_entity_id', 'prefix_tenderer_or_supplier_id', 'split_procurement_method_details']);
      s.modifications = {
        moveAuctions: bool('modifications.move_auctions', get('move_auctions')),
        prefixBuyerOrProcuringEntityId: get('prefix_buyer_or_procuring_entity_id') || null,
        prefixTendererOrSupplierId: get('prefix_tenderer_or_supplier_id') || null,
        splitProcurementMethodDetails: get('split_procurement_method_details') || null,
      };
    } else if (name === 'codelists.bid_status' || name === 'codelists.award_status') {
      const target = name === 'codelists.bid_status' ? s.codelists.bidStatus : s.codelists.awardStatus;
      for (const [k, v] of m) target.set(k, v);
    } else if (upper === 'R003.PROCUREMENT_METHOD_DETAILS') {
      ind.R003 ??= { threshold: 15, procurementMethods: null, byProcurementMethodDetails: new Map() };
      for (const [k, v] of m) ind.R003.byProcurementMethodDetails.set(k, number(`${name}.${k}`, v, true)!);
    } else if ((INDICATOR_CODES as readonly string[]).includes(upper)) {
      parseIndicator(upper as CardinalCode, m, ind);
    } else {
      throw new SettingsError(`[${name}]: unknown section`);
    }
  }
  if (s.noPriceComparisonProcurementMethods.size && s.priceComparisonProcurementMethods.size) {
    s.warnings.push('both price_comparison_procurement_methods and no_price_comparison_procurement_methods are set: the allow list wins');
  }
  return s;
}

function parseIndicator(code: CardinalCode, m: Map<string, string>, ind: IndicatorSettings): void {
  const threshold = (integer: boolean) => number(`${code}.threshold`, m.get('threshold'), integer);
  switch (code) {
    case 'R003': {
      const get = keys(code, m, ['threshold', 'procurement_methods']);
      const byPmd = ind.R003?.byProcurementMethodDetails ?? new Map<string, number>();
      const pm = get('procurement_methods');
      ind.R003 = { threshold: number('R003.threshold', get('threshold'), true) ?? 15, procurementMethods: pm ? pipeList(pm) : null, byProcurementMethodDetails: byPmd };
      break;
    }
    case 'R018':
      ind.R018 = { procurementMethods: pipeList(keys(code, m, ['procurement_methods'])('procurement_methods') ?? 'open|selective') };
      break;
    case 'R024': case 'R058':
      keys(code, m, ['threshold']);
      ind[code] = { threshold: threshold(false) };
      break;
    case 'R025': {
      const get = keys(code, m, ['percentile', 'threshold']);
      ind.R025 = { percentile: number('R025.percentile', get('percentile'), true) ?? 75, threshold: threshold(false) };
      break;
    }
    case 'R035':
      keys(code, m, ['threshold']);
      ind.R035 = { threshold: Math.max(1, threshold(true) ?? 1) };
      break;
    case 'R038': {
      const get = keys(code, m, ['threshold', 'minimum_submitted_bids', 'minimum_contracting_processes']);
      ind.R038 = {
        threshold: threshold(false),
        minimumSubmittedBids: number('R038.minimum_submitted_bids', get('minimum_submitted_bids'), true) ?? 2,
        minimumContractingProcesses: number('R038.minimum_contracting_processes', get('minimum_contracting_processes'), true) ?? 2,
      };
      break;
    }
    case 'R048': {
      const get = keys(code, m, ['digits', 'threshold', 'minimum_contracting_processes']);
      ind.R048 = {
        digits: number('R048.digits', get('digits'), true) ?? 2, threshold: threshold(true),
        minimumContractingProcesses: number('R048.minimum_contracting_processes', get('minimum_contracting_processes'), true) ?? 20,
      };
      break;
    }
    default:
      keys(code, m, []);
      ind[code] = {};
  }
}
