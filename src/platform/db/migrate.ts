import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

/**
 * Plain SQL migrations: `migrations/YYYYMMDDHHMMSS_name.sql`, applied in name order, each in its own
 * transaction, recorded with a checksum so an edited migration that already ran is reported, not re-run.
 * They never import application code, so any past migration keeps working as the code moves on.
 */
export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface MigrationResult { applied: string[]; alreadyApplied: number }

// Typed loosely on purpose: migrations know nothing of the application's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrate(db: Kysely<any>, dir = migrationsDir): Promise<MigrationResult> {
  await sql`create table if not exists schema_migrations (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(db);
  const files = fs.readdirSync(dir).filter((f) => /^\d{14}_[\w-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  let alreadyApplied = 0;
  await db.transaction().execute(async (trx) => {
    // One migrator at a time across app processes sharing a server.
    await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
    const done = await sql<{ name: string; checksum: string }>`select name, checksum from schema_migrations`.execute(trx);
    const known = new Map(done.rows.map((r) => [r.name, r.checksum]));
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const checksum = crypto.createHash('sha256').update(text).digest('hex');
      const name = file.replace(/\.sql$/, '');
      const previous = known.get(name);
      if (previous) {
        if (previous !== checksum) throw new Error(`Migration ${file} was changed after it was applied`);
        alreadyApplied++;
        continue;
      }
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (name, checksum) values (${name}, ${checksum})`.execute(trx);
      applied.push(name);
    }
  });
  return { applied, alreadyApplied };
}
