import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition, unitInScope } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import type { BatchError, BatchPhase, RiskImportBatchesTable } from './db';
import { readWorkbook } from './excelSheets';
import { releasesFromSheets } from './excelImport';
import { ingest } from './ocds/ingest';
import type { Release } from './ocds/model';
import { screenCounty } from './screeningService';
import { loadStoreMaps, storeRelease, type StoreCounts } from './store';

/**
 * Imports as jobs: the upload answers at once with the batch row (202); the job parses and validates (nothing
 * written on any problem: all or nothing per file), writes every process in one transaction with its audit
 * entry, then runs the county's screening. Progress: the batch row's phase/processed/total, overlaid with the
 * running job's in-memory counters (inside the data transaction the row cannot show them to other readers).
 */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const live = new Map<string, { phase: BatchPhase; processed: number; total: number }>();
const jobs = new Map<string, Promise<void>>();

/** Resolves when the job of a batch has finished (tests and the demo wait on it). */
export async function waitForImport(batchId: string): Promise<void> {
  await jobs.get(batchId);
}

export interface UploadInput { buffer: Buffer; fileName: string; unitId: string; screen: boolean }

function looksLikePackage(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096).toString('utf8').trimStart();
  if (!head.startsWith('{')) return false;
  try {
    const doc = JSON.parse(buffer.toString('utf8')) as Record<string, unknown>;
    return !!doc && typeof doc === 'object' && (Array.isArray(doc.releases) || Array.isArray(doc.records));
  } catch {
    return false;
  }
}

async function parseOcds(buffer: Buffer, errors: BatchError[], progress: (n: number) => void): Promise<Release[]> {
  // ingest reads files (a package whole, JSON lines streamed); the upload is staged in a private temp folder.
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lianjian-risk-'));
  const file = path.join(dir, looksLikePackage(buffer) ? 'upload.json' : 'upload.jsonl');
  try {
    await fs.promises.writeFile(file, buffer, { mode: 0o600 });
    const releases: Release[] = [];
    const seen = new Map<string, number>();
    const p = await ingest(file, {
      release: (r, line) => {
        if (seen.has(r.ocid)) errors.push({ line, message: `第 ${line} 条：ocid“${r.ocid}”与第 ${seen.get(r.ocid)} 条重复（JSON lines 应为每个项目一条汇编发布）` });
        seen.set(r.ocid, line);
        releases.push(r);
        progress(releases.length);
      },
      rejection: (r) => errors.push({ line: r.line, message: `第 ${r.line} 行：${r.reason === 'invalid UTF-8' ? '不是有效的 UTF-8 编码' : `不是有效的 OCDS 发布（${r.detail}）`}` }),
    });
    if (p.linesSeen === 0 || (releases.length === 0 && errors.length === 0)) errors.push({ message: '文件中没有 OCDS 发布（release package、record package 或每行一条汇编发布）' });
    return releases;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

async function finish(db: Kysely<DB>, id: string, set: { status: 'done' | 'failed'; errors?: BatchError[]; counts?: Record<string, number> }) {
  const l = live.get(id);
  await db.updateTable('risk_import_batches').set({
    status: set.status, phase: 'done', finished_at: new Date(), processed: l?.processed ?? 0, total: l?.total ?? 0,
    ...(set.errors ? { errors: JSON.stringify(set.errors) } : {}), ...(set.counts ? { counts: JSON.stringify(set.counts) } : {}),
  }).where('id', '=', id).execute();
}

async function runJob(ctx: AppContext, actor: Actor, batchId: string, source: 'ocds' | 'excel', input: UploadInput): Promise<void> {
  const state = { phase: 'parse' as BatchPhase, processed: 0, total: 0 };
  live.set(batchId, state);
  const errors: BatchError[] = [];
  try {
    let releases: Release[];
    if (source === 'excel') {
      const { sheets, problems } = await readWorkbook(input.buffer);
      state.total = Object.values(sheets).reduce((n, rows) => n + rows.length, 0);
      const built = problems.length ? { releases: [], problems } : releasesFromSheets(actor.countyCode, sheets);
      for (const p of built.problems) errors.push({ sheet: p.sheet, row: p.row, column: p.column, message: `${p.sheet} 第 ${p.row} 行「${p.column ?? ''}」：${p.message}` });
      releases = built.releases;
      state.processed = state.total;
      if (!errors.length && releases.length === 0) errors.push({ message: '工作簿中没有数据行' });
    } else {
      releases = await parseOcds(input.buffer, errors, (n) => { state.processed = n; state.total = n; });
    }
    if (errors.length) return await finish(ctx.db, batchId, { status: 'failed', errors });

    state.phase = 'write';
    state.total = releases.length;
    state.processed = 0;
    const maps = await loadStoreMaps(ctx.db, actor.countyCode);
    const counts: StoreCounts = { processes: 0, bids: 0, awards: 0, contracts: 0, payments: 0 };
    await ctx.db.transaction().execute(async (trx) => {
      const target = { countyCode: actor.countyCode, unitId: input.unitId, batchId, createdBy: actor.userId, ...maps };
      for (const r of releases) {
        await storeRelease(trx, target, r, counts);
        state.processed += 1;
      }
      await trx.updateTable('risk_import_batches').set({ phase: 'screen', counts: JSON.stringify(counts), processed: state.processed, total: state.total }).where('id', '=', batchId).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'risk.import', objectType: 'riskImportBatch', objectId: batchId, detail: { source, fileName: input.fileName, ...counts } });
    });
    let hits: number | undefined;
    if (input.screen) {
      state.phase = 'screen';
      // The data is committed: a failed screening leaves the batch done, with the failure noted (re-run on demand).
      try {
        hits = (await screenCounty(ctx.db, actor.countyCode)).hits;
      } catch (err) {
        errors.push({ message: `数据已导入，但风险筛查未完成，请稍后重新筛查（${err instanceof Error ? err.message : String(err)}）` });
      }
    }
    await finish(ctx.db, batchId, { status: 'done', errors, counts: { ...counts, ...(hits === undefined ? {} : { hits }) } });
  } catch (err) {
    const message = err instanceof AppError ? `文件无法读取（${err.code}）` : `导入失败：${err instanceof Error ? err.message : String(err)}`;
    await finish(ctx.db, batchId, { status: 'failed', errors: [...errors, { message }] }).catch(() => {});
  } finally {
    live.delete(batchId);
  }
}

export async function startImport(ctx: AppContext, actor: Actor, input: UploadInput) {
  if (!(await unitInScope(ctx.db, actor, input.unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
  const source = input.buffer.subarray(0, 4).equals(ZIP_MAGIC) ? 'excel' : 'ocds';
  const row = await ctx.db.insertInto('risk_import_batches').values({
    county_code: actor.countyCode, unit_id: input.unitId, source, file_name: input.fileName.slice(0, 200),
    sha256: createHash('sha256').update(input.buffer).digest('hex'), created_by: actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  jobs.set(row.id, runJob(ctx, actor, row.id, source, input).finally(() => jobs.delete(row.id)));
  return getBatch(ctx.db, actor, row.id);
}

const batchColumns = ['id', 'source', 'file_name', 'sha256', 'status', 'phase', 'total', 'processed', 'counts', 'errors', 'unit_id', 'created_at', 'finished_at'] as const;

type BatchRow = Pick<Selectable<RiskImportBatchesTable>, (typeof batchColumns)[number]>;

function present(r: BatchRow) {
  const l = live.get(r.id);
  return {
    id: r.id, source: r.source, fileName: r.file_name, sha256: r.sha256, status: r.status, phase: l?.phase ?? r.phase, total: l?.total ?? r.total,
    processed: l?.processed ?? r.processed, counts: r.counts, errors: r.errors, unitId: r.unit_id, createdAt: r.created_at, finishedAt: r.finished_at,
  };
}

export async function getBatch(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await db.selectFrom('risk_import_batches').select(batchColumns).where('id', '=', id)
    .where(scopeCondition(actor, 'risk_import_batches.unit_id', 'risk_import_batches.created_by')).executeTakeFirst();
  if (!r) throw AppError.notFound('what.riskImport');
  return present(r);
}

export async function listBatches(db: Kysely<DB>, actor: Actor, q: { page: number; pageSize: number }) {
  const base = db.selectFrom('risk_import_batches').where('county_code', '=', actor.countyCode)
    .where(scopeCondition(actor, 'risk_import_batches.unit_id', 'risk_import_batches.created_by'));
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.select(batchColumns).orderBy('created_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

