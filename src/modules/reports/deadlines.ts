import type { IsoDate, StatutoryCalendar } from '../../platform/calendar';
import type { ReportKind } from './db';

/**
 * Statutory limits (discipline-rules.md §4):
 *  - 信访条例 22/23 and 检举控告规则: register, decide and route within 15 working days of receipt;
 *  - a real-name reporter is told of acceptance within 15 working days of receipt, and of the result within
 *    15 working days of closure (工作日, so holidays and 调休 make-up days count as the calendar says);
 *  - 申诉求决类 (appeals; efficiency complaints follow the same flow by default) are settled within 60 日 of
 *    acceptance, +≤30 日 with approval (art. 34); 复查 and 复核 are answered within 30 日 each (arts. 35–36).
 * 日 periods end on the next working day when they end on a rest day (the calendar's roll-over).
 */
export const ROUTE_WORKING_DAYS = 15;
export const NOTICE_WORKING_DAYS = 15;
export const SETTLE_DAYS = 60;
export const MAX_EXTENSION_DAYS = 30;
export const REVIEW_DAYS = 30;

export interface IntakeDeadlines { routeDue: IsoDate; acceptNoticeDue: IsoDate | null }

export function intakeDeadlines(cal: StatutoryCalendar, receivedOn: IsoDate, identified: boolean): IntakeDeadlines {
  const due = cal.addWorkingDays(receivedOn, ROUTE_WORKING_DAYS);
  return { routeDue: due, acceptNoticeDue: identified ? cal.addWorkingDays(receivedOn, NOTICE_WORKING_DAYS) : null };
}

/** Kinds with a statutory settlement period once accepted. */
export function hasSettlementPeriod(kind: ReportKind): boolean {
  return kind === 'appeal' || kind === 'efficiency';
}

export function settleDue(cal: StatutoryCalendar, acceptedOn: IsoDate, kind: ReportKind): IsoDate | null {
  return hasSettlementPeriod(kind) ? cal.addDays(acceptedOn, SETTLE_DAYS) : null;
}

export function extendedDue(cal: StatutoryCalendar, handleDue: IsoDate, days: number): IsoDate {
  if (days < 1 || days > MAX_EXTENSION_DAYS) throw new RangeError('extension days');
  // The extension runs from the original due date, not from the (possibly rolled-over) last day.
  return cal.addDays(handleDue, days);
}

export function resultNoticeDue(cal: StatutoryCalendar, closedOn: IsoDate, identified: boolean): IsoDate | null {
  return identified ? cal.addWorkingDays(closedOn, NOTICE_WORKING_DAYS) : null;
}

export function reviewDue(cal: StatutoryCalendar, requestedOn: IsoDate): IsoDate {
  return cal.addDays(requestedOn, REVIEW_DAYS);
}

/** The deadlines a report still owes, each with its name, for the overdue and due-soon lists. */
export interface DeadlineRow {
  status: string; identified: boolean; route_due: string; accept_notice_due: string | null; accept_notified_at: Date | null;
  handle_due: string | null; extended_due: string | null; closed_on: string | null; result_notice_due: string | null;
  result_notified_at: Date | null; review_due: string | null;
}

export type DeadlineName = 'route' | 'acceptanceNotice' | 'settle' | 'resultNotice' | 'review';

export function openDeadlines(r: DeadlineRow): Array<{ name: DeadlineName; due: IsoDate }> {
  const out: Array<{ name: DeadlineName; due: IsoDate }> = [];
  if (r.status === 'received') out.push({ name: 'route', due: r.route_due });
  if (r.accept_notice_due && !r.accept_notified_at) out.push({ name: 'acceptanceNotice', due: r.accept_notice_due });
  const settle = r.extended_due ?? r.handle_due;
  if (settle && r.status !== 'closed') out.push({ name: 'settle', due: settle });
  if (r.result_notice_due && !r.result_notified_at) out.push({ name: 'resultNotice', due: r.result_notice_due });
  if (r.review_due && r.status !== 'closed') out.push({ name: 'review', due: r.review_due });
  return out;
}
