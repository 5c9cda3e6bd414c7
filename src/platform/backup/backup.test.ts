import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, createTestDatabaseUrl } from '../../../test/helpers';
import { AuditLog } from '../audit/auditLog';
import { verifyAuditChain } from '../audit/verify';
import type { AppContext } from '../context';
import { openDatabase, type Database } from '../db/database';
import { migrationsDir } from '../db/migrate';
import { createBackup, TEXT_FORM_SETTINGS } from './backup';
import { listTables, type UntypedDb } from './catalog';
import { CorruptBackupError, RestoreRefusedError } from './format';
import { restoreBackup } from './restore';
import { readTar, tarStream } from './tar';

// A table no migration creates, holding the awkward types the Lianjian tables do not (yet) use.
const PROBE = `create table backup_probe (id int primary key, b bytea, arr text[], ids uuid[], j jsonb, d date, ts timestamptz,
  t timestamp, n numeric, f float8, iv interval, txt text, parent int references backup_probe(id))`;
const PROBE_ROWS = `insert into backup_probe values
  (2, '\\x00ff10ab'::bytea, array['a,b', 'quote"d', null, '{}', ''], array[gen_random_uuid()], '{"big": 12345678901234567890.123, "zh": "廉鉴", "n": [1, {"x": null}]}',
   '2024-02-29', '2026-11-26 09:00:00.123456+08', '1999-12-31 23:59:59.999999', 1234567890.123456789012345, 0.1, '1 year 2 mons 3 days 04:05:06.789',
   E'line1\\nline2\\u2028 😀 \\\\ "q"', null),
  (1, ''::bytea, '{}', '{}', 'null', 'infinity', '-infinity', 'infinity', 'NaN', 'NaN', '-1 day', '', 3),
  (3, null, null, null, null, null, null, null, null, 1e-300, null, null, 2)`;

/** Every table's rows in text form under fixed output settings, so "identical" means identical bytes. */
async function snapshot(db: UntypedDb): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(TEXT_FORM_SETTINGS).execute(trx);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(trx)) {
      const rows = await sql.raw<{ r: string }>(`select x::text as r from public."${t.name}" x order by 1`).execute(trx);
      out[t.name] = rows.rows.map((r) => r.r);
    }
    return out;
  });
}

async function blankDatabase(engine: 'pglite' | 'postgresql'): Promise<{ database: Database; close: () => Promise<void> }> {
  const { url, drop } = engine === 'postgresql' ? await createTestDatabaseUrl() : { url: undefined, drop: async () => undefined };
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  return { database, close: async () => { await database.close(); await drop(); } };
}

/** Rewrite an archive entry by entry (the gzip stays valid), to corrupt contents behind the checksums. */
async function repack(from: string, to: string, edit: (name: string, data: Buffer) => Buffer | null): Promise<void> {
  const entries: { name: string; data: Buffer }[] = [];
  await pipeline(fs.createReadStream(from), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    await readTar(source, (name) => {
      const parts: Buffer[] = [];
      return { write: (b) => { parts.push(b); }, end: () => { entries.push({ name, data: Buffer.concat(parts) }); } };
    });
  });
  const edited = entries.flatMap((e) => { const data = edit(e.name, e.data); return data ? [{ name: e.name, data }] : []; });
  await pipeline(Readable.from(tarStream(edited.map((e) => ({ name: e.name, size: e.data.length, body: () => [e.data] }))), { objectMode: false }),
    createGzip(), fs.createWriteStream(to));
}

describe('backup and restore', () => {
  let source: { ctx: AppContext; close: () => Promise<void> };
  let tmp: string;
  let backupFile: string;
  let sourceFiles: string;
  const closers: (() => Promise<void>)[] = [];
  const fileBodies: Record<string, Buffer> = {
    'cases/2026/证据 1.pdf': Buffer.from('%PDF-1.7 廉鉴 evidence'),
    [`${'deep/'.repeat(30)}long-name.bin`]: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)),
    'empty.txt': Buffer.alloc(0),
  };

  beforeAll(async () => {
    source = await createTestContext();
    tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lianjian-backup-test-'));
    sourceFiles = path.join(tmp, 'source-files');
    for (const [rel, body] of Object.entries(fileBodies)) {
      await fs.promises.mkdir(path.dirname(path.join(sourceFiles, rel)), { recursive: true });
      await fs.promises.writeFile(path.join(sourceFiles, rel), body);
    }
    await sql.raw(PROBE).execute(source.ctx.db);
    await sql.raw(PROBE_ROWS).execute(source.ctx.db);
    for (let i = 0; i < 25; i++) {
      await source.ctx.audit.record(source.ctx.db, { username: 'admin', clientIp: '10.0.0.1' }, { action: 'test.entry', objectId: String(i), detail: { i, zh: '审计', nested: { b: [1, 2], a: null } } });
    }
    await source.ctx.audit.linkPending();
    // One entry stays unlinked: the restored chain must link it like the original would have.
    await source.ctx.audit.record(source.ctx.db, null, { action: 'test.unlinked' });
    backupFile = path.join(tmp, 'office.tar.gz');
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await source?.close();
    if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
  });

  it('writes one archive with a manifest of every table and file', async () => {
    const progress = vi.fn();
    const r = await createBackup({ db: source.ctx.db, engine: source.ctx.engine, filesDir: sourceFiles }, backupFile, { onProgress: progress });
    expect(r.manifest.format).toBe('lianjian-backup');
    expect(r.manifest.engine).toBe(source.ctx.engine);
    const applied = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, '')).sort();
    expect(r.manifest.schemaMigrations).toEqual(applied);
    expect(Object.keys(r.manifest.tables)).not.toContain('schema_migrations');
    const snap = await snapshot(source.ctx.db);
    for (const [name, rows] of Object.entries(snap)) expect(r.manifest.tables[name]?.rows, name).toBe(rows.length);
    expect(Object.keys(r.manifest.files).sort()).toEqual(Object.keys(fileBodies).sort());
    expect(progress).toHaveBeenCalledWith(expect.objectContaining({ phase: 'table', done: Object.keys(snap).length, total: Object.keys(snap).length }));
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);
  });

  it('restores into an empty database: identical rows, files, sequences and an intact audit chain', async () => {
    const target = await blankDatabase(source.ctx.engine);
    closers.push(target.close);
    const targetFiles = path.join(tmp, 'target-files');
    const r = await restoreBackup(backupFile, async () => {
      // The probe table is not created by migrations; an office on a newer version would have it from one.
      await sql.raw(PROBE).execute(target.database.db).catch(() => undefined);
      return { db: target.database.db, filesDir: targetFiles };
    }, { onProgress: () => undefined });
    expect(r.files).toBe(Object.keys(fileBodies).length);
    expect(await snapshot(target.database.db)).toEqual(await snapshot(source.ctx.db));
    for (const [rel, body] of Object.entries(fileBodies)) expect(await fs.promises.readFile(path.join(targetFiles, rel))).toEqual(body);

    const audit = new AuditLog(target.database.db, 'sm3');
    expect(await audit.linkPending()).toBe(1);
    await audit.record(target.database.db, null, { action: 'test.afterRestore' });
    await audit.linkPending();
    const v = await verifyAuditChain(target.database.db);
    expect(v).toMatchObject({ ok: true, checked: 27 });
    const ids = await sql<{ id: number }>`select id from audit_log where action = 'test.afterRestore'`.execute(target.database.db);
    const maxBefore = await sql<{ m: number }>`select max(id)::int as m from audit_log where action <> 'test.afterRestore'`.execute(target.database.db);
    expect(ids.rows[0].id).toBeGreaterThan(maxBefore.rows[0].m);
  });

  it.skipIf(!process.env.DATABASE_URL)('moves between engines: PostgreSQL backup into PGlite, its backup back into PostgreSQL', async () => {
    const pglite = await blankDatabase('pglite');
    const pg = await blankDatabase('postgresql');
    closers.push(pglite.close, pg.close);
    const open = (d: Database, dir: string) => async () => {
      await sql.raw(PROBE).execute(d.db).catch(() => undefined);
      return { db: d.db, filesDir: path.join(tmp, dir) };
    };
    await restoreBackup(backupFile, open(pglite.database, 'x1'));
    const fromPglite = path.join(tmp, 'from-pglite.tar.gz');
    await createBackup({ db: pglite.database.db, engine: 'pglite', filesDir: path.join(tmp, 'x1') }, fromPglite);
    await restoreBackup(fromPglite, open(pg.database, 'x2'));
    expect(await snapshot(pg.database.db)).toEqual(await snapshot(source.ctx.db));
    expect((await verifyAuditChain(pg.database.db)).ok).toBe(true);
  });

  async function expectRefusedUntouched(file: string, error: new (...a: never[]) => Error, part: RegExp) {
    const openTarget = vi.fn(async () => ({ db: source.ctx.db, filesDir: path.join(tmp, 'never') }));
    const err = await restoreBackup(file, openTarget).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(error);
    expect((err as Error).message).toMatch(part);
    // Verification comes first: the target is not even opened, so nothing can have been written to it.
    expect(openTarget).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false);
  }

  it('refuses a file with a flipped byte', async () => {
    const bytes = await fs.promises.readFile(backupFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0x55;
    const bad = path.join(tmp, 'flipped.tar.gz');
    await fs.promises.writeFile(bad, bytes);
    await expectRefusedUntouched(bad, CorruptBackupError, /^备份文件已损坏 The backup file is corrupted: /);
  });

  it('refuses a truncated file', async () => {
    const bytes = await fs.promises.readFile(backupFile);
    const bad = path.join(tmp, 'truncated.tar.gz');
    await fs.promises.writeFile(bad, bytes.subarray(0, bytes.length - 700));
    await expectRefusedUntouched(bad, CorruptBackupError, /corrupted: /);
  });

  it('names the table whose rows were changed behind a valid compression layer', async () => {
    const bad = path.join(tmp, 'edited.tar.gz');
    await repack(backupFile, bad, (name, data) => (name === 'tables/officials.jsonl' ? Buffer.from(data.toString().replace(/"male"/, '"female"')) : data));
    await expectRefusedUntouched(bad, CorruptBackupError, /corrupted: tables\/officials\.jsonl \(checksum mismatch\)/);
  });

  it('refuses a backup whose uploaded file was changed or left out', async () => {
    const changed = path.join(tmp, 'changed.tar.gz');
    await repack(backupFile, changed, (name, data) => (name === 'files/empty.txt' ? Buffer.from('x') : data));
    await expectRefusedUntouched(changed, CorruptBackupError, /files\/empty\.txt \(checksum mismatch\)/);
    const missing = path.join(tmp, 'missing.tar.gz');
    await repack(backupFile, missing, (name, data) => (name === 'files/cases/2026/证据 1.pdf' ? null : data));
    await expectRefusedUntouched(missing, CorruptBackupError, /files\/cases\/2026\/证据 1\.pdf is missing/);
  });

  it('refuses a backup made by a newer version', async () => {
    const bad = path.join(tmp, 'newer.tar.gz');
    await repack(backupFile, bad, (name, data) => {
      if (name !== 'manifest.json') return data;
      const m = JSON.parse(data.toString()) as { schemaMigrations: string[] };
      m.schemaMigrations.push('29991231000000_future');
      return Buffer.from(JSON.stringify(m));
    });
    const empty = await blankDatabase(source.ctx.engine);
    closers.push(empty.close);
    const err = await restoreBackup(bad, async () => ({ db: empty.database.db, filesDir: path.join(tmp, 'newer-files') })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefusedError);
    expect((err as Error).message).toMatch(/29991231000000_future/);
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(empty.database.db);
    expect(tables.rows[0].n).toBe(0);
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const before = await snapshot(source.ctx.db);
    const err = await restoreBackup(backupFile, async () => ({ db: source.ctx.db, filesDir: path.join(tmp, 'nonempty-files') })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefusedError);
    expect((err as Error).message).toMatch(/already holds data \(units, users, /);
    expect(await snapshot(source.ctx.db)).toEqual(before);
  });
});
