import { z } from 'zod';
import { defineRoute, type RouteDef } from '../../platform/http/route';
import { classifierStatus, reportSuggestion, startTraining, suggest } from './classifierService';
import { hotspots } from './hotspotService';
import { idParams } from './schema';

/** Category suggestion (train, status, suggest) and the hot-spot panel's data. */
const tags = ['reports'];
const suggestInput = z.strictObject({ title: z.string().trim().max(200).default(''), content: z.string().trim().min(1).max(20000) });
const hotspotQuery = z.strictObject({
  period: z.string().trim().min(4).max(40),
  cumulative: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  minSize: z.coerce.number().int().min(1).max(100).default(2),
});

export const classifierRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/reports/classifier', summary: "The county's active category model and the latest training job (poll while training)", tags,
    access: { permission: 'reports.report.read', scope: 'global' },
    handler: async ({ ctx, actor }) => classifierStatus(ctx, actor.countyCode, { countyWide: actor.scope.all || actor.permissions.has('reports.classifier.train') }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/classifier/train', summary: "Train the category model on the county's closed reports (runs as a job)", tags,
    // County-wide on purpose: the model learns from every closed report of the county, whoever handled it.
    access: { permission: 'reports.classifier.train', scope: 'global' }, successStatus: 202,
    handler: async ({ ctx, actor }) => {
      const { jobId } = await startTraining(ctx, actor.countyCode, actor);
      return { jobId };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/reports/classifier/suggest', summary: 'Suggest a category for a text with the active model', tags,
    access: { permission: 'reports.report.read', scope: 'global' }, body: suggestInput,
    handler: async ({ ctx, actor, body }) => suggest(ctx, actor.countyCode, body.title, body.content),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/:id/category-suggestion', summary: 'The category suggested for a report (stored at intake, else live from the active model)', tags,
    access: { permission: 'reports.report.read', scope: { resource: 'reports', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => reportSuggestion(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/hotspots', summary: 'Hot spots (热点问题) of a period: clusters of similar reports, ranked by size and growth', tags,
    access: { permission: 'reports.report.read', scope: { resource: 'reports', op: 'list' } }, query: hotspotQuery,
    handler: async ({ ctx, actor, query }) => hotspots(ctx, actor, query),
  }),
];
