/**
 * 四种形态: every handling of a person is classified into form 1–4 and counted in person-times (人次), with shares
 * to one decimal that sum to exactly 100.0 %. Classification follows discipline-rules.md §3.5 (党内监督条例 第七条
 * [S] and the operational mapping consistent with CCDI releases [S]):
 *   1  批评教育帮助: 谈话提醒, 批评教育, 责令检查, 诫勉, 谈话函询 (and one closed with education), 通报
 *   2  党纪轻处分 + 组织调整: 警告, 严重警告; 政务 警告/记过/记大过; 停职检查, 调整职务, 责令辞职, 免职
 *   3  党纪重处分 + 重大职务调整: 撤销党内职务, 留党察看, 开除党籍; 政务 降级/撤职/开除; major post adjustment
 *   4  严重违纪涉嫌违法立案审查: transferred to the procuratorate / suspected crime
 * One handling (one decision about one person on one matter) counts once, in the form of its heaviest component:
 * a 党纪警告 with 政务撤职 is one person-time in form 3, and an expelled person who is also transferred for
 * prosecution is form 4, not 3 (the reference lists form-3 expulsions as "not prosecuted"). The reference does
 * not state the combined-sanction rule in words; this reading is [R].
 */
import type { AdminSanctionKind, PartySanctionKind } from './sanctions';
import { adminSanctionInfo, partySanctionInfo } from './sanctions';

export type Form = 1 | 2 | 3 | 4;
export const forms: readonly Form[] = [1, 2, 3, 4];

export const firstFormMeasures = [
  'reminderTalk', 'criticism', 'selfExamination', 'admonition', 'inquiry', 'inquiryClosedWithEducation', 'circulatedNotice',
] as const;
export type FirstFormMeasure = (typeof firstFormMeasures)[number];

/** 组织调整 (form 2) and 重大职务调整 (form 3). */
export const organisationalMeasures = [
  'suspendedForExamination', 'postAdjusted', 'orderedToResign', 'removedFromOffice', 'majorPostAdjustment',
] as const;
export type OrganisationalMeasure = (typeof organisationalMeasures)[number];

export type HandlingComponent =
  | { type: 'measure'; measure: FirstFormMeasure }
  | { type: 'organisational'; measure: OrganisationalMeasure }
  | { type: 'partySanction'; kind: PartySanctionKind }
  | { type: 'adminSanction'; kind: AdminSanctionKind }
  /** 严重违纪涉嫌违法立案审查 with suspected crime, or 移送检察机关. */
  | { type: 'prosecutionTransfer' };

export interface Handling {
  /** Record id (for the metric's drill-down). */
  id: string;
  personId: string;
  components: readonly HandlingComponent[];
}

export function componentForm(c: HandlingComponent): Form {
  switch (c.type) {
    case 'measure':
      return 1;
    case 'organisational':
      return c.measure === 'majorPostAdjustment' ? 3 : 2;
    case 'partySanction':
      return partySanctionInfo[c.kind].weight === 'light' ? 2 : 3;
    case 'adminSanction':
      return adminSanctionInfo[c.kind].weight === 'light' ? 2 : 3;
    case 'prosecutionTransfer':
      return 4;
  }
}

/** The form of one handling: that of its heaviest component; null for a handling with no component. */
export function classifyHandling(h: Pick<Handling, 'components'>): Form | null {
  if (h.components.length === 0) return null;
  return h.components.reduce<Form>((max, c) => Math.max(max, componentForm(c)) as Form, 1);
}

export interface FormCounts {
  counts: Record<Form, number>;
  /** Record ids per form, so every figure can be traced to its records. */
  ids: Record<Form, string[]>;
  total: number;
  /** Handlings without any component (not counted). */
  unclassified: string[];
}

/** Person-times per form: each handling counts once; the same person handled twice counts twice. */
export function countForms(handlings: readonly Handling[]): FormCounts {
  const counts: Record<Form, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const ids: Record<Form, string[]> = { 1: [], 2: [], 3: [], 4: [] };
  const unclassified: string[] = [];
  for (const h of handlings) {
    const f = classifyHandling(h);
    if (f === null) {
      unclassified.push(h.id);
      continue;
    }
    counts[f]++;
    ids[f].push(h.id);
  }
  return { counts, ids, total: counts[1] + counts[2] + counts[3] + counts[4], unclassified };
}

export interface Share {
  form: Form;
  count: number;
  /** Share in tenths of a percent (integer); the four sum to exactly 1000 when the total is positive. */
  tenths: number;
  /** Share in percent, one decimal (e.g. 40.4). */
  percent: number;
  /** '40.4' — for display and documents. */
  text: string;
}

export type RoundingMethod = 'largestRemainder' | 'adjustLargest';

/**
 * Integer parts of `units` proportional to `counts`, summing to exactly `units` (when the total is positive).
 * largestRemainder (Hamilton): floor every share, then give the leftover units to the largest remainders (ties:
 * larger count, then earlier position). adjustLargest: round each share half-up and absorb the difference in the
 * largest bucket — the practice §5.3 of the reference describes for published percentages.
 */
export function apportion(counts: readonly number[], units: number, method: RoundingMethod = 'largestRemainder'): number[] {
  for (const c of counts) if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`apportion: counts must be non-negative integers, got ${c}`);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  if (method === 'adjustLargest') {
    const rounded = counts.map((c) => Math.floor((2 * c * units + total) / (2 * total)));
    const diff = units - rounded.reduce((a, b) => a + b, 0);
    let largest = 0;
    counts.forEach((c, i) => { if (c > counts[largest]) largest = i; });
    rounded[largest] += diff;
    return rounded;
  }
  const floors = counts.map((c) => Math.floor((c * units) / total));
  const remainders = counts.map((c) => (c * units) % total);
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = counts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || counts[b] - counts[a] || a - b);
  for (const i of order) {
    if (left === 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** Shares of the four forms to one decimal, summing to exactly 100.0 % (all zero when there is nothing to count). */
export function formShares(counts: Record<Form, number>, method: RoundingMethod = 'largestRemainder'): Share[] {
  const list = forms.map((f) => counts[f] ?? 0);
  const tenths = apportion(list, 1000, method);
  return forms.map((form, i) => ({
    form,
    count: list[i],
    tenths: tenths[i],
    percent: tenths[i] / 10,
    text: (tenths[i] / 10).toFixed(1),
  }));
}
