import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../context';
import { hashHex } from '../crypto';
import { AuditLog } from './auditLog';
import { entryPayload, GENESIS_HASH, type ChainedFields } from './canonical';
import { verifyAuditChain } from './verify';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('audit hash chain', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ctx, close } = await createTestContext({ demo: false }));
  });
  afterAll(async () => {
    await close();
  });
  // One database for the file, emptied between tests the way only a database owner could: guard off, truncate, guard on.
  async function forceTruncate(): Promise<void> {
    await sql`alter table audit_log disable trigger audit_log_truncate_guard`.execute(ctx.db);
    await sql`truncate audit_log restart identity`.execute(ctx.db);
    await sql`alter table audit_log enable trigger audit_log_truncate_guard`.execute(ctx.db);
  }
  beforeEach(async () => {
    await forceTruncate();
    await sql`delete from settings where key = 'audit.chainHead'`.execute(ctx.db);
  });

  async function recordAndLink(n: number): Promise<void> {
    for (let i = 1; i <= n; i++) {
      await ctx.audit.record(ctx.db, { userId: null, username: `user${i % 3}`, clientIp: '10.1.2.3' }, {
        action: 'org.official.read', objectType: 'official', objectId: String(i), detail: i % 2 ? { i, zh: '干部', z: { b: 1, a: [true, null] } } : undefined,
      });
    }
    expect(await ctx.audit.linkPending()).toBe(n);
  }

  /** What an attacker with database access would do first: switch the append-only guard off. */
  async function asAttacker(statement: string): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      await sql.raw('alter table audit_log disable trigger audit_log_guard').execute(trx);
      await sql.raw(statement).execute(trx);
      await sql.raw('alter table audit_log enable trigger audit_log_guard').execute(trx);
    });
  }

  const idAt = async (seq: number) =>
    (await sql<{ id: number }>`select id from audit_log where chain_seq = ${seq}`.execute(ctx.db)).rows[0].id;

  it('chains recorded entries in id order from the genesis hash, and verifies', async () => {
    await recordAndLink(10);
    const rows = await sql<{ id: number; chain_seq: number; prev_hash: string; hash: string; hash_alg: string }>`
      select id, chain_seq, prev_hash, hash, hash_alg from audit_log order by id`.execute(ctx.db);
    expect(rows.rows.map((r) => r.chain_seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.rows.length; i++) expect(rows.rows[i].prev_hash).toBe(rows.rows[i - 1].hash);
    expect(new Set(rows.rows.map((r) => r.hash_alg))).toEqual(new Set([ctx.audit.algorithm]));
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, checked: 10 });
  });

  it('refuses UPDATE and DELETE while the guard trigger is on', async () => {
    await recordAndLink(3);
    await expect(sql`update audit_log set action = 'x' where chain_seq = 2`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where chain_seq = 3`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, checked: 3 });
  });

  it('names the altered entry when a row is changed', async () => {
    await recordAndLink(10);
    const id = await idAt(5);
    await asAttacker(`update audit_log set action = 'org.official.list' where chain_seq = 5`);
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: false, checked: 4, firstBroken: { chainSeq: 5, id, reason: 'hash' } });
  });

  it('catches an attacker who also recomputes the altered row\'s own hash at the next link', async () => {
    await recordAndLink(10);
    await asAttacker(`update audit_log set actor_name = 'someone-else' where chain_seq = 5`);
    const r = (await sql<ChainedFields & { prev_hash: string }>`
      select id, (extract(epoch from at) * 1000000)::int8 as at_us, actor_id, actor_name, action, object_type, object_id, client_ip, detail, prev_hash
      from audit_log where chain_seq = 5`.execute(ctx.db)).rows[0];
    const forged = hashHex(ctx.audit.algorithm, entryPayload(r.prev_hash, 5, r));
    await asAttacker(`update audit_log set hash = '${forged}' where chain_seq = 5`);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false, checked: 5, firstBroken: { chainSeq: 6, id: await idAt(6), reason: 'link' } });
  });

  it('reports a gap when a middle row is deleted', async () => {
    await recordAndLink(10);
    await asAttacker('delete from audit_log where chain_seq = 5');
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: false, checked: 4, firstBroken: { chainSeq: 5, id: null, reason: 'missing' } });
  });

  it('reports the head when the newest row is deleted', async () => {
    await recordAndLink(10);
    await asAttacker('delete from audit_log where chain_seq = 10');
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: false, checked: 9, firstBroken: { chainSeq: 10, id: null, reason: 'head' } });
  });

  it('refuses TRUNCATE while its guard is on', async () => {
    await recordAndLink(2);
    await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('notices a truncated log against the recorded chain head', async () => {
    await recordAndLink(4);
    await forceTruncate();
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: false, checked: 0, firstBroken: { chainSeq: 1, id: null, reason: 'head' } });
  });

  it('keeps chain_seq dense under 2,000 concurrent writers and two competing linkers', async () => {
    // A second AuditLog stands for a second app process: the advisory lock must keep them from both chaining.
    const other = new AuditLog(ctx.db, ctx.audit.algorithm);
    let writing = true;
    const linker = async (log: AuditLog) => {
      while (writing) { await log.linkPending(); await sleep(2); }
    };
    const linkers = [linker(ctx.audit), linker(other)];
    await Promise.all(Array.from({ length: 2000 }, (_, i) => ctx.db.transaction().execute(async (trx) => {
      await ctx.audit.record(trx, { username: `w${i % 17}` }, { action: 'test.concurrent', objectId: String(i), detail: { i } });
      // Some writers commit late, so ids commit out of order while the linkers run.
      if (i % 50 === 0) await sleep(5);
    })));
    writing = false;
    await Promise.all(linkers);
    await ctx.audit.linkPending();
    const s = await sql<{ n: number; seqs: number; lo: number; hi: number; unlinked: number }>`
      select count(*)::int as n, count(distinct chain_seq)::int as seqs, min(chain_seq)::int as lo, max(chain_seq)::int as hi,
             count(*) filter (where chain_seq is null)::int as unlinked from audit_log`.execute(ctx.db);
    expect(s.rows[0]).toEqual({ n: 2000, seqs: 2000, lo: 1, hi: 2000, unlinked: 0 });
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, checked: 2000 });
  });

  it('links through its indexes, never reading the whole log, even when the statistics still think it small', async () => {
    // Linked history the statistics have not seen yet (no ANALYZE), then a fresh tail to link.
    await sql`insert into audit_log (actor_name, action) select 'bulk', 'org.official.read' from generate_series(1, 5000)`.execute(ctx.db);
    expect(await ctx.audit.linkPending()).toBe(5000);
    await recordAndLink(0);
    await sql`insert into audit_log (actor_name, action) select 'tail', 'org.official.read' from generate_series(1, 300)`.execute(ctx.db);
    const seqScans = async () => {
      await sql`select pg_stat_force_next_flush()`.execute(ctx.db);
      return (await sql<{ n: number }>`select coalesce(seq_scan, 0)::int as n from pg_stat_user_tables where relname = 'audit_log'`.execute(ctx.db)).rows[0].n;
    };
    const before = await seqScans();
    expect(await ctx.audit.linkPending()).toBe(300);
    expect(await seqScans()).toBe(before);
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, checked: 5300 });
  });

  it('links in the background once started, coming back soon while entries keep arriving, and stops', async () => {
    const log = new AuditLog(ctx.db, ctx.audit.algorithm);
    const unlinked = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log where chain_seq is null`.execute(ctx.db)).rows[0].n;
    log.start(300, 20);
    try {
      for (let round = 0; round < 5; round++) {
        await ctx.audit.record(ctx.db, null, { action: 'org.official.read', objectId: String(round) });
        await sleep(60);
      }
      await expect.poll(unlinked, { timeout: 5_000 }).toBe(0);
    } finally {
      await log.stop();
    }
    await ctx.audit.record(ctx.db, null, { action: 'org.official.read', objectId: 'after stop' });
    await sleep(400);
    expect(await unlinked()).toBe(1);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});
