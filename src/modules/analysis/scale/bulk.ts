import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema';

/** A column of a bulk insert: its name and the PostgreSQL type its values are sent as. */
export type Column = readonly [name: string, type: string];

/**
 * Insert many rows with one statement per batch: every column travels as one array parameter and
 * `unnest` turns them back into rows. Works the same on PostgreSQL and PGlite, needs no COPY support,
 * and keeps the parameter count at the number of columns whatever the batch size.
 */
export async function bulkInsert(db: Kysely<DB>, table: string, columns: readonly Column[], rows: readonly unknown[][], batch = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    const arrays = columns.map((_, c) => slice.map((r) => r[c] ?? null));
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([n]) => sql.ref(n)))})
      select * from unnest(${sql.join(arrays.map((a, c) => sql`${a}::${sql.raw(columns[c][1])}[]`))})`.execute(db);
  }
}

/** Small deterministic PRNG (the demo generators' mulberry32), so a dataset is the same on every machine. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export function weighted<T>(rand: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) { x -= w; if (x < 0) return v; }
  return table[table.length - 1][0];
}
