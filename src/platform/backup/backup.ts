import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Engine } from '../db/database';
import { version } from '../version';
import { listTables, quoteIdent, type UntypedDb } from './catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, fileEntry, MANIFEST_ENTRY, tableEntry, type Manifest, type ProgressFn } from './format';
import { tarStream, type TarSource } from './tar';

const FETCH = 2000;

/**
 * Settings that fix how values are printed, so the dump is the same whichever engine or server defaults
 * produced it: ISO dates, UTC offsets, hex bytea and floats with enough digits to read back the same value.
 */
export const TEXT_FORM_SETTINGS = "set local datestyle = 'ISO, YMD'; set local timezone = 'UTC'; set local intervalstyle = 'postgres'; " +
  "set local extra_float_digits = 3; set local bytea_output = 'hex'";

interface DumpedTable { name: string; rows: number; sha256: string; columns: string[]; file: string; size: number }

/**
 * Every table, read inside one read-only REPEATABLE READ transaction: all tables come from the same snapshot,
 * so an audit entry and the change it describes are either both in the backup or both absent. A cursor keeps
 * memory flat whatever the table size.
 */
async function dumpTables(db: UntypedDb, dir: string, onProgress?: ProgressFn): Promise<{ tables: DumpedTable[]; migrations: string[] }> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await sql.raw('set transaction read only').execute(trx);
    await sql.raw(TEXT_FORM_SETTINGS).execute(trx);
    const migrations = (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(trx)).rows.map((r) => r.name);
    const infos = await listTables(trx);
    const tables: DumpedTable[] = [];
    for (const t of infos) {
      const file = path.join(dir, `${tables.length}.jsonl`);
      const fh = await fs.promises.open(file, 'w');
      const hash = createHash('sha256');
      let rows = 0;
      let size = 0;
      try {
        const cols = t.columns.map((c) => `${quoteIdent(c.name)}::text as ${quoteIdent(c.name)}`).join(', ');
        // Primary-key order makes two backups of the same data byte-identical and keeps parents early.
        const order = t.primaryKey.length > 0 ? ` order by ${t.primaryKey.map(quoteIdent).join(', ')}` : '';
        await sql.raw(`declare lianjian_backup no scroll cursor for select ${cols} from public.${quoteIdent(t.name)}${order}`).execute(trx);
        for (;;) {
          const batch = await sql.raw<Record<string, string | null>>(`fetch forward ${FETCH} from lianjian_backup`).execute(trx);
          if (batch.rows.length > 0) {
            const buf = Buffer.from(batch.rows.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
            hash.update(buf);
            await fh.write(buf);
            rows += batch.rows.length;
            size += buf.length;
          }
          if (batch.rows.length < FETCH) break;
        }
        await sql.raw('close lianjian_backup').execute(trx);
      } finally {
        await fh.close();
      }
      tables.push({ name: t.name, rows, sha256: hash.digest('hex'), columns: t.columns.map((c) => c.name), file, size });
      onProgress?.({ phase: 'table', done: tables.length, total: infos.length, name: t.name, rows });
    }
    return { tables, migrations };
  });
}

interface FoundFile { rel: string; abs: string; size: number }

/** Regular files under the folder (symlinks and sockets are not uploads and are skipped); none if it is missing. */
async function listFiles(root: string): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(abs, rel);
      else if (e.isFile()) out.push({ rel, abs, size: (await fs.promises.stat(abs)).size });
    }
  };
  await walk(root, '');
  return out;
}

export interface BackupResult { file: string; bytes: number; manifest: Manifest; ms: number }

export interface BackupSource { db: UntypedDb; engine: Engine; filesDir: string }

/**
 * Write the database and the uploaded files into one tar.gz. The database snapshot is taken first and the
 * files copied after it: uploads are write-once, so every file the snapshot refers to is already there.
 * The archive is written under a temporary name and renamed at the end, so a failed run never leaves a
 * half-written file that looks like a backup.
 */
export async function createBackup(source: BackupSource, file: string, opts: { onProgress?: ProgressFn } = {}): Promise<BackupResult> {
  const started = Date.now();
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lianjian-backup-'));
  const partial = `${file}.partial`;
  try {
    const { tables, migrations } = await dumpTables(source.db, work, opts.onProgress);
    const found = await listFiles(source.filesDir);
    const manifest: Manifest = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date(started).toISOString(), appVersion: version,
      engine: source.engine, schemaMigrations: migrations,
      tables: Object.fromEntries(tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256, columns: t.columns }])),
      files: {},
    };
    async function* entries(): AsyncGenerator<TarSource> {
      for (const t of tables) yield { name: tableEntry(t.name), size: t.size, body: () => fs.createReadStream(t.file) };
      let done = 0;
      for (const f of found) {
        const hash = createHash('sha256');
        yield {
          name: fileEntry(f.rel), size: f.size,
          body: async function* () {
            for await (const chunk of fs.createReadStream(f.abs)) { hash.update(chunk as Buffer); yield chunk as Buffer; }
          },
        };
        manifest.files[f.rel] = hash.digest('hex');
        done += 1;
        if (done % 100 === 0 || done === found.length) opts.onProgress?.({ phase: 'files', done, total: found.length });
      }
      const body = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
      yield { name: MANIFEST_ENTRY, size: body.length, body: () => [body] };
    }
    await pipeline(Readable.from(tarStream(entries(), Math.floor(started / 1000)), { objectMode: false }), createGzip(), fs.createWriteStream(partial));
    await fs.promises.rename(partial, file);
    return { file, bytes: (await fs.promises.stat(file)).size, manifest, ms: Date.now() - started };
  } finally {
    await fs.promises.rm(partial, { force: true });
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
