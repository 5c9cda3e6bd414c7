import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { requireUnit, TOWNSHIP_KINDS } from '../campaigns/access';
import { auditActor } from '../org/unitService';
import type { ImportError, ImportPhase, SpendingImportsTable } from './db';
import { expenseRow } from './expenseService';
import { expensesFromRows, readExpenseSheet } from './excel';
import { screenIn, screeningInputs } from './screeningService';

/**
 * Imports as jobs, like the procurement imports: the upload answers at once (202) with the batch; the job reads and
 * validates every row (nothing written on any problem), then writes the rows, screens the county and records the
 * audit entry in one transaction. Progress: the batch row, overlaid with the running job's in-memory counters.
 */
const live = new Map<string, { phase: ImportPhase; processed: number; total: number }>();
const jobs = new Map<string, Promise<void>>();

/** Resolves when the job of a batch has finished (tests and the demo wait on it). */
export async function waitForImport(id: string): Promise<void> {
  await jobs.get(id);
}

/** Units of the county in the caller's scope, by name and by code (a name shared by two units is ambiguous: refused). */
export async function unitsInScope(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('units').select(['id', 'code', 'name', 'path', 'kind']).where('county_code', '=', actor.countyCode).where('active', '=', true)
    .where(scopeCondition(actor, 'units.id')).orderBy('path').execute();
}

async function finish(db: Kysely<DB>, id: string, set: { status: 'done' | 'failed'; errors?: ImportError[]; counts?: Record<string, number> }) {
  const l = live.get(id);
  await db.updateTable('spending_imports').set({
    status: set.status, phase: 'done', finished_at: new Date(), processed: l?.processed ?? 0, total: l?.total ?? 0,
    ...(set.errors ? { errors: JSON.stringify(set.errors) } : {}), ...(set.counts ? { counts: JSON.stringify(set.counts) } : {}),
  }).where('id', '=', id).execute();
}

async function runJob(ctx: AppContext, actor: Actor, id: string, buffer: Buffer, fileName: string): Promise<void> {
  const state = { phase: 'parse' as ImportPhase, processed: 0, total: 0 };
  live.set(id, state);
  try {
    const { rows, problems } = await readExpenseSheet(buffer);
    state.total = rows.length;
    const units = await unitsInScope(ctx.db, actor);
    const byName = new Map<string, (typeof units)[number] | null>();
    for (const u of units) byName.set(u.name, byName.has(u.name) ? null : u);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const unitOf = (text: string) => (byCode.get(text) ?? byName.get(text))?.id ?? null;
    const built = problems.length ? { inputs: [], problems } : expensesFromRows(rows, unitOf, todayInShanghai());
    state.processed = state.total;
    if (built.problems.length) return await finish(ctx.db, id, { status: 'failed', errors: built.problems });
    if (!built.inputs.length) return await finish(ctx.db, id, { status: 'failed', errors: [{ message: '工作表中没有数据行' }] });

    // The township of each unit, from the paths already read: the nearest township ancestor (or the unit itself).
    const towns = units.filter((u) => (TOWNSHIP_KINDS as readonly string[]).includes(u.kind));
    const townshipOf = (path: string) => towns.filter((t) => path.startsWith(t.path)).sort((a, b) => a.path.length - b.path.length)[0]?.code ?? null;
    const unitById = new Map(units.map((u) => [u.id, u]));
    state.phase = 'write';
    state.total = built.inputs.length;
    state.processed = 0;
    const inputs = await screeningInputs(ctx.db, actor.countyCode);
    let hits = 0;
    await ctx.db.transaction().execute(async (trx) => {
      const rowsToInsert = built.inputs.map(({ input }) => expenseRow(actor, input, { id: input.unitId }, townshipOf(unitById.get(input.unitId)!.path), id));
      for (let i = 0; i < rowsToInsert.length; i += 500) {
        await trx.insertInto('spending_expenses').values(rowsToInsert.slice(i, i + 500)).execute();
        state.processed = Math.min(i + 500, rowsToInsert.length);
      }
      state.phase = 'screen';
      hits = (await screenIn(trx, actor.countyCode, inputs)).hits;
      await ctx.audit.record(trx, auditActor(actor), { action: 'spending.import', objectType: 'spendingImport', objectId: id,
        detail: { fileName, records: rowsToInsert.length, hits } });
    });
    await finish(ctx.db, id, { status: 'done', counts: { records: built.inputs.length, hits } });
  } catch (err) {
    const message = err instanceof AppError ? `文件无法读取（${err.code}）` : `导入失败：${err instanceof Error ? err.message : String(err)}`;
    await finish(ctx.db, id, { status: 'failed', errors: [{ message }] }).catch(() => {});
  } finally {
    live.delete(id);
  }
}

export async function startImport(ctx: AppContext, actor: Actor, input: { buffer: Buffer; fileName: string }) {
  // The batch belongs to the caller's unit (its scope shows the batch to the same people who see the rows).
  await requireUnit(ctx.db, actor, actor.unitId, 'body.unitId');
  const row = await ctx.db.insertInto('spending_imports').values({
    county_code: actor.countyCode, unit_id: actor.unitId, file_name: input.fileName.slice(0, 200), sha256: createHash('sha256').update(input.buffer).digest('hex'),
    created_by: actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  jobs.set(row.id, runJob(ctx, actor, row.id, input.buffer, input.fileName).finally(() => jobs.delete(row.id)));
  return getImport(ctx.db, actor, row.id);
}

const columns = ['i.id', 'i.file_name', 'i.status', 'i.phase', 'i.total', 'i.processed', 'i.counts', 'i.errors', 'i.created_at', 'i.finished_at', 'users.display_name as createdByName'] as const;
type Stored = Pick<Selectable<SpendingImportsTable>, 'id' | 'file_name' | 'status' | 'phase' | 'total' | 'processed' | 'counts' | 'errors' | 'created_at' | 'finished_at'>;
function present(r: Stored & { createdByName: string | null }) {
  const l = live.get(r.id);
  return { id: r.id, fileName: r.file_name, status: r.status, phase: l?.phase ?? r.phase, total: l?.total ?? r.total, processed: l?.processed ?? r.processed,
    counts: r.counts, errors: r.errors, createdAt: r.created_at, finishedAt: r.finished_at, createdByName: r.createdByName };
}
/** Batches in the caller's scope (the unit the batch belongs to), with who uploaded it. */
const batches = (db: Kysely<DB>, actor: Actor) => db.selectFrom('spending_imports as i').leftJoin('users', 'users.id', 'i.created_by')
  .where('i.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'i.unit_id', 'i.created_by'));

export async function getImport(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await batches(db, actor).select(columns).where('i.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.spendingImport');
  return present(r);
}

export async function listImports(db: Kysely<DB>, actor: Actor, q: { page: number; pageSize: number }) {
  const base = batches(db, actor);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.select(columns).orderBy('i.created_at', 'desc').orderBy('i.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}
