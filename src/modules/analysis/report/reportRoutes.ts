import { z } from 'zod';
import '../db';
import { AppError } from '../../../platform/errors';
import { defineRoute, type RouteDef } from '../../../platform/http/route';
import type { MetricResult } from '../evaluate';
import { parsePeriod, PeriodError, type Period } from '../periods';
import { assertCountyWide, changesSince, generateReport, reportJson } from './reportService';

const idParams = z.strictObject({ id: z.uuid() });

function periodOf(text: string, cumulative: boolean): Period {
  try { return parsePeriod(text, { cumulative }); } catch (err) {
    if (err instanceof PeriodError) throw AppError.field('body.period', 'analysis.period.invalid');
    throw err;
  }
}

export const reportRoutes: RouteDef[] = [
  defineRoute({
    method: 'POST', url: '/api/v1/analysis/reports', summary: 'Generate and freeze the quarterly situation analysis (docx + numbers)', tags: ['analysis'],
    access: { permission: 'analysis.report', scope: 'global' }, successStatus: 201,
    body: z.strictObject({ period: z.string().max(40), cumulative: z.boolean().default(false), nextSteps: z.array(z.string().min(1).max(2000)).max(20).optional() }),
    handler: async ({ ctx, actor, body }) => {
      assertCountyWide(actor);
      const period = periodOf(body.period, body.cumulative);
      const r = await generateReport({ query: { db: ctx.db, actor, countyCode: actor.countyCode }, period, nextSteps: body.nextSteps, generatedBy: actor.userId });
      await ctx.audit.record(ctx.db, { userId: actor.userId, username: actor.username, clientIp: actor.clientIp }, { action: 'analysis.report.generate', objectType: 'analysisReport', objectId: r.id, detail: { period: period.key } });
      return { id: r.id, ...reportJson(r) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/reports', summary: 'Frozen reports of the county, newest first', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: 'global' },
    handler: async ({ ctx, actor }) => {
      assertCountyWide(actor);
      const rows = await ctx.db.selectFrom('analysis_reports as r').leftJoin('users as u', 'u.id', 'r.generated_by')
        .select(['r.id', 'r.period_key', 'r.period', 'r.generated_at', 'u.display_name as generatedBy'])
        .where('r.county_code', '=', actor.countyCode).orderBy('r.generated_at', 'desc').limit(200).execute();
      return { items: rows.map((r) => ({ id: r.id, periodKey: r.period_key, periodLabel: (r.period as Period).labelZh, generatedAt: r.generated_at, generatedBy: r.generatedBy })) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/reports/:id', summary: 'A frozen report: its numbers, record ids and text as generated', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: 'global' }, params: idParams,
    handler: async ({ ctx, actor, params }) => {
      assertCountyWide(actor);
      const r = await ctx.db.selectFrom('analysis_reports').select(['id', 'period', 'metrics', 'model', 'generated_at']).where('id', '=', params.id).where('county_code', '=', actor.countyCode).executeTakeFirst();
      if (!r) throw AppError.notFound('analysis.report');
      return { id: r.id, generatedAt: r.generated_at, ...reportJson({ period: r.period as Period, metrics: r.metrics as Record<string, MetricResult>, model: r.model as never }) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/reports/:id/docx', summary: 'Download a frozen report as docx (GB/T 9704)', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: 'global' }, params: idParams,
    handler: async ({ ctx, actor, params, reply }) => {
      assertCountyWide(actor);
      const r = await ctx.db.selectFrom('analysis_reports').select(['docx', 'period_key']).where('id', '=', params.id).where('county_code', '=', actor.countyCode).executeTakeFirst();
      if (!r) throw AppError.notFound('analysis.report');
      await ctx.audit.record(ctx.db, { userId: actor.userId, username: actor.username, clientIp: actor.clientIp }, { action: 'analysis.report.export', objectType: 'analysisReport', objectId: params.id });
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="situation-analysis-${r.period_key.replace(/[^\w.-]/g, '_')}.docx"`)
        .send(Buffer.from(r.docx));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/reports/:id/changes', summary: 'What changed in the records behind a frozen report since it was generated', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: 'global' }, params: idParams,
    handler: async ({ ctx, actor, params }) => {
      assertCountyWide(actor);
      const r = await ctx.db.selectFrom('analysis_reports').select(['period', 'metrics']).where('id', '=', params.id).where('county_code', '=', actor.countyCode).executeTakeFirst();
      if (!r) throw AppError.notFound('analysis.report');
      return { items: await changesSince({ db: ctx.db, actor, countyCode: actor.countyCode }, r.period as Period, r.metrics as Record<string, MetricResult>) };
    },
  }),
];
