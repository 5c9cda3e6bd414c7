import { sql, type Kysely } from 'kysely';
import { hashHex } from '../crypto';
import type { DB } from '../db/schema';
import { entryPayload, GENESIS_HASH, type ChainedFields } from './canonical';

export interface AuditActor { userId?: string | null; username?: string | null; clientIp?: string | null }

export interface AuditEntry {
  /** Dotted verb, e.g. `auth.login`, `org.official.create`, `org.official.read`, `audit.export`. */
  action: string;
  objectType?: string;
  objectId?: string;
  detail?: Record<string, unknown>;
}

const LINK_BATCH = 2000;
const LINK_LOCK = 727002;

/**
 * Append-only, hash-chained audit log. `record` is a plain INSERT inside the caller's transaction, so an
 * entry exists exactly when the change it describes was committed and writers never wait for each other.
 * `linkPending` (one linker at a time, guarded by an advisory lock) then chains committed entries in
 * batches: chain_seq, prev_hash and hash are filled once and never changed again.
 */
export class AuditLog {
  private timer: NodeJS.Timeout | null = null;
  private linking: Promise<number> | null = null;

  constructor(private readonly db: Kysely<DB>, readonly algorithm: 'sm3' | 'sha256') {}

  async record(executor: Kysely<DB>, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
    await executor.insertInto('audit_log').values({
      actor_id: actor?.userId ?? null,
      actor_name: actor?.username ?? null,
      client_ip: actor?.clientIp ?? null,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    }).execute();
  }

  /** Chain every committed, unlinked entry. Returns how many were linked. Concurrent calls share one run. */
  linkPending(): Promise<number> {
    if (!this.linking) {
      this.linking = this.linkAll().finally(() => { this.linking = null; });
    }
    return this.linking;
  }

  private async linkAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.linkBatch();
      total += n;
      if (n < LINK_BATCH) return total;
    }
  }

  private async linkBatch(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const locked = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${LINK_LOCK}) as ok`.execute(trx);
      if (!locked.rows[0]?.ok) return 0;
      // The linker only ever touches the unlinked tail through its indexes. While the log grows fast from a
      // small size (a first busy hour), stale statistics made the planner scan the whole log every half second.
      await sql`set local enable_seqscan = off`.execute(trx);
      const head = await trx.selectFrom('audit_log').select(['chain_seq', 'hash'])
        .where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
      const rows = await sql<ChainedFields>`
        select id, (extract(epoch from at) * 1000000)::int8 as at_us, actor_id, actor_name, action,
               object_type, object_id, client_ip, detail
        from audit_log where chain_seq is null order by id limit ${LINK_BATCH}`.execute(trx);
      if (rows.rows.length === 0) return 0;
      let seq = head?.chain_seq ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const values = rows.rows.map((r) => {
        seq += 1;
        const hash = hashHex(this.algorithm, entryPayload(prev, seq, r));
        const v = sql`(${r.id}::int8, ${seq}::int8, ${prev}, ${hash})`;
        prev = hash;
        return v;
      });
      await sql`update audit_log a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash, hash_alg = ${this.algorithm}
        from (values ${sql.join(values)}) as v(id, seq, prev, hash) where a.id = v.id`.execute(trx);
      await sql`insert into settings (key, value, updated_at) values ('audit.chainHead', ${JSON.stringify({ seq, hash: prev })}::jsonb, now())
        on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(trx);
      return rows.rows.length;
    });
  }

  /**
   * Link in the background so requests never wait for hashing. While entries keep arriving the linker comes
   * back after `busyMs`: under a load of submissions, small frequent batches keep each pause of the event loop
   * (hashing) and of the database (the batch UPDATE) short, which is what a request's tail latency feels; a
   * batch every half second made the 99th percentile about half as long again. When idle, every `idleMs`.
   */
  start(idleMs = 500, busyMs = 100): void {
    if (this.timer) return;
    const next = (ms: number) => {
      this.timer = setTimeout(() => {
        void this.linkPending().catch(() => 0).then((n) => { if (this.timer) next(n > 0 ? busyMs : idleMs); });
      }, ms);
      this.timer.unref();
    };
    next(idleMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.linking?.catch(() => undefined);
  }
}
