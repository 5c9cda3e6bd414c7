import { sql, type Kysely } from 'kysely';
import { hashHex } from '../crypto';
import type { DB } from '../db/schema';
import { entryPayload, GENESIS_HASH, type ChainedFields } from './canonical';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { chainSeq: number; id: number | null; reason: 'hash' | 'link' | 'missing' | 'head' };
}

const PAGE = 5000;

/**
 * Walk the chain in order and recompute every hash. An altered row breaks its own hash; a removed row
 * leaves a gap in chain_seq; removing the newest rows is caught against the recorded chain head.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await sql<ChainedFields & { chain_seq: number; prev_hash: string; hash: string; hash_alg: 'sm3' | 'sha256' }>`
      select id, (extract(epoch from at) * 1000000)::int8 as at_us, actor_id, actor_name, action, object_type,
             object_id, client_ip, detail, chain_seq, prev_hash, hash, hash_alg
      from audit_log where chain_seq >= ${expectedSeq} order by chain_seq limit ${PAGE}`.execute(db);
    for (const r of page.rows) {
      if (r.chain_seq !== expectedSeq) return { ok: false, checked, firstBroken: { chainSeq: expectedSeq, id: null, reason: 'missing' } };
      if (r.prev_hash !== prev) return { ok: false, checked, firstBroken: { chainSeq: r.chain_seq, id: r.id, reason: 'link' } };
      if (hashHex(r.hash_alg, entryPayload(prev, r.chain_seq, r)) !== r.hash) {
        return { ok: false, checked, firstBroken: { chainSeq: r.chain_seq, id: r.id, reason: 'hash' } };
      }
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.rows.length < PAGE) break;
  }
  const head = await db.selectFrom('settings').select('value').where('key', '=', 'audit.chainHead').executeTakeFirst();
  const h = head?.value as { seq: number; hash: string } | undefined;
  if (h && (h.seq !== checked || h.hash !== prev)) {
    return { ok: false, checked, firstBroken: { chainSeq: checked + 1, id: null, reason: 'head' } };
  }
  return { ok: true, checked };
}
