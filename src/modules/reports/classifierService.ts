import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopedReports } from './reportRepository';
import { TextClassifier, defaultTrainOptions, trainOnTerms, type Prediction } from './text/classifier';
import { textTerms } from './text/features';

/**
 * Category suggestion at intake, trained on the office's own closed reports (no model ships with the
 * product). The newest model of a county is its active one. Training runs in-process as a job whose
 * row the UI polls; the SVM fitting itself is synchronous, so progress moves in steps around it.
 */
export const MIN_PER_CATEGORY = 5;
export const MIN_CATEGORIES = 2;

interface TrainingData { titles: string[]; bodies: string[]; labels: string[]; perCategory: Record<string, number>; dataMark: Date | null }

/** Closed, categorised reports of a county; categories with fewer than MIN_PER_CATEGORY examples are left out. */
async function trainingData(db: Kysely<DB>, countyCode: string): Promise<TrainingData> {
  const rows = await db.selectFrom('reports').select(['title', 'content', 'category', 'updated_at'])
    .where('county_code', '=', countyCode).where('status', '=', 'closed').where('category', 'is not', null).execute();
  const perCategory: Record<string, number> = {};
  for (const r of rows) perCategory[r.category!] = (perCategory[r.category!] ?? 0) + 1;
  const kept = rows.filter((r) => perCategory[r.category!] >= MIN_PER_CATEGORY);
  const dataMark = rows.reduce<Date | null>((m, r) => (!m || r.updated_at > m ? r.updated_at : m), null);
  return { titles: kept.map((r) => r.title), bodies: kept.map((r) => r.content), labels: kept.map((r) => r.category!), perCategory, dataMark };
}

/** Refuse, naming the reason, when the history cannot yield a useful model. */
function assertTrainable(d: TrainingData): void {
  const total = Object.values(d.perCategory).reduce((a, b) => a + b, 0);
  if (total === 0) throw AppError.field('trainingData', 'field.classifierNoData');
  const usable = Object.entries(d.perCategory).filter(([, n]) => n >= MIN_PER_CATEGORY);
  if (usable.length < MIN_CATEGORIES) {
    const counts = Object.entries(d.perCategory).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join('、');
    throw AppError.field('trainingData', 'field.classifierTooFewCategories', { found: usable.length, need: MIN_CATEGORIES, min: MIN_PER_CATEGORY, total, counts });
  }
}

// ---- Active models, cached per database: intake asks on every submission and must not pay a query for it.

interface Active { modelId: string; classifier: TextClassifier }
const cache = new WeakMap<object, { at: number; byCounty: Map<string, Active> }>();
const CACHE_MS = 60_000;

export async function activeClassifiers(ctx: AppContext): Promise<Map<string, Active>> {
  const hit = cache.get(ctx.db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.byCounty;
  const newest = await ctx.db.selectFrom('report_classifier_models').select(['id', 'county_code', 'trained_at'])
    .orderBy('trained_at', 'desc').orderBy('id').execute();
  const byCounty = new Map<string, Active>();
  const seen = new Set<string>();
  for (const m of newest) {
    if (seen.has(m.county_code)) continue; // only the newest model of a county is active
    seen.add(m.county_code);
    const old = hit?.byCounty.get(m.county_code);
    if (old?.modelId === m.id) { byCounty.set(m.county_code, old); continue; }
    const row = await ctx.db.selectFrom('report_classifier_models').select('model_json').where('id', '=', m.id).executeTakeFirstOrThrow();
    // A model that does not load leaves its county without suggestions rather than failing intake or status.
    try { byCounty.set(m.county_code, { modelId: m.id, classifier: TextClassifier.fromJson(row.model_json) }); } catch { /* no suggestion */ }
  }
  cache.set(ctx.db, { at: Date.now(), byCounty });
  return byCounty;
}

/** Forget the cached models (after training, or when a test swaps models). */
export function forgetClassifiers(ctx: AppContext): void { cache.delete(ctx.db); }

/**
 * The suggestion stored on a new report. Never blocks intake: no model, a broken model or any failure
 * yields no suggestion. Loads outside the intake transaction (the embedded engine has one connection).
 */
export async function loadSuggester(ctx: AppContext): Promise<(countyCode: string, title: string, content: string) => { suggested_category: string; suggestion_confidence: number } | null> {
  let models: Map<string, Active>;
  try { models = await activeClassifiers(ctx); } catch { return () => null; }
  return (countyCode, title, content) => {
    try {
      const p = models.get(countyCode)?.classifier.predict(title, content);
      return p ? { suggested_category: p.label, suggestion_confidence: p.confidence } : null;
    } catch { return null; }
  };
}

export async function suggest(ctx: AppContext, countyCode: string, title: string, content: string): Promise<Prediction & { modelId: string }> {
  const active = (await activeClassifiers(ctx)).get(countyCode);
  if (!active) throw AppError.notFound('what.classifierModel');
  return { ...active.classifier.predict(title, content), modelId: active.modelId };
}

/**
 * The suggestion for one report, for the triage drawer: the one stored at intake, or — for a report
 * received before any model existed — a live one from the active model (marked as such).
 */
export async function reportSuggestion(ctx: AppContext, actor: Actor, id: string) {
  const r = await scopedReports(ctx.db, actor).select(['r.county_code', 'r.title', 'r.content', 'r.suggested_category', 'r.suggestion_confidence'])
    .where('r.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.report');
  const active = (await activeClassifiers(ctx)).get(r.county_code);
  const live = active ? active.classifier.predict(r.title, r.content) : null;
  if (r.suggested_category) {
    return { source: 'intake' as const, label: r.suggested_category, confidence: r.suggestion_confidence, alternatives: live?.alternatives.filter((a) => a.label !== r.suggested_category) ?? [] };
  }
  if (live) return { source: 'live' as const, ...live };
  return { source: 'none' as const, label: null, confidence: null, alternatives: [] };
}

// ---- Training jobs.

const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const STALE_JOB_MS = 30 * 60_000;

/** Check the data, open a job row and train in the background; returns the job id (poll `status`). */
export async function startTraining(ctx: AppContext, countyCode: string, actor: Actor | null): Promise<{ jobId: string; done: Promise<void> }> {
  const running = await ctx.db.selectFrom('report_classifier_jobs').select('id').where('county_code', '=', countyCode)
    .where('status', 'in', ['queued', 'running']).where('started_at', '>', new Date(Date.now() - STALE_JOB_MS)).executeTakeFirst();
  if (running) throw new AppError('CONFLICT', { issues: [{ field: 'trainingData', key: 'field.classifierJobRunning' }], details: { jobId: running.id } });
  const data = await trainingData(ctx.db, countyCode);
  assertTrainable(data);
  const job = await ctx.db.insertInto('report_classifier_jobs').values({ county_code: countyCode, status: 'running', progress: 5, stage: 'loading', requested_by: actor?.userId ?? null })
    .returning('id').executeTakeFirstOrThrow();
  const done = runJob(ctx, job.id, countyCode, data, actor).catch(async (err: unknown) => {
    await ctx.db.updateTable('report_classifier_jobs').set({ status: 'failed', error: err instanceof Error ? err.message : String(err), finished_at: new Date() })
      .where('id', '=', job.id).execute().catch(() => undefined);
  });
  return { jobId: job.id, done };
}

async function runJob(ctx: AppContext, jobId: string, countyCode: string, data: TrainingData, actor: Actor | null): Promise<void> {
  const progress = (p: number, stage: string) => ctx.db.updateTable('report_classifier_jobs').set({ progress: p, stage }).where('id', '=', jobId).execute();
  await yieldLoop(); // answer the POST first
  const opts = defaultTrainOptions;
  const docs: string[][] = [];
  const step = Math.max(50, Math.ceil(data.labels.length / 8));
  for (let i = 0; i < data.labels.length; i++) {
    docs.push(textTerms(data.titles[i], data.bodies[i], opts.features));
    if ((i + 1) % step === 0) { await progress(10 + Math.round((40 * (i + 1)) / data.labels.length), 'segmenting'); await yieldLoop(); }
  }
  await progress(50, 'training');
  await yieldLoop();
  const model = trainOnTerms(docs, data.labels, opts);
  await progress(95, 'saving');
  await ctx.db.transaction().execute(async (trx) => {
    const saved = await trx.insertInto('report_classifier_models').values({
      county_code: countyCode, model_json: JSON.stringify(model), labels: model.labels, examples: model.training.examples,
      macro_f1: model.training.crossValidation?.macroF1 ?? null, trained_by: actor?.userId ?? null, data_mark: data.dataMark,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('report_classifier_jobs').set({ status: 'succeeded', progress: 100, stage: 'done', model_id: saved.id, finished_at: new Date() })
      .where('id', '=', jobId).execute();
    await ctx.audit.record(trx, actor ? { userId: actor.userId, username: actor.username, clientIp: actor.clientIp } : { userId: null, username: 'system', clientIp: undefined }, {
      action: 'reports.classifier.train', objectType: 'reportClassifierModel', objectId: saved.id,
      detail: { countyCode, examples: model.training.examples, labels: model.labels, macroF1: model.training.crossValidation?.macroF1 ?? null, seconds: model.training.seconds },
    });
  });
  forgetClassifiers(ctx);
}

/** The latest job and the active model of a county (what the classifier page and the triage drawer show). */
export async function classifierStatus(ctx: AppContext, countyCode: string, opts: { countyWide: boolean }) {
  const job = await ctx.db.selectFrom('report_classifier_jobs').selectAll().where('county_code', '=', countyCode)
    .orderBy('started_at', 'desc').orderBy('id').executeTakeFirst();
  const model = await ctx.db.selectFrom('report_classifier_models as m').leftJoin('users as u', 'u.id', 'm.trained_by')
    .select(['m.id', 'm.trained_at', 'm.examples', 'm.macro_f1', 'm.labels', 'u.display_name as trainedBy'])
    .where('m.county_code', '=', countyCode).orderBy('m.trained_at', 'desc').orderBy('m.id').executeTakeFirst();
  const training = model ? (await activeClassifiers(ctx)).get(countyCode)?.classifier.model.training : undefined;
  return {
    job: job ? { id: job.id, status: job.status, progress: job.progress, stage: job.stage, error: job.error, modelId: job.model_id, startedAt: job.started_at, finishedAt: job.finished_at } : null,
    model: model ? {
      id: model.id, trainedAt: model.trained_at, trainedBy: model.trainedBy ?? null, examples: model.examples, macroF1: model.macro_f1, labels: model.labels,
      // Per-category counts are county-wide statistics: only for callers who see the whole county.
      perLabel: opts.countyWide ? training?.perLabel ?? null : null, perClass: opts.countyWide ? training?.crossValidation?.perLabel ?? null : null,
    } : null,
    minPerCategory: MIN_PER_CATEGORY,
  };
}

/** Periodic retrain: only counties with closed reports newer than their active model, and enough data. */
export async function retrainIfStale(ctx: AppContext, log: (msg: string) => void = () => undefined): Promise<number> {
  const counties = await ctx.db.selectFrom('reports').select('county_code').where('status', '=', 'closed').where('category', 'is not', null).distinct().execute();
  let trained = 0;
  for (const { county_code: county } of counties) {
    const last = await ctx.db.selectFrom('report_classifier_models').select('data_mark').where('county_code', '=', county).orderBy('trained_at', 'desc').executeTakeFirst();
    if (last?.data_mark) {
      const newer = await ctx.db.selectFrom('reports').select('id').where('county_code', '=', county).where('status', '=', 'closed')
        .where('category', 'is not', null)
        // data_mark came back through a JS Date (milliseconds); PostgreSQL keeps microseconds.
        .where(sql<boolean>`date_trunc('milliseconds', updated_at) > ${last.data_mark}`).executeTakeFirst();
      if (!newer) continue;
    }
    try {
      const { jobId, done } = await startTraining(ctx, county, null);
      await done;
      const job = await ctx.db.selectFrom('report_classifier_jobs').select(['status', 'error']).where('id', '=', jobId).executeTakeFirstOrThrow();
      if (job.status === 'succeeded') trained++;
      log(`report classifier for ${county}: ${job.status}${job.error ? ` (${job.error})` : ''}`);
    } catch (err) {
      log(`report classifier not retrained for ${county}: ${err instanceof AppError ? err.issues.map((i) => i.key).join(', ') : String(err)}`);
    }
  }
  return trained;
}
