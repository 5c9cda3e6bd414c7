import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { resultNoticeDue, settleDue } from './deadlines';
import { checkDictionaryCode } from './dictionaries';
import { onReport, requireStatus } from './reportAccess';
import type { closeInput, decisionInput, feedbackInput, noticeInput, routeInput, superviseInput, triageInput } from './schema';

/**
 * The handling record: triage, decision, transfer (转办) and assignment (交办, with report-back), supervision
 * (督办), actions, reply, closure, notices to real-name reporters, satisfaction follow-up and reopening.
 * Each is one transaction with its event and audit entry (see onReport).
 */
const open = ['received', 'accepted', 'handling'] as const;

export const handlingService = {
  triage: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof triageInput>) =>
    onReport(ctx, actor, id, 'reports.report.triage', async (u) => {
      if (input.accusedOfficialId) {
        const off = await u.trx.selectFrom('officials').select(['rank', 'managed_by']).where('id', '=', input.accusedOfficialId)
          .where('county_code', '=', u.report.county_code).executeTakeFirst();
        if (!off) throw AppError.field('body.accusedOfficialId', 'field.invalid');
        // The official's record gives rank and managing authority unless the clerk says otherwise.
        input = { accusedRank: off.rank, accusedManagedBy: off.managed_by, ...input };
      }
      await checkDictionaryCode(u.trx, 'sector', u.report.county_code, input.sector, 'body.sector');
      await checkDictionaryCode(u.trx, 'efficiencyCategory', u.report.county_code, input.efficiencyCategory, 'body.efficiencyCategory');
      const map = { kind: 'kind', category: 'category', efficiencyCategory: 'efficiency_category', sector: 'sector', townshipCode: 'township_code', villageCode: 'village_code',
        accusedOfficialId: 'accused_official_id', accusedRank: 'accused_rank', accusedManagedBy: 'accused_managed_by' } as const;
      const values: Record<string, unknown> = {};
      for (const [k, col] of Object.entries(map)) if ((input as Record<string, unknown>)[k] !== undefined) values[col] = (input as Record<string, unknown>)[k];
      if (Object.keys(values).length > 0) await u.update(values as never);
      await u.event('triage', { detail: input });
      return { result: { ok: true }, audit: { changes: input } };
    }),

  decide: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof decisionInput>) =>
    onReport(ctx, actor, id, input.accept ? 'reports.report.accept' : 'reports.report.notAccept', async (u) => {
      requireStatus(u.report, ['received']);
      const today = todayInShanghai();
      if (input.accept) await u.update({ status: 'accepted', accepted_on: today, handle_due: settleDue(u.cal, today, u.report.kind) });
      else await u.update({ status: 'notAccepted', closed_on: today, result_notice_due: resultNoticeDue(u.cal, today, u.report.identified) });
      await u.event(input.accept ? 'accepted' : 'notAccepted', { note: input.note });
      return { result: { status: u.report.status } };
    }),

  /** 转办/交办: the report moves to the target unit (its scope follows), with a due date and a receipt to confirm. */
  route: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof routeInput>) =>
    onReport(ctx, actor, id, `reports.report.${input.mode}`, async (u) => {
      requireStatus(u.report, [...open]);
      const target = await u.trx.selectFrom('units').select(['id', 'county_code', 'active']).where('id', '=', input.unitId).executeTakeFirst();
      // Routing reaches beyond one's own scope by design (that is what 转办 is), but never beyond the county.
      if (!target || !target.active || target.county_code !== u.report.county_code) throw AppError.field('body.unitId', 'field.unitNotFound');
      const today = todayInShanghai();
      const due = input.dueDate ?? (input.mode === 'assignment' ? u.cal.addMonths(today, 3) : u.cal.addWorkingDays(today, 5));
      const accepted = u.report.accepted_on ?? today;
      await u.update({
        unit_id: target.id, status: 'handling', accepted_on: accepted,
        handle_due: u.report.handle_due ?? settleDue(u.cal, accepted, u.report.kind),
      });
      const eventId = await u.event(input.mode, { fromUnitId: u.report.unit_id === target.id ? null : actor.unitId, toUnitId: target.id, dueDate: due, note: input.note });
      return { result: { eventId, dueDate: due }, audit: { to: target.id, dueDate: due } };
    }),

  confirmReceipt: (ctx: AppContext, actor: Actor, id: string, eventId: string) =>
    onReport(ctx, actor, id, 'reports.report.confirmReceipt', async (u) => {
      const ev = await u.trx.selectFrom('report_events').select(['id', 'type', 'confirmed_at']).where('id', '=', eventId).where('report_id', '=', id).executeTakeFirst();
      if (!ev || !['transfer', 'assignment', 'supervision'].includes(ev.type)) throw AppError.notFound('what.reportEvent');
      if (ev.confirmed_at) throw AppError.field('params.eventId', 'field.alreadyConfirmed');
      await u.trx.updateTable('report_events').set({ confirmed_at: new Date(), confirmed_by: actor.userId }).where('id', '=', eventId).execute();
      await u.event('receiptConfirmed', { detail: { eventId } });
      return { result: { ok: true }, audit: { eventId } };
    }),

  supervise: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof superviseInput>) =>
    onReport(ctx, actor, id, 'reports.report.supervise', async (u) => {
      requireStatus(u.report, [...open]);
      const eventId = await u.event('supervision', { toUnitId: u.report.unit_id, dueDate: input.dueDate ?? null, note: input.note });
      return { result: { eventId } };
    }),

  note: (ctx: AppContext, actor: Actor, id: string, type: 'action' | 'reportBack', note: string) =>
    onReport(ctx, actor, id, `reports.report.${type}`, async (u) => {
      requireStatus(u.report, [...open]);
      if (u.report.status === 'accepted') await u.update({ status: 'handling' });
      return { result: { eventId: await u.event(type, { note }) } };
    }),

  /** The answer the reporter reads with the receipt (信访处理意见书 text). */
  reply: (ctx: AppContext, actor: Actor, id: string, answer: string) =>
    onReport(ctx, actor, id, 'reports.report.reply', async (u) => {
      await u.update({ answer });
      await u.event('reply', { note: answer });
      return { result: { ok: true } };
    }),

  close: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof closeInput>) =>
    onReport(ctx, actor, id, 'reports.report.close', async (u) => {
      requireStatus(u.report, [...open]);
      const today = todayInShanghai();
      await u.update({
        status: 'closed', closed_on: today, result: input.result, ...(input.answer ? { answer: input.answer } : {}),
        result_notice_due: resultNoticeDue(u.cal, today, u.report.identified), result_notified_at: null, review_due: null,
      });
      await u.event('closure', { note: input.result });
      return { result: { closedOn: today, resultNoticeDue: u.report.result_notice_due } };
    }),

  notice: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof noticeInput>) =>
    onReport(ctx, actor, id, `reports.report.${input.notice}Notice`, async (u) => {
      if (input.notice === 'result') {
        requireStatus(u.report, ['closed', 'notAccepted']);
        await u.update({ result_notified_at: new Date() });
      } else await u.update({ accept_notified_at: new Date() });
      await u.event(input.notice === 'result' ? 'resultNotice' : 'acceptanceNotice', { note: input.note, detail: { method: input.method } });
      return { result: { ok: true }, audit: { method: input.method } };
    }),

  feedback: (ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof feedbackInput>) =>
    onReport(ctx, actor, id, 'reports.report.feedback', async (u) => {
      requireStatus(u.report, ['closed', 'notAccepted']);
      await u.update({ satisfaction: input.satisfaction });
      await u.event('feedback', { note: input.note, detail: { satisfaction: input.satisfaction, via: input.via } });
      return { result: { ok: true }, audit: { satisfaction: input.satisfaction, via: input.via } };
    }),

  reopen: (ctx: AppContext, actor: Actor, id: string, note: string) =>
    onReport(ctx, actor, id, 'reports.report.reopen', async (u) => {
      requireStatus(u.report, ['closed', 'notAccepted']);
      await u.update({ status: 'handling', closed_on: null, result_notice_due: null, result_notified_at: null });
      await u.event('reopen', { note });
      return { result: { ok: true } };
    }),

  message: (ctx: AppContext, actor: Actor, id: string, body: string) =>
    onReport(ctx, actor, id, 'reports.report.message', async (u) => {
      const row = await u.trx.insertInto('report_messages').values({ report_id: id, county_code: u.report.county_code, author: 'office', body, created_by: actor.userId })
        .returning('id').executeTakeFirstOrThrow();
      return { result: { id: row.id } };
    }),
};
