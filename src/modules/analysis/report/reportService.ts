import type { Kysely } from 'kysely';
import '../db';
import { todayInShanghai } from '../../../platform/calendar/dates';
import type { DB } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/scope/actor';
import { evaluateMetrics, type MetricResult } from '../evaluate';
import { provinceName } from '../scale/divisions';
import { yearOnYear, type Period } from '../periods';
import type { MetricQuery } from '../registry';
import { composeReport } from './compose';
import type { ReportModel } from './model';
import { renderOfficialDocument } from './officialDocument';
import { defaultTemplates, templatesSchema, type ReportTemplates } from './templates';

export const TEMPLATES_KEY = 'analysis.reportTemplates';

export async function loadTemplates(db: Kysely<DB>): Promise<ReportTemplates> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', TEMPLATES_KEY).executeTakeFirst();
  const parsed = row ? templatesSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : defaultTemplates;
}

async function countyName(db: Kysely<DB>, countyCode: string): Promise<string> {
  // A province-level report (2-digit code) is named from the division data: provinces have no unit row.
  if (/^\d{2}$/.test(countyCode)) return provinceName(countyCode);
  const row = await db.selectFrom('units').select('name').where('code', '=', countyCode).executeTakeFirst();
  if (!row) throw AppError.field('county', 'field.unitNotFound');
  return row.name;
}

export interface GeneratedReport { id: string; period: Period; metrics: Record<string, MetricResult>; model: ReportModel; docx: Buffer }

export interface GenerateOptions {
  query: Omit<MetricQuery, 'period'>;
  period: Period;
  nextSteps?: string[];
  generatedBy: string | null;
  /** The date printed on the document; defaults to today in China. */
  date?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

/** Evaluate, compose, render and freeze one report, all from the same metric values. */
export async function generateReport(opts: GenerateOptions): Promise<GeneratedReport> {
  const { db, countyCode } = opts.query;
  const progress = opts.onProgress ?? (() => undefined);
  progress('metrics', 0, 4);
  // The period and its 同比 are independent reads: on PostgreSQL they overlap on the pool's connections.
  const [metrics, yoy] = await Promise.all([
    evaluateMetrics(opts.query, opts.period),
    evaluateMetrics(opts.query, yearOnYear(opts.period)).finally(() => progress('comparison', 1, 4)),
  ]);
  const templates = await loadTemplates(db);
  const date = opts.date ?? todayInShanghai();
  const name = await countyName(db, countyCode);
  progress('compose', 2, 4);
  const model = composeReport({
    period: opts.period, metrics, yoy, countyCode, countyName: name, date,
    issuer: `中共${name}纪律检查委员会`,
    templates: opts.nextSteps ? { ...templates, nextSteps: opts.nextSteps } : templates,
  });
  progress('document', 3, 4);
  const docx = await renderOfficialDocument(model);
  const row = await db.insertInto('analysis_reports').values({
    county_code: countyCode, period_key: opts.period.key, period: JSON.stringify(opts.period), metrics: JSON.stringify(metrics),
    model: JSON.stringify(model), docx, generated_by: opts.generatedBy,
  }).returning('id').executeTakeFirstOrThrow();
  progress('done', 4, 4);
  return { id: row.id, period: opts.period, metrics, model, docx };
}

/** The report is county-wide: only a user whose scope covers the whole county may generate or read one. */
export function assertCountyWide(actor: Actor): void {
  if (!actor.scope.all) throw new AppError('FORBIDDEN');
}

/** The JSON form of the contract: period, metrics (value/unit/label/recordIds or unavailable), sections. */
export function reportJson(r: Pick<GeneratedReport, 'period' | 'metrics' | 'model'>) {
  const metrics = Object.fromEntries(Object.entries(r.metrics).map(([k, m]) => [k, 'unavailable' in m
    ? { unavailable: true, unit: m.unit, label: m.label }
    : { value: m.value, unit: m.unit, label: m.label, recordIds: m.recordIds, ...(m.recordCount !== undefined ? { recordCount: m.recordCount } : {}) }]));
  return { period: r.period.key, periodLabel: r.period.labelZh, from: r.period.from, to: r.period.to, metrics, sections: r.model.sections, title: r.model.title };
}

export interface MetricChange { key: string; label: string; frozen: number | null; current: number | null; added: string[]; removed: string[] }

/** What changed in the records since a report was frozen: per metric, the ids that joined or left. */
export async function changesSince(query: Omit<MetricQuery, 'period'>, period: Period, frozen: Record<string, MetricResult>): Promise<MetricChange[]> {
  const current = await evaluateMetrics(query, period, Object.keys(frozen));
  const out: MetricChange[] = [];
  for (const [key, f] of Object.entries(frozen)) {
    const c = current[key];
    const fIds = 'recordIds' in f ? f.recordIds : [];
    const cIds = c && 'recordIds' in c ? c.recordIds : [];
    const fv = 'value' in f ? f.value : null;
    const cv = c && 'value' in c ? c.value : null;
    const fs = new Set(fIds); const cs = new Set(cIds);
    // A capped list (province scale) holds only the first ids: comparing those would report false changes.
    const capped = ('recordCount' in f && f.recordCount !== undefined) || (!!c && 'recordCount' in c && c.recordCount !== undefined);
    const added = capped ? [] : cIds.filter((id) => !fs.has(id)); const removed = capped ? [] : fIds.filter((id) => !cs.has(id));
    if (fv !== cv || added.length || removed.length) out.push({ key, label: f.label, frozen: fv, current: cv, added, removed });
  }
  return out;
}
