import { defineRoute, type RouteDef } from '../../platform/http/route';
import { deadlineService } from './deadlineService';
import { handlingService } from './handlingService';
import { intakeService } from './intakeService';
import { candidatesFor, readService } from './readService';
import { reportRepository } from './reportRepository';
import { routingService } from './routingService';
import {
  attachmentParams, closeInput, deadlineFilter, decisionInput, eventParams, extensionDecision, extensionInput, feedbackInput, idParams, messageInput,
  noteInput, noticeInput, replyInput, repeatInput, reportFilter, revealInput, reviewInput, routeInput, staffReportInput, superviseInput, triageInput,
} from './schema';

/** Staff routes. Scope follows the handling unit (reports.unit_id); every change is one audited transaction. */
const tags = ['reports'];
const read = { permission: 'reports.report.read', scope: { resource: 'reports', op: 'read' } } as const;
const handle = { permission: 'reports.report.handle', scope: { resource: 'reports', op: 'update' } } as const;

export const reportRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/reports', summary: 'Search reports (paged; identity never included)', tags, query: reportFilter,
    access: { permission: 'reports.report.read', scope: { resource: 'reports', op: 'list' } },
    handler: async ({ ctx, actor, query }) => ({ ...(await reportRepository.list(ctx.db, actor, query)), page: query.page, pageSize: query.pageSize }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports', summary: 'Staff intake: letter, visit, call (with consent), 12388, referral, inspection, monitoring point', tags,
    access: { permission: 'reports.report.create', scope: { resource: 'reports', op: 'create' } }, body: staffReportInput, successStatus: 201,
    handler: async ({ ctx, actor, body }) => {
      const created = await intakeService.createStaff(ctx, actor, body);
      const candidates = await candidatesFor(ctx, actor, { id: created.id, countyCode: actor.countyCode, title: body.title, content: body.content, accusedName: body.accused?.name ?? null, accusedUnit: body.accused?.unit ?? null });
      return { ...created, repeatCandidates: candidates.items };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/deadlines', summary: 'Overdue or due-soon statutory deadlines (working-day calendar)', tags, query: deadlineFilter,
    access: { permission: 'reports.report.read', scope: { resource: 'reports', op: 'list' } },
    handler: async ({ ctx, actor, query }) => deadlineService.list(ctx, actor, query.state, query.withinWorkingDays),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/:id', summary: 'One report with its timeline, messages and attachments (audited; identity masked)', tags,
    access: read, params: idParams, handler: async ({ ctx, actor, params }) => readService.detail(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/:id/repeat-candidates', summary: 'Earlier reports that may be the same matter or accused', tags,
    access: read, params: idParams, handler: async ({ ctx, actor, params }) => readService.repeatCandidates(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/:id/route-suggestion', summary: 'Suggested handling unit from the routing rules', tags,
    access: read, params: idParams, handler: async ({ ctx, actor, params }) => routingService.suggest(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/:id/attachments/:attachmentId', summary: 'Download an attachment (never inline; audited)', tags,
    access: read, params: attachmentParams,
    handler: async ({ ctx, actor, params, reply }) => {
      const a = await readService.attachment(ctx, actor, params.id, params.attachmentId);
      return reply.header('content-type', a.mediaType).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`).send(a.body);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/identity/reveal', summary: 'Reveal the reporter identity (written reason; audited)', tags,
    access: { permission: 'reports.identity.reveal', scope: { resource: 'reports', op: 'read' } }, params: idParams, body: revealInput,
    handler: async ({ ctx, actor, params, body, reply }) => {
      reply.header('cache-control', 'no-store');
      return readService.reveal(ctx, actor, params.id, body.reason);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/reports/:id/triage', summary: "Triage: kind, category, accused's official record, rank and managing authority", tags,
    access: handle, params: idParams, body: triageInput, handler: async ({ ctx, actor, params, body }) => handlingService.triage(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/decision', summary: 'Accept or not accept (受理 / 不予受理)', tags,
    access: handle, params: idParams, body: decisionInput, handler: async ({ ctx, actor, params, body }) => handlingService.decide(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/route', summary: 'Transfer (转办) or assign with report-back (交办) to a unit, with a due date', tags,
    access: handle, params: idParams, body: routeInput, handler: async ({ ctx, actor, params, body }) => handlingService.route(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/events/:eventId/confirm', summary: 'Confirm receipt of a transfer, assignment or supervision', tags,
    access: handle, params: eventParams, handler: async ({ ctx, actor, params }) => handlingService.confirmReceipt(ctx, actor, params.id, params.eventId),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/supervision', summary: 'Supervise the handling (督办) with a due date', tags,
    access: { permission: 'reports.report.supervise', scope: { resource: 'reports', op: 'update' } }, params: idParams, body: superviseInput,
    handler: async ({ ctx, actor, params, body }) => handlingService.supervise(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/actions', summary: 'Record a handling action', tags,
    access: handle, params: idParams, body: noteInput, handler: async ({ ctx, actor, params, body }) => handlingService.note(ctx, actor, params.id, 'action', body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/report-back', summary: 'Report back on an assignment (交办件办理情况)', tags,
    access: handle, params: idParams, body: noteInput, handler: async ({ ctx, actor, params, body }) => handlingService.note(ctx, actor, params.id, 'reportBack', body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/reply', summary: 'The answer the reporter reads with the receipt', tags,
    access: handle, params: idParams, body: replyInput, handler: async ({ ctx, actor, params, body }) => handlingService.reply(ctx, actor, params.id, body.answer),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/close', summary: 'Close (办结) with the result', tags,
    access: handle, params: idParams, body: closeInput, handler: async ({ ctx, actor, params, body }) => handlingService.close(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/notices', summary: 'Record telling a real-name reporter of acceptance or result', tags,
    access: handle, params: idParams, body: noticeInput, handler: async ({ ctx, actor, params, body }) => handlingService.notice(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/feedback', summary: 'Satisfaction follow-up by phone or receipt (满意度回访)', tags,
    access: handle, params: idParams, body: feedbackInput, handler: async ({ ctx, actor, params, body }) => handlingService.feedback(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/reopen', summary: 'Reopen a closed report', tags,
    access: handle, params: idParams, body: noteInput, handler: async ({ ctx, actor, params, body }) => handlingService.reopen(ctx, actor, params.id, body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/messages', summary: 'Write to the reporter (read with the receipt)', tags, successStatus: 201,
    access: handle, params: idParams, body: messageInput, handler: async ({ ctx, actor, params, body }) => handlingService.message(ctx, actor, params.id, body.body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/extensions', summary: 'Ask for an extension of the settlement period (≤ 30 days, with a reason)', tags, successStatus: 201,
    access: handle, params: idParams, body: extensionInput, handler: async ({ ctx, actor, params, body }) => deadlineService.requestExtension(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/extensions/:eventId/decision', summary: 'Approve or reject an extension request', tags,
    access: { permission: 'reports.extension.approve', scope: { resource: 'reports', op: 'update' } }, params: eventParams, body: extensionDecision,
    handler: async ({ ctx, actor, params, body }) => deadlineService.decideExtension(ctx, actor, params.id, params.eventId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/reviews', summary: 'Record a 复查 or 复核 request (answer due in 30 days)', tags,
    access: handle, params: idParams, body: reviewInput, handler: async ({ ctx, actor, params, body }) => deadlineService.requestReview(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/:id/repeat', summary: 'Link as a repeat of an earlier report (same matter group)', tags,
    access: handle, params: idParams, body: repeatInput, handler: async ({ ctx, actor, params, body }) => readService.linkRepeat(ctx, actor, params.id, body.repeatOf),
  }),
];
