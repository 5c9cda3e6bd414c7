import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/scope/actor';
import { countyActor } from '../analysis/registry';
import { activeClassifiers, retrainIfStale } from './classifierService';
import { startClassifierRetraining } from './classifierSchedule';
import { createDemoReports } from './demo';
import { hotspots } from './hotspotService';

/** What `serve` does for the demo county: the start-up retrain gives it a model; the dashboard shows hot spots. */
let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  await createDemoReports(ctx.db, '530125', { config: ctx.config, today: '2026-11-26' });
});
afterAll(async () => { await close?.(); });

describe('demo county', () => {
  it('gets a category model from the start-up retrain, and only once', async () => {
    const stale = await ctx.db.insertInto('report_classifier_jobs').values({ county_code: '530125', status: 'running', stage: 'training' }).returning('id').executeTakeFirstOrThrow();
    const logs: string[] = [];
    const retraining = startClassifierRetraining(ctx, (m) => logs.push(m));
    try {
      for (let i = 0; i < 300 && !logs.some((m) => m.includes('succeeded')); i++) await new Promise((r) => setTimeout(r, 100));
    } finally { retraining.stop(); }
    expect(logs).toEqual(['report classifier for 530125: succeeded']);
    const model = (await activeClassifiers(ctx)).get('530125');
    expect(model?.classifier.model.labels.length).toBeGreaterThanOrEqual(2);
    expect((await ctx.db.selectFrom('report_classifier_jobs').select(['status', 'error']).where('id', '=', stale.id).executeTakeFirstOrThrow()).status).toBe('failed');
    expect(await retrainIfStale(ctx)).toBe(0);
  });

  it('gives plausible confidences on the demo texts: below 1, and right most of the time', async () => {
    const model = (await activeClassifiers(ctx)).get('530125')!;
    const rows = await ctx.db.selectFrom('reports').select(['title', 'content', 'category']).where('county_code', '=', '530125')
      .where('category', 'is not', null).where('status', '!=', 'closed').orderBy('serial').limit(400).execute();
    expect(rows.length).toBeGreaterThan(10); // texts the model was not trained on (it learns from closed reports)
    const predictions = rows.map((r) => ({ ...model.classifier.predict(r.title, r.content), truth: r.category }));
    const confidences = predictions.map((p) => p.confidence).sort((a, b) => a - b);
    const median = confidences[Math.floor(confidences.length / 2)];
    expect(Math.max(...confidences)).toBeLessThan(1);
    // Texts that never say what happened get hedged suggestions, not certainty.
    expect(confidences.filter((c) => c < 0.9).length / confidences.length).toBeGreaterThanOrEqual(0.1);
    expect(median).toBeGreaterThan(1 / model.classifier.model.labels.length);
    expect(predictions.filter((p) => p.label === p.truth).length / predictions.length).toBeGreaterThan(0.6);
  });

  it('has hot spots for a quarter of its history', async () => {
    const actor = { ...countyActor(), countyCode: '530125' } as Actor;
    const r = await hotspots(ctx, actor, { period: '2026Q3', cumulative: false, limit: 5, minSize: 2 });
    expect(r.reportsInPeriod).toBeGreaterThan(0);
    expect(r.items.length).toBeGreaterThan(0);
    for (const h of r.items) expect(h.members).toHaveLength(h.size);
  });
});
