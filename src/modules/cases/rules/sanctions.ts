/**
 * Party sanctions (纪律处分条例 2023 第八条) and administrative sanctions (公职人员政务处分法 第七条) with their
 * influence periods, and the rules for several violations and for a new sanction during a running period.
 * Reference: shared/docs/reference/discipline-rules.md §1.2, §1.3, §2. Checks of who may receive what are in
 * ./sanctionChecks.
 *
 * Period ends use the month rule of 实施条例 第二百八十五条 (corresponding day, else the month end), without
 * holiday roll-over: an influence period is a restriction, not a time limit for an act. The reference gives the
 * start (批准之日 for party sanctions [S], 作出之日 for administrative ones [V]) but no end-day rule, so applying
 * 285 here is our reading [R].
 */
import { type IsoDate, addCalendarMonths, compareIsoDates } from '../../../platform/calendar/dates';
import {
  type AdminSanctionKind,
  type PartySanctionKind,
  type AdminSanction,
  type PartySanction,
  type Sanction,
  adminSanctionInfo,
  adminSanctionKinds,
  partySanctionInfo,
  partySanctionKinds,
  type SanctionInfo,
} from './sanctionTable';
import { type Confidence, type RuleResult, fail, ok, violation } from './violations';

export * from './sanctionTable';

const CPC = '纪律处分条例（2023）';
const ZW = '公职人员政务处分法';

export function sanctionInfo(s: Sanction): SanctionInfo {
  return s.track === 'party' ? partySanctionInfo[s.kind] : adminSanctionInfo[s.kind];
}

/** Severity rank (0 = lightest) on the statutory order. */
export function severity(s: Sanction): number {
  return s.track === 'party' ? partySanctionKinds.indexOf(s.kind) : adminSanctionKinds.indexOf(s.kind);
}

/** The influence period in months of this sanction, or null if it has none (开除). */
export function influenceMonths(s: Sanction): number | null {
  if (s.track === 'admin') return s.kind === 'expulsion' ? null : (s.months ?? adminSanctionInfo[s.kind].months);
  if (s.kind === 'probation') return (s.probationMonths ?? 12) + 24; // term, then 2 years after restoration
  if (s.kind === 'seriousWarning' && s.insteadOfRemoval) return 24;
  return partySanctionInfo[s.kind].months;
}

export interface SanctionEffect {
  /** Last day of the influence period; null when there is none (开除 / 开除党籍). */
  effectUntil: IsoDate | null;
  /** 留党察看: the day the probation term ends (rights restored if repentant). */
  termEnds?: IsoDate;
  /** 开除党籍: no re-admission until this day (5 years). */
  readmissionBarredUntil?: IsoDate;
  permanent: boolean;
}

/** Influence period of a sanction decided (approved) on `decidedOn`, with the month-end rule. */
export function sanctionEffect(s: Sanction, decidedOn: IsoDate): SanctionEffect {
  if (s.track === 'party' && s.kind === 'probation') {
    const termEnds = addCalendarMonths(decidedOn, s.probationMonths ?? 12);
    return { effectUntil: addCalendarMonths(termEnds, 24), termEnds, permanent: false };
  }
  if (s.track === 'party' && s.kind === 'expulsion') {
    return { effectUntil: null, readmissionBarredUntil: addCalendarMonths(decidedOn, 60), permanent: true };
  }
  const months = influenceMonths(s);
  if (months === null) return { effectUntil: null, permanent: true };
  return { effectUntil: addCalendarMonths(decidedOn, months), permanent: false };
}

export function effectUntil(s: Sanction, decidedOn: IsoDate): IsoDate | null {
  return sanctionEffect(s, decidedOn).effectUntil;
}

/** One tier heavier (加重一档), clamped at 开除党籍. */
export function raiseOneTier(kind: PartySanctionKind): PartySanctionKind {
  return partySanctionKinds[Math.min(partySanctionKinds.indexOf(kind) + 1, partySanctionKinds.length - 1)];
}

/** One tier lighter (减轻一档); below 警告 there is no sanction (null: 免予处分 / first-form handling). */
export function lowerOneTier(kind: PartySanctionKind): PartySanctionKind | null {
  const i = partySanctionKinds.indexOf(kind);
  return i === 0 ? null : partySanctionKinds[i - 1];
}

const MERGE_SOURCE = `${CPC} 第二十四条`;

/**
 * Several party violations (合并处理, 第二十四条 [S]): the heaviest sanction due, raised one tier; if any one
 * calls for 开除党籍, 开除党籍. A raise to 撤销党内职务 for a member without party posts becomes 严重警告 with
 * the 2-year restriction (第十一条). The term of a resulting 留党察看 is left to the decision (12 or 24).
 */
export function combinePartyViolations(due: readonly PartySanctionKind[], holdsPartyPost: boolean): RuleResult<PartySanction> {
  if (due.length === 0) return fail(violation('cases.sanction.nothingToCombine', MERGE_SOURCE, 'S'));
  if (due.includes('expulsion')) return ok({ track: 'party', kind: 'expulsion' });
  const heaviest = due.reduce((a, b) => (partySanctionKinds.indexOf(b) > partySanctionKinds.indexOf(a) ? b : a));
  const kind = due.length === 1 ? heaviest : raiseOneTier(heaviest);
  if (kind === 'removalFromPartyPost' && !holdsPartyPost) return ok({ track: 'party', kind: 'seriousWarning', insteadOfRemoval: true });
  return ok({ track: 'party', kind });
}

export interface AdminCombination {
  kind: AdminSanctionKind;
  /** The allowed period range in months; null for 开除. */
  minMonths: number | null;
  maxMonths: number | null;
}

const ADMIN_MERGE = `${ZW} 第十五条`;
export const ADMIN_MAX_MONTHS = 48;

/**
 * Several administrative violations (政务处分法 第十五条 [V]): each is decided; if they call for different
 * kinds the heaviest is executed with its own period; if all call for the same kind at or below 撤职, the
 * period is set between one period and the sum, at most 48 months. Read literally, the summing applies only
 * when every sanction due is the same kind [R: the law does not address e.g. 记过+记过+警告].
 */
export function combineAdminViolations(due: readonly AdminSanctionKind[]): RuleResult<AdminCombination> {
  if (due.length === 0) return fail(violation('cases.sanction.nothingToCombine', ADMIN_MERGE, 'V'));
  const heaviest = due.reduce((a, b) => (adminSanctionKinds.indexOf(b) > adminSanctionKinds.indexOf(a) ? b : a));
  const period = adminSanctionInfo[heaviest].months;
  if (period === null) return ok({ kind: heaviest, minMonths: null, maxMonths: null });
  const allSame = due.every((k) => k === heaviest);
  const max = allSame ? Math.min(period * due.length, ADMIN_MAX_MONTHS) : period;
  return ok({ kind: heaviest, minMonths: period, maxMonths: max });
}

/** Checks a chosen combined period against combineAdminViolations. */
export function checkAdminCombinedMonths(due: readonly AdminSanctionKind[], months: number): RuleResult<AdminSanction> {
  const c = combineAdminViolations(due);
  if (!c.ok) return c;
  const { kind, minMonths, maxMonths } = c.value;
  if (minMonths === null || maxMonths === null) return ok({ track: 'admin', kind });
  if (!Number.isInteger(months) || months < minMonths || months > maxMonths) {
    return fail(violation('cases.sanction.combinedMonthsRange', ADMIN_MERGE, 'V', { min: minMonths, max: maxMonths, months }));
  }
  return ok({ track: 'admin', kind, months });
}

export interface RunningPeriodResult {
  effectUntil: IsoDate | null;
  /** True when the new decision fell inside the running period and the remainder was added. */
  merged: boolean;
  /** 政务处分法 第十三条(一): intentional re-offending during a period is an aggravating circumstance. */
  aggravationToConsider: boolean;
  /** The rule the merged counting rests on, with its confidence (absent when nothing was merged). */
  source?: string;
  confidence?: Confidence;
}

const MERGED_ADMIN = '行政机关公务员处分条例 第十条（政务处分法未作规定）';
const MERGED_PARTY = '中央纪委解读：党纪处分影响期内又受处分的合并计算（中国纪检监察杂志 2016）';

/**
 * A new sanction decided while an earlier influence period runs: the unexpired remainder plus the full new
 * period, counted from the new decision, i.e. the new period follows the old end. Administrative: capped at
 * 48 months from the new decision (行政机关公务员处分条例 第十条 [V]; 政务处分法 is silent). Party: the same
 * merged counting recommended by CCDI [S], with no cap in the reference; a new violation during 留党察看 must
 * lead to 开除党籍 (checked in ./sanctionChecks).
 */
export function addDuringRunningPeriod(previousUntil: IsoDate | null, next: Sanction, decidedOn: IsoDate): RunningPeriodResult {
  const months = influenceMonths(next);
  const plain = sanctionEffect(next, decidedOn).effectUntil;
  if (months === null || previousUntil === null || compareIsoDates(previousUntil, decidedOn) <= 0) {
    return { effectUntil: plain, merged: false, aggravationToConsider: false };
  }
  let until = addCalendarMonths(previousUntil, months);
  if (next.track === 'admin') {
    const cap = addCalendarMonths(decidedOn, ADMIN_MAX_MONTHS);
    if (compareIsoDates(until, cap) > 0) until = cap;
  }
  const admin = next.track === 'admin';
  return {
    effectUntil: until,
    merged: true,
    aggravationToConsider: admin,
    source: admin ? MERGED_ADMIN : MERGED_PARTY,
    confidence: admin ? 'V' : 'S',
  };
}
