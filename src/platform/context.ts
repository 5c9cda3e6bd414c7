import type { Kysely } from 'kysely';
import { AuditLog } from './audit/auditLog';
import type { Config } from './config';
import { openDatabase, type Database, type Engine } from './db/database';
import { migrate } from './db/migrate';
import type { DB } from './db/schema';

/** What every service needs, created once per process and passed down explicitly (no globals). */
export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  engine: Engine;
  database: Database;
  audit: AuditLog;
}

export async function createContext(config: Config, opts: { migrate?: boolean } = {}): Promise<AppContext> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : dbDir(config), poolSize: config.databasePoolSize });
  if (opts.migrate !== false) await migrate(database.db);
  const audit = new AuditLog(database.db, config.auditHash);
  return { config, db: database.db, engine: database.engine, database, audit };
}

export function dbDir(config: Config): string {
  return config.dataDir.startsWith('memory://') ? config.dataDir : `${config.dataDir}/pgdata`;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.audit.stop();
  await ctx.audit.linkPending().catch(() => undefined);
  await ctx.database.close();
}
