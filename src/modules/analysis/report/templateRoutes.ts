import { sql } from 'kysely';
import { AppError } from '../../../platform/errors';
import { defineRoute, type RouteDef } from '../../../platform/http/route';
import { knownMetricKeys } from '../evaluate';
import { templateMetricKeys } from './compose';
import { loadTemplates, TEMPLATES_KEY } from './reportService';
import { defaultTemplates, templatesSchema } from './templates';

/** The office edits the report's sentences; every placeholder must name a metric the system knows. */
export const templateRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/report-templates', summary: 'The report sentence templates in use (office edits or the defaults)', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: 'global' },
    handler: async ({ ctx }) => ({ templates: await loadTemplates(ctx.db), defaults: defaultTemplates, metricKeys: knownMetricKeys() }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/analysis/report-templates', summary: 'Replace the report sentence templates (validated, audited)', tags: ['analysis'],
    access: { permission: 'analysis.report', scope: 'global' }, body: templatesSchema,
    handler: async ({ ctx, actor, body }) => {
      if (!actor.scope.all) throw new AppError('FORBIDDEN');
      const known = new Set(knownMetricKeys());
      const unknown = templateMetricKeys(body).filter((k) => !known.has(k));
      if (unknown.length) throw AppError.field('body.paragraphs', 'analysis.template.unknownMetric', { keys: unknown.join(', ') });
      const ids = body.paragraphs.map((p) => p.id);
      if (new Set(ids).size !== ids.length) throw AppError.field('body.paragraphs', 'field.duplicate');
      await ctx.db.transaction().execute(async (trx) => {
        const value = JSON.stringify(body);
        await sql`insert into settings (key, value, updated_at) values (${TEMPLATES_KEY}, ${value}::jsonb, now())
          on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(trx);
        await ctx.audit.record(trx, { userId: actor.userId, username: actor.username, clientIp: actor.clientIp }, { action: 'analysis.templates.update', detail: { paragraphs: ids } });
      });
      return { templates: body };
    },
  }),
];
