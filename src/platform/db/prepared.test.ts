import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../../../test/helpers';
import { openDatabase } from './database';
import { preparedName, preparedQuery } from './prepared';

describe('prepared statements', () => {
  it('run with their values on either engine, and the same text keeps one name', async () => {
    const { url, drop } = await createTestDatabaseUrl();
    const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', poolSize: 1 });
    try {
      const text = 'select $1::int + $2::int as v, $3::text as s';
      for (const [a, b] of [[1, 2], [40, 2]]) {
        const res = await database.db.executeQuery(preparedQuery<{ v: number; s: string }>(text, [a, b, `第${a}次`]));
        expect(res.rows).toEqual([{ v: a + b, s: `第${a}次` }]);
      }
      expect(preparedName(text)).toMatch(/^lianjian_\d+$/);
      preparedQuery(text, [0, 0, '']);
      expect(preparedName(`${text} `)).toBeUndefined();
    } finally {
      await database.close();
      await drop();
    }
  });
});

describe.runIf(!!process.env.DATABASE_URL)('prepared statements on PostgreSQL', () => {
  it('are parsed once per connection under their name, and still run after the table they use changes', async () => {
    const { url, drop } = await createTestDatabaseUrl();
    const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      await sql`create table prep_probe (id int primary key, label text)`.execute(database.db);
      const text = 'insert into prep_probe (id, label) values ($1, $2) returning id';
      for (const id of [1, 2, 3]) await database.db.executeQuery(preparedQuery(text, [id, `行${id}`]));
      const listed = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(database.db);
      expect(listed.rows).toEqual([{ name: preparedName(text), statement: text }]);
      // A migration while the server runs: PostgreSQL re-plans the named statement on next use.
      await sql`alter table prep_probe add column note text`.execute(database.db);
      await database.db.executeQuery(preparedQuery(text, [4, '行4']));
      const count = await sql<{ n: number }>`select count(*)::int as n from prep_probe`.execute(database.db);
      expect(count.rows[0].n).toBe(4);
    } finally {
      await database.close();
      await drop();
    }
  });
});
