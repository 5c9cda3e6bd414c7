import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { CompiledQuery, sql } from 'kysely';
import { migrate, migrationsDir } from '../db/migrate';
import { TEXT_FORM_SETTINGS } from './backup';
import { foreignKeyOrder, listForeignKeys, listTables, parentsFirst, quoteIdent, resetSequences, type ForeignKey, type TableInfo, type UntypedDb } from './catalog';
import { extractAndVerify, extractedFile, extractedTable } from './extract';
import { RestoreRefusedError, type Manifest, type ProgressFn } from './format';

type Row = Record<string, string | null>;

/** Keeps each INSERT well under PostgreSQL's 65,535 bind parameters. */
const PARAMS_PER_INSERT = 20_000;

export interface RestoreTarget { db: UntypedDb; filesDir: string }

export interface RestoreResult { manifest: Manifest; tables: number; rows: number; files: number; ms: number }

async function* readRows(file: string): AsyncGenerator<Row> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield JSON.parse(line) as Row;
}

async function hasAnyFile(dir: string): Promise<boolean> {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || (await hasAnyFile(path.join(dir, e.name)))) return true;
  }
  return false;
}

/**
 * A restore only fills an empty installation. Merging into live data would collide on keys and splice two
 * audit chains together, so any row anywhere (not only units or users) or any uploaded file refuses it.
 */
async function assertEmptyTarget(target: RestoreTarget): Promise<void> {
  const filled: string[] = [];
  for (const t of await listTables(target.db)) {
    const r = await sql.raw<{ filled: boolean }>(`select exists (select 1 from public.${quoteIdent(t.name)}) as filled`).execute(target.db);
    if (r.rows[0]?.filled) filled.push(t.name);
  }
  filled.sort((a, b) => Number(b === 'units' || b === 'users') - Number(a === 'units' || a === 'users'));
  if (filled.length > 0) {
    throw new RestoreRefusedError(`目标数据库不为空，拒绝恢复 The target database already holds data (${filled.join(', ')}). ` +
      'Restore only into a new, empty data folder or database.');
  }
  if (await hasAnyFile(target.filesDir)) {
    throw new RestoreRefusedError(`目标文件目录不为空，拒绝恢复 The files folder ${target.filesDir} is not empty. Restore only into a new, empty data folder.`);
  }
}

/**
 * The schema is rebuilt to exactly the backup's migrations, the rows go in, and only then do newer migrations
 * run, so they transform restored data the same way they would have transformed it in place.
 */
async function prepareSchema(db: UntypedDb, manifest: Manifest, work: string): Promise<void> {
  const available = new Set(fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, '')));
  const unknown = manifest.schemaMigrations.filter((m) => !available.has(m));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(`备份来自更高版本 The backup was made by a newer Lianjian (unknown migrations: ${unknown.join(', ')}). Upgrade first.`);
  }
  const ledger = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'schema_migrations'`.execute(db);
  const applied = ledger.rows[0].n > 0 ? (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name) : [];
  const ahead = applied.filter((m) => !manifest.schemaMigrations.includes(m));
  if (ahead.length > 0) {
    throw new RestoreRefusedError(`目标数据库结构比备份新 The target database has migrations the backup predates (${ahead.join(', ')}). ` +
      'Restore into a new data folder or database that no newer version has started on.');
  }
  const dir = path.join(work, 'migrations');
  await fs.promises.mkdir(dir);
  for (const m of manifest.schemaMigrations) await fs.promises.copyFile(path.join(migrationsDir, `${m}.sql`), path.join(dir, `${m}.sql`));
  await migrate(db, dir);
}

async function insertBatch(db: UntypedDb, table: TableInfo, columns: string[], rows: Row[]): Promise<void> {
  const types = columns.map((c) => table.columns.find((x) => x.name === c)!.type);
  const params: (string | null)[] = [];
  // Each value is bound as text and cast through its type's input function. Binding it directly as bytea or
  // jsonb would let the driver re-encode it (PGlite expects bytes for bytea and JSON-stringifies jsonb).
  const tuples = rows.map((r) => `(${columns.map((c, i) => { params.push(r[c] ?? null); return `$${params.length}::text::${types[i]}`; }).join(', ')})`);
  // Identity columns keep their original values; the audit chain hashes audit_log.id.
  const overriding = table.columns.some((c) => c.identity !== '' && columns.includes(c.name)) ? ' overriding system value' : '';
  const text = `insert into public.${quoteIdent(table.name)} (${columns.map(quoteIdent).join(', ')})${overriding} values ${tuples.join(', ')}`;
  await db.executeQuery(CompiledQuery.raw(text, params));
}

async function insertTables(db: UntypedDb, manifest: Manifest, work: string, onProgress?: ProgressFn): Promise<number> {
  const infos = new Map((await listTables(db)).map((t) => [t.name, t]));
  const fks: ForeignKey[] = await listForeignKeys(db);
  for (const [name, t] of Object.entries(manifest.tables)) {
    const info = infos.get(name);
    const missing = info ? t.columns.filter((c) => !info.columns.some((x) => x.name === c)) : [];
    if (!info || missing.length > 0) {
      throw new RestoreRefusedError(`The backup's ${name}${missing.length ? ` columns ${missing.join(', ')}` : ''} do not exist in this schema`);
    }
  }
  const order = foreignKeyOrder(Object.keys(manifest.tables), fks);
  let total = 0;
  await db.transaction().execute(async (trx) => {
    await sql.raw(TEXT_FORM_SETTINGS).execute(trx);
    // Some migrations seed reference rows (the built-in case types); the backup holds those rows as the office
    // left them (relabelled, disabled), so the seeded copies make way, children first.
    for (const name of [...order].reverse()) {
      const seeded = await sql.raw<{ n: number }>(`select count(*)::int as n from public.${quoteIdent(name)}`).execute(trx);
      if (seeded.rows[0].n > 0) await sql.raw(`delete from public.${quoteIdent(name)}`).execute(trx);
    }
    for (const [i, name] of order.entries()) {
      const info = infos.get(name)!;
      const columns = manifest.tables[name].columns;
      const perBatch = Math.max(1, Math.floor(PARAMS_PER_INSERT / Math.max(1, columns.length)));
      const selfFks = fks.filter((fk) => fk.table === name && fk.refTable === name);
      // A self-referencing table (units.parent_id) is small and must be sorted parents-first, so it is read whole.
      const rows: AsyncIterable<Row> | Row[] = selfFks.length > 0 ? parentsFirst(await fromAsync(readRows(extractedTable(work, name))), selfFks) : readRows(extractedTable(work, name));
      let batch: Row[] = [];
      for await (const row of rows) {
        batch.push(row);
        if (batch.length >= perBatch) { await insertBatch(trx, info, columns, batch); batch = []; }
      }
      if (batch.length > 0) await insertBatch(trx, info, columns, batch);
      total += manifest.tables[name].rows;
      onProgress?.({ phase: 'table', done: i + 1, total: order.length, name, rows: manifest.tables[name].rows });
    }
    await resetSequences(trx);
  });
  return total;
}

async function fromAsync<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function placeFiles(manifest: Manifest, work: string, filesDir: string, onProgress?: ProgressFn): Promise<number> {
  const rels = Object.keys(manifest.files);
  for (const [i, rel] of rels.entries()) {
    const from = extractedFile(work, rel);
    const to = path.join(filesDir, ...rel.split('/'));
    await fs.promises.mkdir(path.dirname(to), { recursive: true });
    // Rename when the work folder shares the disk; copy when it does not (EXDEV).
    await fs.promises.rename(from, to).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EXDEV') throw err;
      await fs.promises.copyFile(from, to, fs.constants.COPYFILE_EXCL);
    });
    if ((i + 1) % 100 === 0 || i + 1 === rels.length) onProgress?.({ phase: 'files', done: i + 1, total: rels.length });
  }
  return rels.length;
}

/**
 * Verify the whole file, then open the target (only now: a corrupted file never even creates a database),
 * check it is empty, rebuild the schema, insert every table in one transaction, then place the files.
 */
export async function restoreBackup(file: string, openTarget: () => Promise<RestoreTarget>, opts: { onProgress?: ProgressFn; workDir?: string } = {}): Promise<RestoreResult> {
  const started = Date.now();
  const work = await fs.promises.mkdtemp(path.join(opts.workDir ?? os.tmpdir(), 'lianjian-restore-'));
  try {
    const manifest = await extractAndVerify(file, work, opts.onProgress);
    const target = await openTarget();
    await assertEmptyTarget(target);
    await prepareSchema(target.db, manifest, work);
    const rows = await insertTables(target.db, manifest, work, opts.onProgress);
    await migrate(target.db);
    // PGlite has no autovacuum: without statistics the planner would treat every restored table as empty.
    await sql`analyze`.execute(target.db);
    const files = await placeFiles(manifest, work, target.filesDir, opts.onProgress);
    return { manifest, tables: Object.keys(manifest.tables).length, rows, files, ms: Date.now() - started };
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
