/**
 * 留置 beyond the ordinary period (监察法（2024） 第四十八条 [V]): after the one ordinary extension of up to three
 * months, a further extension of up to two months is possible once, only with the approval of the 国家监察委员会 and
 * only where the person may be sentenced to ten years or more. And the notice of the 留置 to the person's unit and
 * family within 24 hours (第五十条 [V]). Pure functions; the periods themselves come from the rule table
 * (detention, detentionSpecialExtension, detentionNotice).
 */
import { measureLabels, type CaseMeasureKind } from './measures';
import type { RuleViolation } from './violations';
import { violation } from './violations';

export const DETENTION_SOURCE = '监察法（2024） 第四十八条';
export const DETENTION_NOTICE_SOURCE = '监察法（2024） 第五十条';
/** The notice limit is counted in hours: the rule table's one day is only the day-granular view of it. */
export const DETENTION_NOTICE_HOURS = 24;

export interface DetentionExtension { approvedOn: string; approvalRef: string; special?: true }

/** The ordinary extensions (bounded by the detention rule) and the special one (its own rule), apart. */
export function splitExtensions<T extends { special?: true }>(extensions: readonly T[]): { ordinary: T[]; special: T[] } {
  return { ordinary: extensions.filter((e) => !e.special), special: extensions.filter((e) => e.special) };
}

/**
 * Checks a special further extension: only for a running 留置, only after the ordinary extension, only once, and
 * approved while the extended period still runs. The ≥10-year condition is a confirmed input field (schema).
 */
export function checkSpecialExtension(
  m: { kind: CaseMeasureKind; startedOn: string; dueOn: string | null; endedOn: string | null; extensions: readonly DetentionExtension[] }, approvedOn: string,
): RuleViolation[] {
  const [zh, en] = measureLabels[m.kind];
  if (m.kind !== 'detention') return [violation('cases.detention.specialOnlyDetention', DETENTION_SOURCE, 'V', { kindZh: zh, kindEn: en })];
  if (m.endedOn) return [violation('cases.caseMeasure.ended', DETENTION_SOURCE, 'V', { kindZh: zh, kindEn: en, date: m.endedOn })];
  const { ordinary, special } = splitExtensions(m.extensions);
  if (special.length) return [violation('cases.detention.specialAlready', DETENTION_SOURCE, 'V', { date: special[0].approvedOn, ref: special[0].approvalRef })];
  if (!ordinary.length) return [violation('cases.detention.specialBeforeExtension', DETENTION_SOURCE, 'V')];
  const after = ordinary[ordinary.length - 1].approvedOn;
  if (approvedOn < after) return [violation('cases.caseMeasure.dateOrder', DETENTION_SOURCE, 'V', { what: '特别延长批准', whatEn: 'special extension approval', date: approvedOn, after })];
  if (!m.dueOn || approvedOn > m.dueOn) {
    return [violation('cases.caseMeasure.extensionOutsidePeriod', DETENTION_SOURCE, 'V', { kindZh: zh, kindEn: en, date: approvedOn, from: m.startedOn, to: m.dueOn ?? '—' })];
  }
  return [];
}

export type NoticeParty = 'unit' | 'family';
export interface DetentionNotice { party: NoticeParty; notifiedAt: Date | null; withheldReason: string | null }
/**
 * pending: within 24 h, not everyone told; overdue: past 24 h and someone still untold (red 通知逾期);
 * notified: both told in time; late: both handled, but a notice came after 24 h; withheld: a notice was withheld
 * for a recorded reason and not given since.
 */
export type NoticeState = 'pending' | 'overdue' | 'notified' | 'late' | 'withheld';

const shanghaiMinute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
/** A time as the office reads it: China time, to the minute ('2026-03-10 08:30'). */
export function shanghaiTime(d: Date): string {
  return shanghaiMinute.format(d);
}

export function noticeDueAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + DETENTION_NOTICE_HOURS * 3_600_000);
}

export function noticeState(startedAt: Date, notices: readonly DetentionNotice[], now: Date = new Date()): NoticeState {
  const due = noticeDueAt(startedAt);
  const of = (p: NoticeParty) => notices.find((n) => n.party === p);
  const handled = (['unit', 'family'] as const).map(of);
  if (handled.some((n) => !n || (!n.notifiedAt && !n.withheldReason))) return now.getTime() > due.getTime() ? 'overdue' : 'pending';
  if (handled.some((n) => !n!.notifiedAt)) return 'withheld';
  return handled.some((n) => n!.notifiedAt!.getTime() > due.getTime()) ? 'late' : 'notified';
}

/** A notice cannot precede the 留置 it reports, nor lie in the future. */
export function checkNoticeTime(startedAt: Date, notifiedAt: Date, now: Date = new Date()): RuleViolation[] {
  // A few minutes of clock difference between the browser and the server are not an error.
  if (notifiedAt.getTime() > now.getTime() + 5 * 60_000) return [violation('cases.detention.noticeInFuture', DETENTION_NOTICE_SOURCE, 'V')];
  if (notifiedAt.getTime() < startedAt.getTime()) {
    return [violation('cases.detention.noticeBeforeStart', DETENTION_NOTICE_SOURCE, 'V', { at: shanghaiTime(notifiedAt), start: shanghaiTime(startedAt) })];
  }
  return [];
}
