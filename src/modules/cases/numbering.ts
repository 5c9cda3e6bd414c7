import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';

/**
 * Document numbers as offices print them: 〔year〕 in hexagonal brackets, sequence per county, kind and year
 * (宜纪线〔2026〕12号 for the clue register, 宜纪立〔2026〕3号 for case openings). The prefix is the county's
 * short name + 纪 + the kind's character.
 */
const KIND_CHAR = { clue: '线', case: '立' } as const;

export async function nextNumber(trx: Kysely<DB>, countyCode: string, kind: 'clue' | 'case', year: number): Promise<number> {
  const row = await trx.insertInto('case_doc_counters').values({ county_code: countyCode, kind, year, last: 1 })
    .onConflict((oc) => oc.columns(['county_code', 'kind', 'year']).doUpdateSet((eb) => ({ last: eb('case_doc_counters.last', '+', 1) })))
    .returning('last').executeTakeFirstOrThrow();
  return row.last;
}

/** The county's one-character abbreviation as used in document numbers (宜良县 → 宜). */
export async function countyPrefix(trx: Kysely<DB>, countyCode: string): Promise<string> {
  const county = await trx.selectFrom('units').select(['name', 'short_name']).where('county_code', '=', countyCode).where('kind', '=', 'county').executeTakeFirst();
  const name = county?.short_name ?? county?.name ?? '县';
  return name.slice(0, 1);
}

export function formatDocNo(prefix: string, kind: 'clue' | 'case', year: number, seq: number): string {
  return `${prefix}纪${KIND_CHAR[kind]}〔${year}〕${seq}号`;
}

export async function issueNumber(trx: Kysely<DB>, countyCode: string, kind: 'clue' | 'case', year: number) {
  const seq = await nextNumber(trx, countyCode, kind, year);
  return { seq, docNo: formatDocNo(await countyPrefix(trx, countyCode), kind, year, seq) };
}
