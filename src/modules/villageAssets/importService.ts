import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { requireVillage } from './access';
import type { BatchError, BatchPhase, VillageImportBatchesTable } from './db';
import { writeLedger } from './ledgerService';
import { parseLedger, type ParsedLedger } from './parseRows';
import { screenCounty } from './screeningService';
import { headerOf, readWorkbook, type SheetProblem } from './sheets';

/**
 * A village ledger import as a job: the upload answers at once with the batch (202); the job reads and validates
 * the workbook (any problem: nothing written), checks rows against the village's stored ledger (a row already
 * imported is a problem), writes all rows in one transaction with the audit entry, then screens the county.
 * Progress: the batch row, overlaid with the running job's counters (the write transaction hides them).
 */
const live = new Map<string, { phase: BatchPhase; processed: number; total: number }>();
const jobs = new Map<string, Promise<void>>();

export async function waitForImport(batchId: string): Promise<void> {
  await jobs.get(batchId);
}

async function duplicates(db: Kysely<DB>, villageId: string, l: ParsedLedger): Promise<SheetProblem[]> {
  const out: SheetProblem[] = [];
  if (l.entries.length) {
    const stored = await db.selectFrom('village_fund_entries').select(['entry_date', 'voucher_no', 'amount', 'counterparty']).where('unit_id', '=', villageId).execute();
    const keys = new Set(stored.map((r) => `${r.entry_date}|${r.voucher_no}|${Number(r.amount)}|${r.counterparty}`));
    for (const e of l.entries) {
      if (keys.has(`${e.date}|${e.voucherNo}|${e.amount}|${e.counterparty}`)) out.push({ sheet: '资金收支', row: e.row, column: headerOf('资金收支', 'voucherNo'), message: `凭证号“${e.voucherNo}”的这笔收支已导入过` });
    }
  }
  if (l.contracts.length) {
    const stored = new Set((await db.selectFrom('village_contracts').select('contract_no').where('unit_id', '=', villageId).execute()).map((r) => r.contract_no));
    for (const c of l.contracts) if (stored.has(c.contractNo)) out.push({ sheet: '合同', row: c.row, column: headerOf('合同', 'contractNo'), message: `合同编号“${c.contractNo}”已导入过` });
  }
  return out;
}

async function finish(db: Kysely<DB>, id: string, set: { status: 'done' | 'failed'; errors?: BatchError[]; counts?: Record<string, number> }) {
  const l = live.get(id);
  await db.updateTable('village_import_batches').set({
    status: set.status, phase: 'done', finished_at: new Date(), processed: l?.processed ?? 0, total: l?.total ?? 0,
    ...(set.errors ? { errors: JSON.stringify(set.errors) } : {}), ...(set.counts ? { counts: JSON.stringify(set.counts) } : {}),
  }).where('id', '=', id).execute();
}

async function runJob(ctx: AppContext, actor: Actor, batchId: string, village: { id: string; name: string; townshipCode: string | null }, input: { buffer: Buffer; fileName: string }) {
  const state = { phase: 'parse' as BatchPhase, processed: 0, total: 0 };
  live.set(batchId, state);
  const errors: BatchError[] = [];
  const report = (ps: SheetProblem[]) => { for (const p of ps) errors.push({ sheet: p.sheet, row: p.row, column: p.column, message: `${p.sheet} 第 ${p.row} 行「${p.column ?? ''}」：${p.message}` }); };
  try {
    const { sheets, problems } = await readWorkbook(input.buffer);
    state.total = Object.values(sheets).reduce((n, rows) => n + rows.length, 0);
    const parsed = parseLedger(sheets, todayInShanghai());
    report(problems.length ? problems : parsed.problems);
    if (!errors.length) report(await duplicates(ctx.db, village.id, parsed.ledger));
    state.processed = state.total;
    if (!errors.length && state.total === 0) errors.push({ message: '工作簿中没有数据行' });
    if (errors.length) return await finish(ctx.db, batchId, { status: 'failed', errors });

    state.phase = 'write';
    state.processed = 0;
    const counts = await ctx.db.transaction().execute(async (trx) => {
      const c = await writeLedger(trx, { countyCode: actor.countyCode, villageId: village.id, townshipCode: village.townshipCode, batchId, createdBy: actor.userId }, parsed.ledger,
        (n) => { state.processed = n; });
      await trx.updateTable('village_import_batches').set({ phase: 'screen', counts: JSON.stringify(c), processed: state.processed, total: state.total }).where('id', '=', batchId).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'villageAssets.import', objectType: 'villageImportBatch', objectId: batchId, detail: { village: village.name, fileName: input.fileName, ...c } });
      return c;
    });
    state.phase = 'screen';
    let hits: number | undefined;
    // The rows are committed: a failed screening leaves the batch done with the failure noted (re-run on demand).
    try {
      hits = (await screenCounty(ctx, actor)).hits;
    } catch (err) {
      errors.push({ message: `台账已导入，但异常筛查未完成，请稍后重新筛查（${err instanceof Error ? err.message : String(err)}）` });
    }
    await finish(ctx.db, batchId, { status: 'done', errors, counts: { ...counts, ...(hits === undefined ? {} : { hits }) } });
  } catch (err) {
    const message = err instanceof AppError ? `文件无法读取（${err.code}）` : `导入失败：${err instanceof Error ? err.message : String(err)}`;
    await finish(ctx.db, batchId, { status: 'failed', errors: [...errors, { message }] }).catch(() => {});
  } finally {
    live.delete(batchId);
  }
}

export async function startImport(ctx: AppContext, actor: Actor, input: { buffer: Buffer; fileName: string; villageId: string }) {
  const village = await requireVillage(ctx.db, actor, input.villageId, 'body.villageId');
  const row = await ctx.db.insertInto('village_import_batches').values({
    county_code: actor.countyCode, unit_id: village.id, file_name: input.fileName.slice(0, 200), sha256: createHash('sha256').update(input.buffer).digest('hex'), created_by: actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  jobs.set(row.id, runJob(ctx, actor, row.id, village, input).finally(() => jobs.delete(row.id)));
  return getBatch(ctx.db, actor, row.id);
}

const batchColumns = ['id', 'file_name', 'sha256', 'status', 'phase', 'total', 'processed', 'counts', 'errors', 'unit_id', 'created_at', 'finished_at'] as const;
type BatchRow = Pick<Selectable<VillageImportBatchesTable>, (typeof batchColumns)[number]>;

function present(r: BatchRow) {
  const l = live.get(r.id);
  return {
    id: r.id, fileName: r.file_name, sha256: r.sha256, status: r.status, phase: l?.phase ?? r.phase, total: l?.total ?? r.total, processed: l?.processed ?? r.processed,
    counts: r.counts, errors: r.errors, villageId: r.unit_id, createdAt: r.created_at, finishedAt: r.finished_at,
  };
}

export async function getBatch(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await db.selectFrom('village_import_batches').select(batchColumns).where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(scopeCondition(actor, 'village_import_batches.unit_id', 'village_import_batches.created_by')).executeTakeFirst();
  if (!r) throw AppError.notFound('what.villageImport');
  return present(r);
}
