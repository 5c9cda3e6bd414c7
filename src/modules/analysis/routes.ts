import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { defineRoute, type RouteDef } from '../../platform/http/route';
import { expectedMetrics } from './catalogue';
import { dimensionWords } from './dimensions';
import { evaluateMetrics, knownMetricKeys } from './evaluate';
import { parsePeriod, PeriodError, previousPeriod, yearOnYear, type Period } from './periods';
import { metricDefinition, registeredMetrics } from './registry';

const periodQuery = {
  period: z.string().max(40),
  cumulative: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
};

function period(text: string, cumulative: boolean): Period {
  try {
    return parsePeriod(text, { cumulative });
  } catch (err) {
    if (err instanceof PeriodError) throw AppError.field('query.period', 'analysis.period.invalid');
    throw err;
  }
}

export const analysisRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/catalogue', summary: 'Every metric: label, unit, definition, dimensions and whether it is available', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: 'global' },
    handler: async () => ({
      items: knownMetricKeys().map((key) => {
        const d = metricDefinition(key);
        return d
          ? { key, module: d.module, labelZh: d.labelZh, labelEn: d.labelEn, unit: d.unit, definitionZh: d.definitionZh, definitionEn: d.definitionEn,
            dimensions: d.dimensions ?? [], dimensionLabels: Object.fromEntries((d.dimensions ?? []).map((dim) => [dim, dimensionWords(dim)])), available: true }
          : { ...expectedMetrics.find((m) => m.key === key), key, available: false };
      }),
      registered: registeredMetrics().length,
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/metrics', summary: 'Metric values for a period (with 同比/环比), each with the ids behind it', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: { resource: 'metrics', op: 'list' } },
    query: z.strictObject({ ...periodQuery, keys: z.string().max(2000).optional(), compare: z.enum(['none', 'yoy', 'qoq', 'both']).default('none') }),
    handler: async ({ ctx, actor, query }) => {
      const p = period(query.period, query.cumulative);
      const keys = query.keys ? query.keys.split(',').map((k) => k.trim()).filter(Boolean) : undefined;
      const base = { db: ctx.db, actor, countyCode: actor.countyCode };
      const metrics = await evaluateMetrics(base, p, keys);
      const compare = async (cp: Period) => ({ period: cp, metrics: await evaluateMetrics(base, cp, keys) });
      return {
        period: p, metrics,
        ...(query.compare === 'yoy' || query.compare === 'both' ? { yoy: await compare(yearOnYear(p)) } : {}),
        ...(query.compare === 'qoq' || query.compare === 'both' ? { qoq: await compare(previousPeriod(p)) } : {}),
      };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/analysis/metrics/:key/records', summary: 'The records behind a metric value, within the caller’s data scope', tags: ['analysis'],
    access: { permission: 'analysis.read', scope: { resource: 'metrics', op: 'read' } },
    params: z.strictObject({ key: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/) }),
    query: z.strictObject({ ...periodQuery, dimension: z.string().max(40).optional(), value: z.string().max(60).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    handler: async ({ ctx, actor, params, query }) => {
      const def = metricDefinition(params.key);
      if (!def) throw AppError.notFound('analysis.metric');
      const base = { db: ctx.db, actor, countyCode: actor.countyCode };
      const v = await def.compute({ ...base, period: period(query.period, query.cumulative) });
      const ids = query.dimension && query.value
        ? v.breakdown?.[query.dimension]?.find((b) => b.key === query.value)?.recordIds ?? []
        : v.recordIds;
      // `total` is the published aggregate, on data scope alone; `items` are the records themselves, and each
      // module's describe() applies its own need-to-know (cases: team or supervisor), so items may be fewer.
      const items = await def.describe(base, ids.slice(0, query.limit));
      return { key: def.key, recordType: def.recordType, total: ids.length, items };
    },
  }),
];
