import { CODE_LABELS, DOMAIN_CODES } from '../labels';
import { hasMessage, useT, type Locale } from '../../../web/i18n';
import type { HitSource, HitStatus, Strength } from './api';

/** English names of the hit codes; the Chinese ones are the server's (the same names go into clue titles). */
const CODE_LABELS_EN: Record<string, string> = {
  R003: 'Short tender period', R018: 'Single bid', R024: 'Winning price close to the runner-up', R025: 'Excessive unsuccessful bids', R028: 'Identical bid prices',
  R030: 'Late bid won', R035: 'All but the winner disqualified', R036: 'Lowest bid disqualified', R038: 'Excessive disqualified bids',
  R048: 'Heterogeneous supplier', R058: 'Heavily discounted winning bid', R068: 'Contract value above award value',
  SCREEN_CV: 'Low coefficient of variation of bids', SCREEN_SPD: 'Narrow bid spread', SCREEN_DIFFP: 'Unusual gap between the two lowest bids',
  SCREEN_RD: 'Unusual relative distance', SCREEN_RDNOR: 'Unusual normalised relative distance', SCREEN_RDALT: 'Unusual alternative relative distance',
  SCREEN_SKEW: 'Unusual skewness of bids', SCREEN_KURT: 'Unusual kurtosis of bids', SCREEN_KS: 'Unusual bid distribution (KS)',
  SCREEN_CEILINGRATIO: 'Bids close to the ceiling price', SCREEN_COMBINED: 'High combined screen score',
  SHARED_CONTACT_PERSON: 'Bidders share a contact person', SHARED_PHONE: 'Bidders share a phone number', SHARED_EMAIL: 'Bidders share an email',
  SHARED_ADDRESS: 'Bidders share an address', SHARED_LEGAL_REPRESENTATIVE: 'Bidders share a legal representative',
  SHARED_PROJECT_MANAGER: 'Bidders share a project manager', SHARED_BID_BOND_ACCOUNT: 'Bid bonds paid from one account',
  SHARED_IP: 'Bids uploaded from the same IP', SHARED_MAC: 'Bids prepared on the same machine (MAC)', SHARED_CA_CERTIFICATE: 'Same CA certificate',
  SHARED_DOCUMENT_HASH: 'Identical bid documents (hash)', SHARED_DOCUMENT_METADATA: 'Identical document metadata', IDENTICAL_BID_PRICES: 'Identical bid prices',
  CONSTANT_PRICE_STEP: 'Bids in a constant step', CONSTANT_PRICE_RATIO: 'Bids in a constant ratio',
  COBIDDING_PAIR_SAME_WINNER: 'Cover bidding (same pair, same winner)', BID_ROTATION: 'Bid rotation',
  THRESHOLD_BUNCHING: 'Awards bunched below the must-tender threshold', SPLIT_PURCHASE: 'Purchase split to avoid tendering',
  CONTRACT_AWARD_MISMATCH: 'Contract value differs from award', AMENDMENTS_OVER_SHARE: 'Amendments exceed the allowed share',
  CHANGE_CROSSES_THRESHOLD: 'Amendment pushes value over a threshold', PAYMENT_OVER_CONTRACT: 'Payments exceed contract value',
  PAYMENT_BEFORE_SIGNING: 'Payment before signing', PREPAYMENT_OVER_CAP: 'Prepayment above 30%', PAID_AHEAD_OF_PROGRESS: 'Paid ahead of physical progress',
  FINAL_PAYMENT_BEFORE_ACCEPTANCE: 'Final payment before acceptance', EXPERT_WINNER_COOCCURRENCE: 'Expert often on panels won by one firm',
  IDENTICAL_SCORE_VECTORS: 'Identical expert scores', OUTLYING_SCORE: 'Outlying evaluation score', EXPERT_REPEATED_OUTLIER: 'Expert repeatedly favours one firm',
  EXPERT_CONFLICT_OF_INTEREST: 'Expert has a conflict of interest',
};

/** A hit code's name in the UI language; unknown codes show as themselves. */
export function codeName(code: string, locale: Locale): string {
  const domain = DOMAIN_CODES[code];
  if (domain) return locale === 'en' ? domain.en : domain.zh;
  return (locale === 'en' ? CODE_LABELS_EN[code] : CODE_LABELS[code]) ?? CODE_LABELS[code] ?? code;
}

export const strengthColor: Record<Strength, string> = { strong: 'red', medium: 'orange', weak: 'gold' };
export const statusColor: Record<HitStatus, string> = { new: 'blue', dismissed: 'default', clued: 'green' };
export const strengths: Strength[] = ['strong', 'medium', 'weak'];
export const statuses: HitStatus[] = ['new', 'dismissed', 'clued'];
export const sources: HitSource[] = ['signal', 'screen', 'cardinal', 'rule'];

/** Yuan with thousands separators (amounts here are procurement values, often 10⁵–10⁷). */
export function yuan(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined) return '—';
  return `${v.toLocaleString(locale, { maximumFractionDigits: 2 })}${locale === 'en' ? ' CNY' : ' 元'}`;
}

/** Values and thresholds of evidence: arrays joined, numbers trimmed, objects as JSON. */
export function evidenceText(v: unknown): string {
  if (Array.isArray(v)) return v.map(evidenceText).join('、');
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString() : String(Number(v.toFixed(4)));
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Names of the keys the engines put in evidence thresholds and values; unknown keys show as themselves. */
const EVIDENCE_KEYS: Record<string, [string, string]> = {
  field: ['相同字段', 'Field'], value: ['数值', 'Value'], bidders: ['涉及投标人', 'Bidders'], minBidders: ['最少投标人数', 'Minimum bidders'],
  amounts: ['报价', 'Amounts'], amount: ['金额', 'Amount'], winner: ['中标人', 'Winner'], winners: ['中标人', 'Winners'], winnerAmount: ['中标金额', 'Winning amount'],
  runnerUp: ['第二名', 'Runner-up'], runnerUpAmount: ['第二名报价', 'Runner-up amount'], spread: ['极差', 'Spread'], relTolerance: ['相对容差', 'Relative tolerance'],
  mustTender: ['必须招标限额', 'Must-tender threshold'], contract: ['合同', 'Contract'], contractId: ['合同编号', 'Contract'], contractValue: ['合同金额', 'Contract value'],
  award: ['中标', 'Award'], total: ['合计', 'Total'], sum: ['合计', 'Sum'], share: ['比例', 'Share'], count: ['次数', 'Count'], tenders: ['项目', 'Tenders'],
  tenderers: ['投标人', 'Tenderers'], tenderer: ['投标人', 'Tenderer'], windowDays: ['时间窗口（天）', 'Window (days)'], payments: ['支付', 'Payments'],
  amendments: ['变更', 'Amendments'], amendmentShare: ['变更比例', 'Amendment share'], relativeChange: ['相对变化', 'Relative change'], sameWinnerShare: ['同一中标人比例', 'Same-winner share'],
  winnerSequence: ['中标顺序', 'Winner sequence'], pValue: ['p 值', 'p-value'], numberOfTenderers: ['投标人数', 'Tenderers'], dates: ['日期', 'Dates'],
  startDate: ['开始日期', 'Start date'], endDate: ['截止日期', 'End date'], bidDate: ['投标日期', 'Bid date'], currency: ['币种', 'Currency'], expert: ['评标专家', 'Expert'],
  members: ['成员', 'Members'], processes: ['项目', 'Processes'], ratios: ['比值', 'Ratios'], below: ['低于', 'Below'], above: ['高于', 'Above'], band: ['区间', 'Band'],
  disqualified: ['被否决', 'Disqualified'], disqualifiedTenderers: ['被否决投标人', 'Disqualified tenderers'], score: ['得分', 'Score'], cv: ['变异系数', 'Coefficient of variation'],
};

export function evidenceKeyName(key: string, locale: Locale): string {
  const names = EVIDENCE_KEYS[key];
  return names ? names[locale === 'en' ? 1 : 0] : key;
}

/** An OCDS status (tender, bid, award, contract) in words when the dictionary has it. */
export function useStatusText(): (v: string | null) => string {
  const t = useT();
  return (v) => {
    if (!v) return '—';
    const key = `risk.ui.ocdsStatus.${v}`;
    return hasMessage(key) ? t(key) : v;
  };
}
