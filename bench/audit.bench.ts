import { sql } from 'kysely';
import type { Fixture } from './fixture';
import { round, type BenchResult } from './lib';

const WRITES = 10_000;
const CONCURRENCY = 32;

/** Run `n` async writes with a fixed number in flight, as concurrent requests would. */
async function pooled(n: number, write: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < n) await write(next++);
  }));
  return performance.now() - t0;
}

/**
 * The audit log must keep up with the public intake: thousands of audited writes a second. Writers only
 * INSERT; chaining happens afterwards in batches. Baseline: the same INSERTs into a plain table with the
 * same columns and no index, trigger or chain, in the same run.
 */
export async function auditBench(f: Fixture): Promise<BenchResult[]> {
  const { ctx } = f;
  await ctx.audit.stop();
  await sql`create table if not exists bench_audit_baseline (id bigint generated always as identity, at timestamptz default clock_timestamp(),
    actor_id uuid, actor_name text, action text, object_type text, object_id text, client_ip text, detail jsonb)`.execute(ctx.db);
  const baselineMs = await pooled(WRITES, (i) => sql`insert into bench_audit_baseline (actor_name, action, object_type, object_id, client_ip, detail)
    values ('public', 'reports.submit', 'report', ${String(i)}, '127.0.0.1', ${JSON.stringify({ channel: 'online', i })}::jsonb)`.execute(ctx.db));
  const recordMs = await pooled(WRITES, (i) => ctx.audit.record(ctx.db, { username: 'public', clientIp: '127.0.0.1' },
    { action: 'reports.submit', objectType: 'report', objectId: String(i), detail: { channel: 'online', i } }));
  const t0 = performance.now();
  const linked = await ctx.audit.linkPending();
  const linkMs = performance.now() - t0;
  await sql`drop table bench_audit_baseline`.execute(ctx.db);
  const perSecond = (ms: number) => Math.round((WRITES / ms) * 1000);
  const per2000 = (ms: number) => round((ms / WRITES) * 2000, 1);
  return [
    { metric: `baseline: plain INSERT, 2,000 rows (${CONCURRENCY} in flight)`, engine: f.engine, value: per2000(baselineMs), unit: 'ms', target: null, samples: WRITES,
      note: `${perSecond(baselineMs)} rows/s` },
    { metric: `audited writes: time for 2,000 (≥ 2,000/s)`, engine: f.engine, value: per2000(recordMs), unit: 'ms', target: 1000, samples: WRITES,
      baseline: { name: 'plain INSERT', value: per2000(baselineMs) }, note: `${perSecond(recordMs)} audited writes/s` },
    { metric: 'audit chain linking: time for 2,000 entries', engine: f.engine, value: per2000(linkMs), unit: 'ms', target: 1000, samples: linked,
      baseline: { name: 'plain INSERT', value: per2000(baselineMs) }, note: `${Math.round((linked / linkMs) * 1000)} entries/s chained (${ctx.audit.algorithm})` },
  ];
}
