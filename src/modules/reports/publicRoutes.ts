import { defineRoute, type RouteDef } from '../../platform/http/route';
import { intakeService } from './intakeService';
import { parseSubmission, publicService } from './publicService';
import { divisionQuery, publicFeedbackInput, publicMessageInput, publicReportInput, receiptParams } from './schema';

/**
 * The public intake API (no login; deployable alone in the internet zone). Its contract is stable: outside
 * channels call it. Limits are per client address and per window, so a flood is slowed down while a real
 * reporter who hits one only waits a minute; nobody is ever locked out.
 */
const perMinute = (name: string, fallback: number) => {
  const n = Number.parseInt(process.env[name] ?? '', 10);
  return { max: Number.isFinite(n) && n > 0 ? n : fallback, timeWindow: '1 minute' };
};
const submitLimit = perMinute('LIANJIAN_PUBLIC_SUBMITS_PER_MINUTE', 20);
const lookupLimit = perMinute('LIANJIAN_PUBLIC_LOOKUPS_PER_MINUTE', 30);

const reason = 'Public intake: citizens report without an account (信访举报), identified only by their receipt';

export const publicRoutes: RouteDef[] = [
  defineRoute({
    method: 'POST', url: '/api/v1/public/reports', tags: ['reports-public'], successStatus: 201, rateLimit: submitLimit,
    summary: 'Submit a report (JSON, or multipart/form-data with a `report` JSON field and up to 5 attachments) → {receipt}',
    access: { public: true, reason }, body: publicReportInput, multipart: true,
    handler: async ({ ctx, req }) => {
      const { input, files } = await parseSubmission(ctx, req);
      return intakeService.submitPublic(ctx, input, files, req.ip);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/public/reports/:receipt', tags: ['reports-public'], rateLimit: lookupLimit,
    summary: 'Status, answer and messages of the report with this receipt (404 when unknown)',
    access: { public: true, reason }, params: receiptParams,
    handler: async ({ ctx, params, reply }) => {
      reply.header('cache-control', 'no-store');
      return publicService.lookup(ctx, params.receipt);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/public/reports/:receipt/messages', tags: ['reports-public'], rateLimit: lookupLimit, successStatus: 201,
    summary: 'The reporter writes to the office', access: { public: true, reason }, params: receiptParams, body: publicMessageInput,
    handler: async ({ ctx, params, body, req }) => { await publicService.addMessage(ctx, params.receipt, body.body, req.ip); return { ok: true }; },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/public/reports/:receipt/feedback', tags: ['reports-public'], rateLimit: lookupLimit,
    summary: 'Satisfaction follow-up (满意度回访) by receipt, once the report is closed', access: { public: true, reason }, params: receiptParams, body: publicFeedbackInput,
    handler: async ({ ctx, params, body, req }) => { await publicService.feedback(ctx, params.receipt, body, req.ip); return { ok: true }; },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/public/divisions', tags: ['reports-public'], rateLimit: { max: 120, timeWindow: '1 minute' },
    summary: 'Townships, or the villages of one township, for the place pickers of the public form (official division names only)',
    access: { public: true, reason: 'The public form picks where a matter happened; division names are public data' }, query: divisionQuery,
    handler: async ({ ctx, query }) => publicService.divisions(ctx, query.parentCode),
  }),
];
