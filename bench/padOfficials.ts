import type { Kysely } from 'kysely';
import { givenChars, surnames } from '../src/modules/org/demo/standardUnits';
import type { DB, NewOfficial } from '../src/platform/db/schema';
import { generateCitizenId } from '../src/platform/identifiers';

/**
 * Pad the demo county to `total` active officials, spread over townships and villages like the demo's
 * own officials, with names drawn from the same surname and given-name pools (so a keyword search matches
 * a realistic share of rows).
 *
 * Why not createDemoCounty's `extraOfficials`: at 10,000 it fails on officials_citizen_id_uq, because
 * its citizen-ID sequence is `(seq * 2 + gender) % 1000` and repeats every 500 people, so two people with
 * the same birth date and gender collide. Here each (birth date, gender) pair gets its own counter and
 * IDs already present are skipped.
 */
const LOCAL_KINDS = ['subdistrict', 'town', 'township', 'townshipOther', 'community', 'village'] as const;

/** Same small deterministic PRNG shape as the demo, so every machine gets the same county. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export async function padOfficials(db: Kysely<DB>, countyCode: string, total: number): Promise<number> {
  const existing = await db.selectFrom('officials').select('citizen_id').where('county_code', '=', countyCode).where('active', '=', true).execute();
  const missing = total - existing.length;
  if (missing <= 0) return 0;
  const units = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', 'in', [...LOCAL_KINDS]).orderBy('code').execute();
  if (units.length === 0) throw new Error(`county ${countyCode} has no township or village units to pad`);

  const taken = new Set(existing.map((o) => o.citizen_id).filter(Boolean));
  const next = new Map<string, number>();
  const rand = rng(20260);
  const pick = (xs: ArrayLike<string>) => xs[Math.floor(rand() * xs.length)];
  const rows: NewOfficial[] = [];
  while (rows.length < missing) {
    const gender = rand() < 0.72 ? 'male' : 'female';
    const birth = `${1967 + Math.floor(rand() * 37)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const key = `${birth}/${gender}`;
    let citizenId: string | null = null;
    // Odd sequences are men, even women: 500 per (date, gender), far more than this padding needs.
    for (let n = next.get(key) ?? 0; n < 500 && citizenId === null; n++) {
      const candidate = generateCitizenId(countyCode, birth, n * 2 + (gender === 'male' ? 1 : 0), gender);
      next.set(key, n + 1);
      if (!taken.has(candidate)) citizenId = candidate;
    }
    if (citizenId === null) continue;
    taken.add(citizenId);
    rows.push({
      county_code: countyCode, unit_id: units[Math.floor(rand() * units.length)].id, name: pick(surnames) + pick(givenChars) + (rand() < 0.7 ? pick(givenChars) : ''),
      gender, birth_date: birth, citizen_id: citizenId, party_member: rand() < 0.8, post: '干部', rank: 'general', managed_by: 'township',
      phone: `1${3 + Math.floor(rand() * 6)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
    });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('officials').values(rows.slice(i, i + 500)).execute();
  });
  return rows.length;
}
