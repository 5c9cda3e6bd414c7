import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pgliteDialect';
import { usePreparedStatements } from './prepared';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The embedded engine, when that is what runs (backup uses it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

/**
 * Both engines return the same JS shapes: int8 (counts, sequences) as numbers, `date` as 'YYYY-MM-DD'
 * strings (never shifted by the server's time zone), numeric as strings (money stays exact).
 */
const parsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
  [NUMERIC]: (v: string) => v,
};

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded engine; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // The server may end an idle connection (restart, failover, an administrator's terminate): the pool drops
    // that client and opens a new one on the next checkout. Without a listener, node-postgres would raise the
    // error as unhandled and take the whole process down.
    pool.on('error', (err) => {
      process.stderr.write(`PostgreSQL connection lost (${(err as { code?: string }).code ?? err.message}); it will be replaced\n`);
    });
    pool.on('connect', (client) => {
      usePreparedStatements(client);
      void client.query("set time zone 'Asia/Shanghai'");
    });
    // Parsers are per pool via the `types` option so other pg users in-process are unaffected.
    (pool.options as pg.PoolConfig).types = {
      getTypeParser: ((oid: number, format?: string) =>
        (parsers as Record<number, (v: string) => unknown>)[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    };
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgresql', close: () => db.destroy() };
  }
  const dir = opts.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { parsers, relaxedDurability: false });
  await pglite.exec("set time zone 'Asia/Shanghai'");
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}
