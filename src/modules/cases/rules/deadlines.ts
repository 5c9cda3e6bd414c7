/**
 * Deadline arithmetic over the rule table, on the statutory calendar (实施条例 第二百八十五条: start day not
 * counted; month/year periods end on the corresponding day or the month end; a last day on a rest day rolls to
 * the next working day unless the rule says `rollOver: false`, as for 留置).
 *
 * Extensions are added to the end of the period before any roll-over, because the law extends the period, not a
 * rolled-over date. Suspensions stop the clock: each suspended day (inclusive interval) inside the running
 * period pushes the end by one day, or by its working days for working-day periods. An open suspension (no
 * `to`) means the due date is unknown until the clock resumes.
 */
import { type IsoDate, addCalendarDays, compareIsoDates, diffDays, isIsoDate } from '../../../platform/calendar/dates';
import type { CalendarWarning, StatutoryCalendar } from '../../../platform/calendar/statutoryCalendar';
import type { ClockEvent, DeadlineRule, PeriodUnit } from './ruleTable';
import { type RuleViolation, RuleViolationError, violation } from './violations';

export interface Suspension {
  from: IsoDate;
  /** Last suspended day; null/absent while the suspension is still running. */
  to?: IsoDate | null;
  kind?: ClockEvent;
}

export interface ExtensionGrant {
  /** Defaults to the rule's extension length; required where the rule fixes none (审理 "适当延长"). */
  amount?: number;
  unit?: PeriodUnit;
  approvedOn?: IsoDate;
}

export interface ComputeDueOptions {
  suspensions?: readonly Suspension[];
  extensions?: readonly ExtensionGrant[];
}

export interface DueResult {
  /** The last day to act, or null while an open suspension stops the clock. */
  due: IsoDate | null;
  /** The end before holiday roll-over (equal to `due` for rules without roll-over). */
  unrolledDue: IsoDate | null;
  suspendedDays: number;
  extensionsApplied: number;
  calendarWarnings: CalendarWarning[];
}

export type DeadlineState = 'ok' | 'dueSoon' | 'overdue';

function addPeriod(cal: StatutoryCalendar, start: IsoDate, amount: number, unit: PeriodUnit): IsoDate {
  const noRoll = { rollOver: false };
  switch (unit) {
    case 'workingDays':
      return cal.addWorkingDays(start, amount);
    case 'days':
      return cal.addDays(start, amount, noRoll);
    case 'months':
      return cal.addMonths(start, amount, noRoll);
    case 'years':
      return cal.addYears(start, amount, noRoll);
  }
}

const UNIT_LABELS: Record<PeriodUnit, [string, string]> = {
  days: ['日', 'days'], workingDays: ['个工作日', 'working days'], months: ['个月', 'months'], years: ['年', 'years'],
};
const unitParams = (unit: PeriodUnit) => ({ unit, unitZh: UNIT_LABELS[unit][0], unitEn: UNIT_LABELS[unit][1] });

function checkInputs(rule: DeadlineRule, start: IsoDate, opts: ComputeDueOptions): RuleViolation[] {
  const out: RuleViolation[] = [];
  const src = rule.source;
  const params = { rule: rule.labelZh, ruleEn: rule.labelEn };
  if (!isIsoDate(start)) out.push(violation('cases.deadline.invalidDate', src, rule.confidence, { ...params, date: String(start) }));
  const grants = opts.extensions ?? [];
  const ext = rule.extension;
  if (grants.length && !ext) out.push(violation('cases.deadline.noExtensionAllowed', src, rule.confidence, params));
  if (ext && ext.maxTimes !== null && grants.length > ext.maxTimes) {
    out.push(violation('cases.deadline.tooManyExtensions', src, rule.confidence, { ...params, max: ext.maxTimes }));
  }
  if (ext) {
    for (const g of grants) {
      const unit = g.unit ?? ext.unit;
      if (ext.amount === null && g.amount === undefined) {
        out.push(violation('cases.deadline.extensionAmountRequired', src, rule.confidence, params));
      } else if (unit !== ext.unit) {
        out.push(violation('cases.deadline.extensionUnit', src, rule.confidence, { ...params, ...unitParams(ext.unit) }));
      } else if (g.amount !== undefined && (!Number.isInteger(g.amount) || g.amount < 1 || (ext.amount !== null && g.amount > ext.amount))) {
        out.push(violation('cases.deadline.extensionTooLong', src, rule.confidence, { ...params, max: ext.amount ?? 0, ...unitParams(unit) }));
      }
    }
  }
  const suspensions = opts.suspensions ?? [];
  for (const s of suspensions) {
    const kindAllowed = s.kind ? (rule.stopsClock ?? []).includes(s.kind) : (rule.stopsClock ?? []).length > 0;
    if (!kindAllowed) {
      out.push(violation('cases.deadline.clockCannotStop', src, rule.confidence, { ...params, kind: s.kind ?? 'suspension' }));
    }
    if (!isIsoDate(s.from) || (s.to && !isIsoDate(s.to))) {
      out.push(violation('cases.deadline.invalidDate', src, rule.confidence, { ...params, date: `${s.from}..${s.to ?? ''}` }));
    } else if (s.to && compareIsoDates(s.to, s.from) < 0) {
      out.push(violation('cases.deadline.suspensionOrder', src, rule.confidence, { ...params, from: s.from, to: s.to }));
    } else if (isIsoDate(start) && compareIsoDates(s.from, start) < 0) {
      out.push(violation('cases.deadline.suspensionBeforeStart', src, rule.confidence, { ...params, from: s.from, start }));
    }
  }
  return out;
}

/** Merges overlapping or touching suspensions so a day is never counted twice. */
function mergeSuspensions(list: readonly Suspension[]): { from: IsoDate; to: IsoDate | null }[] {
  const sorted = [...list].sort((a, b) => compareIsoDates(a.from, b.from));
  const out: { from: IsoDate; to: IsoDate | null }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || diffDays(last.to, s.from) <= 1)) {
      if (last.to !== null && (s.to == null || compareIsoDates(s.to, last.to) > 0)) last.to = s.to ?? null;
      continue;
    }
    out.push({ from: s.from, to: s.to ?? null });
  }
  return out;
}

/**
 * The due date of `rule` for a period starting on `startDate` (the day of the `from` event). Throws
 * RuleViolationError naming the rule when the input cannot be right (extension not allowed or too long,
 * suspension on a clock that cannot stop, dates out of order).
 */
export function computeDue(
  rule: DeadlineRule,
  startDate: IsoDate,
  calendar: StatutoryCalendar,
  options: ComputeDueOptions = {},
): DueResult {
  const problems = checkInputs(rule, startDate, options);
  if (problems.length) throw new RuleViolationError(problems);

  let end = addPeriod(calendar, startDate, rule.period.amount, rule.period.unit);
  const grants = options.extensions ?? [];
  for (const g of grants) {
    const ext = rule.extension!;
    end = addPeriod(calendar, end, g.amount ?? ext.amount!, g.unit ?? ext.unit);
  }

  let suspendedDays = 0;
  for (const s of mergeSuspensions(options.suspensions ?? [])) {
    // A suspension that starts after the period ran out cannot save it.
    if (compareIsoDates(s.from, end) > 0) break;
    if (s.to === null) {
      return { due: null, unrolledDue: null, suspendedDays, extensionsApplied: grants.length, calendarWarnings: [] };
    }
    // The start day itself is not counted anyway (285), so a suspension from the start day loses nothing on it.
    const from = compareIsoDates(s.from, startDate) <= 0 ? addCalendarDays(startDate, 1) : s.from;
    if (compareIsoDates(s.to, from) < 0) continue;
    if (rule.period.unit === 'workingDays') {
      const n = calendar.workingDaysBetween(addCalendarDays(from, -1), s.to);
      end = calendar.addWorkingDays(end, n);
      suspendedDays += n;
    } else {
      const n = diffDays(from, s.to) + 1;
      end = calendar.addDays(end, n, { rollOver: false });
      suspendedDays += n;
    }
  }

  const due = rule.rollOver === false ? end : calendar.nextWorkingDay(end);
  return {
    due,
    unrolledDue: end,
    suspendedDays,
    extensionsApplied: grants.length,
    calendarWarnings: calendar.warningsFor(startDate, due),
  };
}

/**
 * 'overdue' after the due day, 'dueSoon' from `warnDays` calendar days before it through the due day itself,
 * else 'ok'. The due day is still in time: the act may be done on the last day.
 */
export function deadlineState(due: IsoDate, today: IsoDate, warnDays: number): DeadlineState {
  const left = diffDays(today, due);
  if (left < 0) return 'overdue';
  return left <= warnDays ? 'dueSoon' : 'ok';
}

/** Calendar days from today to the due day (negative when overdue). */
export function daysLeft(due: IsoDate, today: IsoDate): number {
  return diffDays(today, due);
}
