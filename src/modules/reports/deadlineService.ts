import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { extendedDue, openDeadlines, reviewDue, MAX_EXTENSION_DAYS } from './deadlines';
import { onReport } from './reportAccess';
import { scopedReports } from './reportRepository';
import type { extensionDecision, extensionInput, reviewInput } from './schema';

/** Extensions (with a reason, approved by a leader), 复查/复核 periods, and the overdue and due-soon lists. */
export const deadlineService = {
  requestExtension: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof extensionInput>) =>
    onReport(ctx, actor, id, 'reports.extension.request', async (u) => {
      if (!u.report.handle_due || u.report.status === 'closed') throw AppError.field('body.days', 'field.noSettlementPeriod');
      // 信访条例 34: at most 30 日 beyond the 60, once.
      if (u.report.extended_due) throw AppError.field('body.days', 'field.alreadyExtended', { max: MAX_EXTENSION_DAYS });
      const pending = await u.trx.selectFrom('report_events').select('id').where('report_id', '=', id).where('type', '=', 'extensionRequested')
        .where('confirmed_at', 'is', null).executeTakeFirst();
      if (pending) throw AppError.field('body.days', 'field.extensionPending');
      const proposed = extendedDue(u.cal, u.report.handle_due, input.days);
      const eventId = await u.event('extensionRequested', { note: input.reason, dueDate: proposed, detail: { days: input.days } });
      return { result: { eventId, proposedDue: proposed }, audit: { days: input.days, reason: input.reason } };
    }),

  /** Approval closes the request (confirmed_at) and moves the settlement deadline; the requester is told either way. */
  decideExtension: (ctx: AppContext, actor: Actor, id: string, eventId: string, input: z.infer<typeof extensionDecision>) =>
    onReport(ctx, actor, id, input.approve ? 'reports.extension.approve' : 'reports.extension.reject', async (u) => {
      const ev = await u.trx.selectFrom('report_events').select(['id', 'due_date', 'confirmed_at', 'created_by']).where('id', '=', eventId)
        .where('report_id', '=', id).where('type', '=', 'extensionRequested').executeTakeFirst();
      if (!ev) throw AppError.notFound('what.reportEvent');
      if (ev.confirmed_at) throw AppError.field('params.eventId', 'field.alreadyConfirmed');
      await u.trx.updateTable('report_events').set({ confirmed_at: new Date(), confirmed_by: actor.userId }).where('id', '=', eventId).execute();
      if (input.approve) await u.update({ extended_due: ev.due_date });
      await u.event(input.approve ? 'extensionApproved' : 'extensionRejected', { note: input.note, dueDate: input.approve ? ev.due_date : null, detail: { eventId } });
      return { result: { extendedDue: u.report.extended_due }, audit: { eventId, approve: input.approve } };
    }),

  /** 复查 (first review) or 复核 (second review): answered within 30 日 of the request. */
  requestReview: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof reviewInput>) =>
    onReport(ctx, actor, id, `reports.report.${input.review}`, async (u) => {
      if (!['closed', 'notAccepted'].includes(u.report.status)) throw AppError.field('body.review', 'field.reportStatus', { status: u.report.status });
      if (input.review === 'review' && u.report.review_kind !== 'recheck') throw AppError.field('body.review', 'field.reviewOrder');
      if (u.report.review_kind === 'review') throw AppError.field('body.review', 'field.reviewExhausted');
      const due = reviewDue(u.cal, input.requestedOn ?? todayInShanghai());
      await u.update({ review_kind: input.review, review_due: due, status: 'handling', closed_on: null, result_notice_due: null, result_notified_at: null });
      await u.event('reviewRequested', { note: input.note, dueDate: due, detail: { review: input.review } });
      return { result: { reviewDue: due } };
    }),

  /** Open deadlines past due (overdue) or due within n working days (dueSoon), within the actor's scope. */
  async list(ctx: AppContext, actor: Actor, state: 'overdue' | 'dueSoon', withinWorkingDays: number) {
    const cal = await loadCalendar(ctx.db);
    const today = todayInShanghai();
    const horizon = cal.addWorkingDays(today, withinWorkingDays);
    const rows = await scopedReports(ctx.db, actor)
      .select(['r.id', 'r.serial', 'r.title', 'r.kind', 'r.status', 'r.identified', 'r.unit_id as unitId', 'u.name as unitName', 'r.route_due',
        'r.accept_notice_due', 'r.accept_notified_at', 'r.handle_due', 'r.extended_due', 'r.closed_on', 'r.result_notice_due',
        'r.result_notified_at', 'r.review_due'])
      .where((eb) => eb.or([
        eb('r.status', '!=', 'closed'),
        eb.and([eb('r.result_notice_due', 'is not', null), eb('r.result_notified_at', 'is', null)]),
      ]))
      .orderBy('r.route_due').limit(5000).execute();
    const items = [];
    for (const r of rows) {
      const due = openDeadlines(r).filter((d) => (state === 'overdue' ? d.due < today : d.due >= today && d.due <= horizon));
      if (due.length === 0) continue;
      items.push({ id: r.id, serial: r.serial, title: r.title, kind: r.kind, status: r.status, unitId: r.unitId, unitName: r.unitName,
        deadlines: due.map((d) => ({ ...d, overdueWorkingDays: d.due < today ? cal.workingDaysBetween(d.due, today) : 0 })) });
    }
    return { today, items, total: items.length };
  },
};
