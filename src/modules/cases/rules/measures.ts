/**
 * 措施 taken on a case subject after 立案 (监督执纪工作规则 第三十九、四十条 [S]; 监察法 and 实施条例 [V]): which
 * rule of the time-limit table bounds each kind, and the checks on a new record (dates in order, no second
 * custodial or exit-restriction record running at the same time for the same person). Pure functions.
 */
import type { RuleViolation } from './violations';
import { violation } from './violations';

export const caseMeasureKinds = ['detention', 'inquiry', 'freezing', 'search', 'retrieval', 'sealing', 'seizure', 'technicalInvestigation', 'exitRestriction'] as const;
export type CaseMeasureKind = (typeof caseMeasureKinds)[number];

/** The rule bounding each kind; null where the law sets no period for the measure itself (查询、搜查、调取、查封、扣押). */
export const measureRuleKey: Record<CaseMeasureKind, string | null> = {
  detention: 'detention', freezing: 'freezing', exitRestriction: 'exitRestriction', technicalInvestigation: 'technicalInvestigation',
  inquiry: null, search: null, retrieval: null, sealing: null, seizure: null,
};

export const measureLabels: Record<CaseMeasureKind, [string, string]> = {
  detention: ['留置', 'Detention (liuzhi)'], inquiry: ['查询', 'Inquiry into deposits and assets'], freezing: ['冻结', 'Freezing'],
  search: ['搜查', 'Search'], retrieval: ['调取', 'Retrieval of evidence'], sealing: ['查封', 'Sealing'], seizure: ['扣押', 'Seizure'],
  technicalInvestigation: ['技术调查', 'Technical investigation'], exitRestriction: ['限制出境', 'Exit restriction'],
};

/** Kinds that bind the person, so two records of the kind cannot run at once for one subject. */
const personal: readonly CaseMeasureKind[] = ['detention', 'exitRestriction', 'technicalInvestigation'];

const MEASURES_SOURCE = '监督执纪工作规则（2019） 第三十九条、第四十条；监察法（2024）';

export interface MeasureSpan { id?: string; kind: CaseMeasureKind; startedOn: string; endedOn: string | null }

/** Checks a new measure against the case's opening date and the subject's other measures of the same kind. */
export function checkNewMeasure(input: { kind: CaseMeasureKind; startedOn: string }, caseOpenedOn: string, existing: readonly MeasureSpan[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  const [zh, en] = measureLabels[input.kind];
  if (input.startedOn < caseOpenedOn) out.push(violation('cases.caseMeasure.beforeOpening', MEASURES_SOURCE, 'S', { kindZh: zh, kindEn: en, date: input.startedOn, after: caseOpenedOn }));
  if (personal.includes(input.kind)) {
    // A span overlaps unless it ended before the new one starts; a later-starting span overlaps an open new one.
    const clash = existing.find((m) => m.kind === input.kind && !(m.endedOn !== null && m.endedOn < input.startedOn));
    if (clash) out.push(violation('cases.caseMeasure.overlap', MEASURES_SOURCE, 'S', { kindZh: zh, kindEn: en, from: clash.startedOn, to: clash.endedOn ?? '—' }));
  }
  return out;
}

/** An extension must be approved while the measure runs: after the due day there is nothing left to extend. */
export function checkMeasureExtension(m: { kind: CaseMeasureKind; startedOn: string; dueOn: string | null; endedOn: string | null }, approvedOn: string, source: string): RuleViolation[] {
  const [zh, en] = measureLabels[m.kind];
  if (m.endedOn) return [violation('cases.caseMeasure.ended', source, 'S', { kindZh: zh, kindEn: en, date: m.endedOn })];
  if (!m.dueOn) return [violation('cases.caseMeasure.noPeriod', source, 'S', { kindZh: zh, kindEn: en })];
  if (approvedOn < m.startedOn || approvedOn > m.dueOn) return [violation('cases.caseMeasure.extensionOutsidePeriod', source, 'V', { kindZh: zh, kindEn: en, date: approvedOn, from: m.startedOn, to: m.dueOn })];
  return [];
}

export function checkMeasureEnd(m: { kind: CaseMeasureKind; startedOn: string; endedOn: string | null }, endedOn: string): RuleViolation[] {
  const [zh, en] = measureLabels[m.kind];
  if (m.endedOn) return [violation('cases.caseMeasure.ended', MEASURES_SOURCE, 'S', { kindZh: zh, kindEn: en, date: m.endedOn })];
  if (endedOn < m.startedOn) return [violation('cases.caseMeasure.dateOrder', MEASURES_SOURCE, 'S', { what: `解除${zh}`, whatEn: `ending ${en}`, date: endedOn, after: m.startedOn })];
  return [];
}
