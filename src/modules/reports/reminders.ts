import { todayInShanghai, type IsoDate } from '../../platform/calendar';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { AppContext } from '../../platform/context';
import { notify, type NewNotification } from '../../platform/notifications/notificationStore';
import { openDeadlines, type DeadlineName } from './deadlines';

/**
 * Deadline reminders (检举控告规则 and 信访条例 time limits): for every open statutory deadline of a report,
 * the users of the report's current handling unit who may handle reports get an in-app notification when
 * the deadline is N working days away or closer ("dueSoon") and once it has passed ("overdue"). The
 * dedupe key names report, deadline, due date and state, so a sweep can run any number of times and each
 * reminder exists once per user; an extension or a 复查 gives a new due date and so a new reminder.
 */
export const REMINDER_DAYS_ENV = 'LIANJIAN_REMINDER_DAYS_BEFORE';
export const DEFAULT_DAYS_BEFORE = 3;
/** Who in the handling unit is reminded: the accounts that handle reports there. */
export const REMINDED_PERMISSION = 'reports.report.handle';

export function reminderDaysBefore(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number.parseInt(env[REMINDER_DAYS_ENV] ?? '', 10);
  return Number.isFinite(n) && n >= 0 && n <= 30 ? n : DEFAULT_DAYS_BEFORE;
}

export type ReminderState = 'dueSoon' | 'overdue';

export async function sweepReportReminders(ctx: AppContext, opts: { today?: IsoDate; daysBefore?: number } = {}): Promise<{ deadlines: number; created: number }> {
  const cal = await loadCalendar(ctx.db);
  const today = opts.today ?? todayInShanghai();
  const horizon = cal.addWorkingDays(today, opts.daysBefore ?? reminderDaysBefore());
  // A system job over every county: no data scope, recipients are chosen per report below.
  const rows = await ctx.db.selectFrom('reports as r')
    .select(['r.id', 'r.serial', 'r.title', 'r.county_code', 'r.unit_id', 'r.status', 'r.identified', 'r.route_due', 'r.accept_notice_due',
      'r.accept_notified_at', 'r.handle_due', 'r.extended_due', 'r.closed_on', 'r.result_notice_due', 'r.result_notified_at', 'r.review_due'])
    .where((eb) => eb.or([eb('r.status', '!=', 'closed'), eb.and([eb('r.result_notice_due', 'is not', null), eb('r.result_notified_at', 'is', null)])]))
    .execute();
  const due: Array<{ r: (typeof rows)[number]; name: DeadlineName; due: IsoDate; state: ReminderState }> = [];
  for (const r of rows) {
    for (const d of openDeadlines(r)) {
      if (d.due < today) due.push({ r, name: d.name, due: d.due, state: 'overdue' });
      else if (d.due <= horizon) due.push({ r, name: d.name, due: d.due, state: 'dueSoon' });
    }
  }
  if (due.length === 0) return { deadlines: 0, created: 0 };
  const unitIds = [...new Set(due.map((d) => d.r.unit_id))];
  const users = await ctx.db.selectFrom('users as u').innerJoin('user_roles as ur', 'ur.user_id', 'u.id').innerJoin('roles as ro', 'ro.id', 'ur.role_id')
    .select(['u.id', 'u.unit_id']).distinct()
    .where('u.active', '=', true).where('u.unit_id', 'in', unitIds)
    .where((eb) => eb(eb.val(REMINDED_PERMISSION), '=', eb.fn.any('ro.permissions')))
    .execute();
  const byUnit = new Map<string, string[]>();
  for (const u of users) byUnit.set(u.unit_id, [...(byUnit.get(u.unit_id) ?? []), u.id]);
  const items: NewNotification[] = [];
  for (const d of due) {
    for (const userId of byUnit.get(d.r.unit_id) ?? []) {
      items.push({
        countyCode: d.r.county_code, unitId: d.r.unit_id, userId, kind: `reports.deadline.${d.state}`,
        dedupeKey: `reports:${d.r.id}:${d.name}:${d.due}:${d.state}`, objectType: 'report', objectId: d.r.id,
        subject: `${d.r.serial} ${d.r.title}`.slice(0, 200), link: `/reports/${d.r.id}`, params: { deadline: d.name, due: d.due },
      });
    }
  }
  const created = await ctx.db.transaction().execute(async (trx) => {
    const n = await notify(trx, items);
    if (n > 0) {
      await ctx.audit.record(trx, { userId: null, username: 'system', clientIp: null }, {
        action: 'reports.reminders.sweep', objectType: 'notification', detail: { today, horizon, deadlines: due.length, created: n },
      });
    }
    return n;
  });
  return { deadlines: due.length, created };
}

const HOUR_MS = 60 * 60 * 1000;

/** Called once from `serve`: a sweep shortly after start and then every hour (idempotent, so cheap to repeat). */
export function startReportReminders(ctx: AppContext, log: (msg: string) => void = (m) => process.stdout.write(`${m}\n`)): { stop: () => void } {
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      const { created } = await sweepReportReminders(ctx);
      if (created > 0 && process.env.LIANJIAN_QUIET !== '1') log(`deadline reminders: ${created} new`);
    } catch (err) {
      log(`deadline reminder sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally { busy = false; }
  };
  const initial = setTimeout(() => void run(), 5000);
  initial.unref();
  const timer = setInterval(() => void run(), HOUR_MS);
  timer.unref();
  return { stop: () => { clearTimeout(initial); clearInterval(timer); } };
}
