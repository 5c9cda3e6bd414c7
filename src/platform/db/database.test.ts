import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../../../test/helpers';
import { openDatabase } from './database';
import { sql } from 'kysely';

describe.runIf(!!process.env.DATABASE_URL)('PostgreSQL pool', () => {
  it('survives the server terminating an idle connection and keeps answering', async () => {
    const { url, drop } = await createTestDatabaseUrl();
    const database = await openDatabase({ databaseUrl: url });
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0].pid;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows[0].one).toBe(1);
    } finally {
      await database.close();
      await drop();
    }
  });
});
