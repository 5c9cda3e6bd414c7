import { toDayNumber } from '../../platform/calendar/dates';
import type { FineBasis, Outcome, PartyType, PenaltyKind, Tier } from './db';

/**
 * The consistency checks of 行政处罚自由裁量 as pure functions over plain records (no database), so each is tested
 * at its boundary. Sources: 行政处罚法 2021 第五、三十二、三十三、五十八条; 国办发〔2022〕27号 (畸轻畸重, 类案不同罚);
 * 国市监法规〔2022〕2号 第二十条 (裁量未说明理由). Peer comparison is a method, not a statute: it asks for a reason,
 * it does not decide.
 */
export interface Band { tier: Tier; basis: FineBasis; min: number; max: number; kinds: PenaltyKind[] }
export interface ScreenItem { id: string; code: string; violation: string; unitId: string; unitName: string; tiers: Band[] }
export interface ScreenDecision {
  id: string; unitId: string; unitName: string; outcome: Outcome; docNo: string; decidedOn: string; partyType: PartyType; partyName: string;
  itemId: string | null; tier: Tier | null; tierReason: string | null; fine: number; kinds: string[]; gains: number | null; firstOffence: boolean;
  legalReviewOn: string | null; dueOn: string | null; paidOn: string | null; closureReason: string | null;
}
export interface ScreenSettings {
  /** A fine at or above this is a serious decision needing 法制审核 (第五十八条), per party type. */
  seriousFineIndividual: number;
  seriousFineOrganisation: number;
  /** Days after the due date a fine may stay unpaid before it is flagged. */
  unpaidDays: number;
  today: string;
}
export const MIN_PEERS = 5;
export const tierWords: Record<Tier, string> = { none: '不予处罚', mitigated: '减轻', lenient: '从轻', ordinary: '一般', aggravated: '从重' };

export type RuleCode = 'PENALTY_FINE_OUT_OF_BAND' | 'PENALTY_TIER_NO_REASON' | 'PENALTY_PEER_AMOUNT_OUTLIER' | 'PENALTY_PEER_KIND_DIFFERS'
  | 'PENALTY_SERIOUS_NO_LEGAL_REVIEW' | 'PENALTY_FINE_UNPAID' | 'PENALTY_FIRST_OFFENCE_INCONSISTENT' | 'PENALTY_CLOSED_NO_REASON';
export interface Finding {
  code: RuleCode; decision: ScreenDecision; strength: 'strong' | 'medium' | 'weak'; score: number | null; rule: string; lawRef: string;
  threshold: Record<string, unknown>; values: Record<string, unknown>; related?: ScreenDecision[];
}

const blank = (s: string | null) => !s || s.trim().length === 0;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The band of a tier in yuan for this decision: a multiple band needs the 违法所得 (null when unknown). */
export function bandInYuan(band: Band, gains: number | null): { min: number; max: number } | null {
  if (band.basis === 'amount') return { min: band.min, max: band.max };
  if (gains === null || gains <= 0) return null;
  return { min: round2(band.min * gains), max: round2(band.max * gains) };
}

/** 畸轻畸重: the fine lies outside the band of the tier the decision declares. */
export function outOfBand(d: ScreenDecision, item: ScreenItem): Finding | null {
  if (d.outcome !== 'penalty' || !d.tier) return null;
  const band = item.tiers.find((t) => t.tier === d.tier);
  if (!band) return null;
  const yuan = bandInYuan(band, d.gains);
  if (!yuan || (d.fine >= yuan.min && d.fine <= yuan.max)) return null;
  const off = d.fine < yuan.min ? (yuan.min - d.fine) / Math.max(yuan.min, 1) : (d.fine - yuan.max) / Math.max(yuan.max, 1);
  return {
    code: 'PENALTY_FINE_OUT_OF_BAND', decision: d, strength: off >= 0.5 ? 'strong' : 'medium', score: round2(off),
    rule: '罚款金额应在所申报裁量阶次的基准幅度内：幅度下限 ≤ 罚款 ≤ 幅度上限（倍数基准按违法所得换算）',
    lawRef: '《行政处罚法》第五条（过罚相当）、第三十四条；国办发〔2022〕27号（畸轻畸重）',
    threshold: { 裁量阶次: tierWords[d.tier], 幅度下限: yuan.min, 幅度上限: yuan.max, ...(band.basis === 'multiple' ? { 基准倍数: `${band.min}–${band.max}倍` } : {}) },
    values: { 罚款金额: d.fine, ...(d.gains !== null ? { 违法所得: d.gains } : {}), 偏离比例: round2(off) },
  };
}

/** 裁量未说明理由: a tier other than 一般 needs a stated reason (国市监法规〔2022〕2号 第二十条). */
export function tierWithoutReason(d: ScreenDecision): Finding | null {
  if (d.outcome !== 'penalty' || !d.tier || d.tier === 'ordinary' || !blank(d.tierReason)) return null;
  return {
    code: 'PENALTY_TIER_NO_REASON', decision: d, strength: 'medium', score: null,
    rule: '适用一般以外的裁量阶次（不予处罚、减轻、从轻、从重）应当说明裁量理由',
    lawRef: '《行政处罚法》第三十二、三十三条；国市监法规〔2022〕2号 第二十条', threshold: { 要求: '说明裁量理由' },
    values: { 裁量阶次: tierWords[d.tier], 裁量理由: '（未填写）' },
  };
}

/** Quartiles by linear interpolation (the common "type 7" definition). */
export function quartiles(values: number[]): { q1: number; median: number; q3: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** The measure compared among peers: the fine, or the multiple of 违法所得 where the tier's band is a multiple. */
function measure(d: ScreenDecision, band: Band | undefined): number | null {
  if (band?.basis === 'multiple') return d.gains && d.gains > 0 ? d.fine / d.gains : null;
  return d.fine;
}
export const kindWords: Record<string, string> = { warning: '警告', confiscation: '没收违法所得', suspension: '责令停产停业', licenceSuspended: '暂扣许可证', licenceRevoked: '吊销许可证' };
const kindKey = (kinds: string[]) => [...kinds].sort().map((k) => kindWords[k] ?? k).join('、') || '（仅罚款）';

/**
 * 类案不同罚 within one (department, item, tier): each decision against the others (at least MIN_PEERS). The fine
 * outside the fences Q1 − 1.5·IQR and Q3 + 1.5·IQR (IQR at least a tenth of the median, so identical peers do not
 * flag a trivial difference), or a set of penalty kinds other than the group's one most frequent set.
 */
export function peerFindings(group: ScreenDecision[], item: ScreenItem): Finding[] {
  const out: Finding[] = [];
  if (group.length < MIN_PEERS + 1) return out;
  const band = item.tiers.find((t) => t.tier === group[0].tier);
  const unit = band?.basis === 'multiple' ? '倍' : '元';
  // The group's most frequent set of kinds; a tie means the cases themselves disagree, so there is no mode to compare against.
  const counts = new Map<string, number>();
  for (const p of group) counts.set(kindKey(p.kinds), (counts.get(kindKey(p.kinds)) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const mode = ranked.length > 0 && !(ranked[1] && ranked[1][1] === ranked[0][1]) ? { key: ranked[0][0], n: ranked[0][1] } : null;
  for (const d of group) {
    const peers = group.filter((p) => p.id !== d.id);
    const mine = measure(d, band);
    const values = peers.map((p) => measure(p, band)).filter((v): v is number => v !== null);
    if (mine !== null && values.length >= MIN_PEERS) {
      const q = quartiles(values);
      const iqr = Math.max(q.q3 - q.q1, q.median / 10);
      const low = round2(q.q1 - 1.5 * iqr);
      const high = round2(q.q3 + 1.5 * iqr);
      if (mine < low || mine > high) {
        out.push({
          code: 'PENALTY_PEER_AMOUNT_OUTLIER', decision: d, strength: 'medium', score: round2(iqr > 0 ? Math.abs(mine - q.median) / iqr : 0),
          rule: `同一部门、同一裁量事项、同一阶次的类案（至少 ${MIN_PEERS} 件）中，罚款${unit === '倍' ? '倍数' : '金额'}超出四分位围栏 [Q1 − 1.5×IQR, Q3 + 1.5×IQR]（IQR 不小于中位数的十分之一）`,
          lawRef: '国办发〔2022〕27号（类案不同罚）；性质、情节、危害后果相同或相似的违法行为，处罚种类和幅度应当相同',
          threshold: { 类案数: values.length, 下四分位数: round2(q.q1), 中位数: round2(q.median), 上四分位数: round2(q.q3), 围栏下限: low, 围栏上限: high, 计量: unit },
          values: { [unit === '倍' ? '罚款倍数' : '罚款金额']: round2(mine), 裁量阶次: tierWords[d.tier!] },
        });
      }
    }
    if (mode && kindKey(d.kinds) !== mode.key) {
      out.push({
        code: 'PENALTY_PEER_KIND_DIFFERS', decision: d, strength: 'medium', score: round2(mode.n / group.length),
        rule: `同一部门、同一裁量事项、同一阶次的类案（至少 ${MIN_PEERS} 件）中，处罚种类与类案最常见的种类组合不同`,
        lawRef: '国办发〔2022〕27号（类案不同罚）', threshold: { 类案数: peers.length, 类案常见处罚种类: mode.key, 采用该组合的类案数: mode.n },
        values: { 本案处罚种类: kindKey(d.kinds), 裁量阶次: tierWords[d.tier!] },
      });
    }
  }
  return out;
}

/** 重大执法决定 without 法制审核 before the decision (第五十八条): a large fine, 责令停产停业 or 吊销许可证. */
export function seriousWithoutReview(d: ScreenDecision, s: ScreenSettings): Finding | null {
  if (d.outcome !== 'penalty') return null;
  const limit = d.partyType === 'individual' ? s.seriousFineIndividual : s.seriousFineOrganisation;
  const heavyKinds = d.kinds.filter((k) => k === 'suspension' || k === 'licenceRevoked');
  if (d.fine < limit && heavyKinds.length === 0) return null;
  if (d.legalReviewOn && d.legalReviewOn <= d.decidedOn) return null;
  return {
    code: 'PENALTY_SERIOUS_NO_LEGAL_REVIEW', decision: d, strength: 'strong', score: null,
    rule: '较大数额罚款、责令停产停业、吊销许可证等重大执法决定，作出决定前应当进行法制审核',
    lawRef: '《行政处罚法》第五十八条',
    threshold: { 较大数额罚款: limit, 当事人类型: d.partyType === 'individual' ? '个人' : '单位', 重大处罚种类: '责令停产停业、吊销许可证' },
    values: { 罚款金额: d.fine, ...(heavyKinds.length ? { 重大处罚种类: heavyKinds.map((k) => kindWords[k]).join('、') } : {}), 法制审核日期: d.legalReviewOn ?? '（未审核）', 决定日期: d.decidedOn },
  };
}

/** 处罚执行不到位: a fine still unpaid more than N days after its due date. */
export function unpaid(d: ScreenDecision, s: ScreenSettings): Finding | null {
  if (d.outcome !== 'penalty' || d.fine <= 0 || !d.dueOn || d.paidOn) return null;
  const late = toDayNumber(s.today) - toDayNumber(d.dueOn);
  if (late <= s.unpaidDays) return null;
  return {
    code: 'PENALTY_FINE_UNPAID', decision: d, strength: late > 3 * s.unpaidDays ? 'strong' : 'medium', score: late,
    rule: `罚款缴纳期限届满后超过 ${s.unpaidDays} 日仍未缴纳，且未记录执行情况`,
    lawRef: '《行政处罚法》第六十七、七十二条', threshold: { 缴款期限: d.dueOn, 容许天数: s.unpaidDays },
    values: { 罚款金额: d.fine, 逾期天数: late, 缴纳日期: '（未缴纳）' },
  };
}

/**
 * 首违不罚 applied inconsistently: within one department's item, a first offence fined while another first
 * offence was not (不予处罚 or closed). Each fined first offence is flagged against the earliest unfined one.
 */
export function firstOffenceInconsistent(decisions: ScreenDecision[]): Finding[] {
  const byItem = new Map<string, ScreenDecision[]>();
  for (const d of decisions) if (d.firstOffence && d.itemId) byItem.set(d.itemId, [...(byItem.get(d.itemId) ?? []), d]);
  const out: Finding[] = [];
  for (const group of byItem.values()) {
    const spared = group.filter((d) => d.outcome === 'closed' || d.tier === 'none' || d.fine === 0).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id.localeCompare(b.id));
    if (spared.length === 0) continue;
    for (const d of group) {
      if (d.outcome !== 'penalty' || d.fine <= 0 || d.tier === 'none') continue;
      out.push({
        code: 'PENALTY_FIRST_OFFENCE_INCONSISTENT', decision: d, strength: 'weak', score: null, related: [spared[0]],
        rule: '同一部门同一裁量事项的首次违法：有的不予处罚（首违不罚），有的予以罚款，应说明区别对待的理由',
        lawRef: '《行政处罚法》第三十三条第一款', threshold: { 首违不罚案件数: spared.length, 首违罚款案件数: group.filter((x) => x.outcome === 'penalty' && x.fine > 0 && x.tier !== 'none').length },
        values: { 本案罚款金额: d.fine, 对照案件: spared[0].docNo, 对照案件结果: spared[0].outcome === 'closed' ? '立案不处罚' : '不予处罚' },
      });
    }
  }
  return out;
}

/** 应罚未罚: a case closed without penalty and without a stated reason. */
export function closedWithoutReason(d: ScreenDecision): Finding | null {
  if (d.outcome !== 'closed' || !blank(d.closureReason)) return null;
  return {
    code: 'PENALTY_CLOSED_NO_REASON', decision: d, strength: 'strong', score: null,
    rule: '立案后未作出行政处罚而结案的，应当载明不予处罚或撤销立案的理由', lawRef: '《行政处罚法》第三十三条、第五十七条',
    threshold: { 要求: '载明不予处罚理由' }, values: { 结案结果: '立案不处罚', 不予处罚理由: '（未填写）' },
  };
}

/** Every rule over a county's decisions. */
export function screenDecisions(items: ScreenItem[], decisions: ScreenDecision[], s: ScreenSettings): Finding[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: Finding[] = [];
  const groups = new Map<string, ScreenDecision[]>();
  for (const d of decisions) {
    const item = d.itemId ? byId.get(d.itemId) : undefined;
    for (const f of [item ? outOfBand(d, item) : null, tierWithoutReason(d), seriousWithoutReview(d, s), unpaid(d, s), closedWithoutReason(d)]) if (f) out.push(f);
    if (item && d.outcome === 'penalty' && d.tier) {
      const k = `${d.unitId}|${d.itemId}|${d.tier}`;
      const g = groups.get(k);
      if (g) g.push(d); else groups.set(k, [d]);
    }
  }
  for (const g of groups.values()) out.push(...peerFindings(g, byId.get(g[0].itemId!)!));
  out.push(...firstOffenceInconsistent(decisions));
  return out;
}
