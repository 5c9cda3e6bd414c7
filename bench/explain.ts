import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { officialRepository } from '../src/modules/org/officialRepository';
import type { OfficialFilter } from '../src/modules/org/schema';
import { loadUser } from '../src/platform/auth/actorLoader';
import type { DB } from '../src/platform/db/schema';
import { PGliteDialect } from '../src/platform/db/pgliteDialect';
import { DEFAULT_PG_URL, openFixture, postgresUnreachable, type EngineName, type Fixture } from './fixture';
import { summarise } from './lib';

/**
 * Diagnosis, not a benchmark: `node --import tsx bench/explain.ts [pglite|postgresql] [--analyze]`.
 * Captures the exact SQL the officials list runs (rows query and count query, as the repository builds
 * them), times each at the database without HTTP, and prints EXPLAIN ANALYZE, so a slow list shows
 * which of its two queries dominates and why. `--analyze` runs ANALYZE first: PGlite has no
 * autovacuum, so unless the app runs ANALYZE itself its planner never gets table statistics.
 */
const RUNS = 50;
const args = process.argv.slice(2);
const runAnalyze = args.includes('--analyze');
const engines = (args.filter((a) => !a.startsWith('--')) as EngineName[]);
const pgUrl = process.env.DATABASE_URL || DEFAULT_PG_URL;

/** A second Kysely over the same database whose only job is to record the compiled SQL. */
function capturingDb(f: Fixture, captured: CompiledQuery[]): { db: Kysely<DB>; close: () => Promise<void> } {
  const log = (e: { level: string; query: CompiledQuery }) => { if (e.level === 'query') captured.push(e.query); };
  if (f.ctx.database.pglite) {
    // Not destroyed: destroying the driver would close the PGlite instance the fixture still owns.
    return { db: new Kysely<DB>({ dialect: new PGliteDialect(f.ctx.database.pglite), log }), close: async () => undefined };
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: f.ctx.config.databaseUrl, max: 1 }) }), log });
  return { db, close: () => db.destroy() };
}

async function diagnose(engine: EngineName): Promise<void> {
  const f = await openFixture(engine, pgUrl);
  try {
    console.log(`\n===== ${engine}: ${f.officials} officials =====`);
    if (runAnalyze) { await sql`analyze`.execute(f.ctx.db); console.log('(ANALYZE run first)'); }
    const userId = async (u: string) => (await f.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    const cdi = (await loadUser(f.ctx.db, await userId('cdi')))!.actor;
    const town = (await loadUser(f.ctx.db, await userId('t530125102')))!.actor;
    const base: OfficialFilter = { includeSubunits: true, page: 1, pageSize: 20 };
    const cases = [
      { name: 'scope all, page 1', actor: cdi, filter: base },
      { name: 'scope all, page 400 (offset 7980)', actor: cdi, filter: { ...base, page: 400 } },
      { name: 'unitAndBelow t530125102, page 1', actor: town, filter: base },
      { name: 'scope all, q=王', actor: cdi, filter: { ...base, q: '王' } },
    ];
    for (const c of cases) {
      const captured: CompiledQuery[] = [];
      const cap = capturingDb(f, captured);
      await officialRepository.list(cap.db, c.actor, c.filter);
      await cap.close();
      console.log(`\n--- ${c.name}`);
      for (const q of captured) {
        const kind = /count\(\*\)/.test(q.sql) ? 'count query' : 'rows query';
        for (let i = 0; i < 5; i++) await f.ctx.db.executeQuery(q);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await f.ctx.db.executeQuery(q);
          times.push(performance.now() - t0);
        }
        const s = summarise(times);
        console.log(`\n${kind}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms at the database (n=${RUNS})`);
        console.log(`SQL: ${q.sql}\nparams: ${JSON.stringify(q.parameters)}`);
        const plan = await f.ctx.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]));
        console.log(plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
      }
    }
  } finally {
    await f.close();
  }
}

for (const engine of engines.length ? engines : (['pglite', 'postgresql'] as EngineName[])) {
  if (engine === 'postgresql') {
    const why = await postgresUnreachable(pgUrl);
    if (why) { console.log(`PostgreSQL skipped: ${why}`); continue; }
  }
  await diagnose(engine);
}
