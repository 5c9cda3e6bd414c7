import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { hitDomains, type HitDomain } from './db';
import type { Strength } from './signals';

export { hitDomains, type HitDomain };

/**
 * The one store of red-flag hits. Every screening (procurement here; spending over standard, penalty
 * consistency and village funds in their modules) replaces its own undecided hits of a county and leaves the
 * decided ones as they were, so a dismissal or a clue survives any number of re-runs. Officials then see,
 * dismiss and hand over all hits through one list and one workflow (hitService).
 */
export interface DomainEvidence {
  /** The rule in words or as a formula. */
  rule: string;
  /** The rule's basis (document and article). */
  lawRef?: string;
  threshold: Record<string, unknown>;
  values: Record<string, unknown>;
  /** The records behind the hit; `href` is the web path that opens one. */
  records: Array<{ kind: string; id: string; label?: string; href?: string }>;
}

export interface DomainHit {
  code: string;
  /** What the rule judged (e.g. `expense:<id>`); with the code it is the hit's identity across re-runs. */
  subjectId: string;
  /** The unit whose data scope owns the hit. */
  unitId: string;
  /** One line naming the record(s), for the list and the clue title. */
  title: string;
  strength: Strength;
  score: number | null;
  evidence: DomainEvidence;
}

/** A hit's identity: the same rule over the same records is the same hit, whichever run found it. */
export const domainHitKey = (domain: HitDomain, h: Pick<DomainHit, 'code' | 'subjectId' | 'evidence'>): string =>
  createHash('sha256').update(JSON.stringify([domain, h.code, h.subjectId, h.evidence.records.map((r) => `${r.kind}:${r.id}`).sort()])).digest('hex').slice(0, 32);

/** Runs of one county's screening take turns (two imports finishing together); the later one's result stands. */
export async function lockScreening(trx: Kysely<DB>, countyCode: string, domain: HitDomain): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`risk.screening:${domain}:${countyCode}`}))`.execute(trx);
}

/**
 * Replaces the county's undecided hits of one domain. Call inside the screening's transaction. Decided hits are
 * never inserted again (their key is taken) and stay as they were decided.
 */
export async function replaceDomainHits(trx: Kysely<DB>, countyCode: string, domain: Exclude<HitDomain, 'procurement'>, hits: DomainHit[]): Promise<{ hits: number; kept: number }> {
  await lockScreening(trx, countyCode, domain);
  await trx.deleteFrom('risk_hits').where('county_code', '=', countyCode).where('domain', '=', domain).where('status', '=', 'new').execute();
  const decided = new Set((await trx.selectFrom('risk_hits').select('hit_key').where('county_code', '=', countyCode).where('domain', '=', domain).execute()).map((r) => r.hit_key));
  const rows = [];
  const seen = new Set<string>();
  let kept = 0;
  for (const h of hits) {
    const key = domainHitKey(domain, h);
    if (seen.has(key)) continue;
    seen.add(key);
    // A decided hit keeps the evidence and title it was decided on (a clue cites them): nothing is rewritten.
    if (decided.has(key)) { kept++; continue; }
    rows.push({
      county_code: countyCode, unit_id: h.unitId, hit_key: key, code: h.code, source: 'rule' as const, domain, subject_id: h.subjectId,
      subject_title: h.title.slice(0, 300), strength: h.strength, score: h.score !== null && Number.isFinite(h.score) ? h.score : null,
      threshold: JSON.stringify(h.evidence.threshold), hit_values: JSON.stringify(h.evidence.values), evidence: JSON.stringify(h.evidence),
    });
  }
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('risk_hits').values(rows.slice(i, i + 500)).execute();
  return { hits: rows.length, kept };
}

/** A domain's hit code: its name in both languages and what the rule checks, in an investigator's words. */
export interface HitCodeName { zh: string; en: string; rule: string }
