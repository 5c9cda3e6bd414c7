import { sql, type Kysely } from 'kysely';
import { fromDayNumber, toDayNumber, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { TOWNSHIP_KINDS } from '../campaigns/access';
import { applyRoleGrants } from '../org/builtinRoles';
import { preventionRoleGrants } from './permissions';
import { departmentRisks, earlierRules, recentRules, responsibles, townshipRisks, type DemoRule } from './demoText';

/**
 * The demo county's prevention register: the seven rules of last year's first three quarters the speech counts
 * (一(五)) and two of this year, and ~40 risk points of department and township posts (one village post per township)
 * reviewed over last year and this year. Invented texts, deterministic for a county and date; skipped when the
 * county already has rules or risk points.
 */
export interface DemoPreventionResult { rules: number; riskPoints: number }

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

export async function createDemoPrevention(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoPreventionResult> {
  await applyRoleGrants(db, preventionRoleGrants);
  const has = async (t: 'prevention_rules' | 'prevention_risk_points') =>
    (await db.selectFrom(t).select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow()).n > 0;
  if ((await has('prevention_rules')) || (await has('prevention_risk_points'))) return { rules: 0, riskPoints: 0 };
  const county = await db.selectFrom('units').select(['id', 'name']).where('county_code', '=', countyCode).where('kind', '=', 'county').executeTakeFirst();
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirst();
  if (!county || !cdi) return { rules: 0, riskPoints: 0 };
  const towns = await db.selectFrom('units').select(['id', 'code', 'name', 'path']).where('county_code', '=', countyCode).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where('active', '=', true).orderBy('code').limit(4).execute();
  const depts = new Map((await db.selectFrom('units').select(['id', 'code']).where('county_code', '=', countyCode).where('kind', '=', 'department').execute())
    .map((d) => [d.code.slice(countyCode.length), d.id]));
  const leader = (await db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirst())?.id ?? null;
  const today = opts.today ?? todayInShanghai();
  const year = Number(today.slice(0, 4));
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 57);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const short = county.name.slice(0, 1);
  const fill = (s: string) => s.replaceAll('{county}', county.name).replaceAll('{p}', short);
  let riskPoints = 0;
  let rules = 0;

  await db.transaction().execute(async (trx) => {
    const numbers = new Map<string, number>();
    const addRule = async (r: DemoRule, issuedOn: IsoDate, status: 'current' | 'revised') => {
      const prefix = fill(r.docPrefix);
      const key = `${prefix}${issuedOn.slice(0, 4)}`;
      const n = (numbers.get(key) ?? between(1, 5)) + between(2, 9);
      numbers.set(key, n);
      await trx.insertInto('prevention_rules').values({
        county_code: countyCode, unit_id: cdi.id, title: `《${r.title}》`, doc_no: `${prefix}〔${issuedOn.slice(0, 4)}〕${n}号`, issuing_unit: fill(r.issuer),
        issued_on: issuedOn, area: r.area, status, summary: r.summary, created_by: leader,
      }).execute();
      rules++;
    };
    // Last year, February to September: the seven of the speech's period (the first of them revised this year).
    for (const [i, r] of earlierRules.entries()) await addRule(r, `${year - 1}-${String(2 + i).padStart(2, '0')}-${String(between(5, 25)).padStart(2, '0')}`, i === 0 ? 'revised' : 'current');
    for (const [i, r] of recentRules.entries()) await addRule(r, minDate(`${year}-${String(3 + 3 * i).padStart(2, '0')}-${String(between(5, 25)).padStart(2, '0')}`, today), 'current');

    const start = toDayNumber(`${year - 1}-03-01`);
    const span = Math.max(1, toDayNumber(today) - start);
    const reviewed = () => fromDayNumber(start + between(0, span));
    const add = async (unitId: string, township: string | null, r: { post: string; description: string; level: 'high' | 'medium' | 'low'; measures: string }) => {
      await trx.insertInto('prevention_risk_points').values({
        county_code: countyCode, unit_id: unitId, township_code: township, post: r.post, description: r.description, level: r.level, measures: r.measures,
        responsible_person: responsibles[Math.floor(rand() * responsibles.length)], reviewed_on: reviewed(), created_by: leader,
      }).execute();
      riskPoints++;
    };
    for (const [suffix, risks] of Object.entries(departmentRisks)) {
      const unitId = depts.get(suffix);
      if (unitId) for (const r of risks) await add(unitId, null, r);
    }
    for (const t of towns) {
      // The village post belongs to the township's first village, so the township committee sees it below its own unit.
      const village = await trx.selectFrom('units').select('id').where('parent_id', '=', t.id).orderBy('code').executeTakeFirst();
      for (const r of townshipRisks) await add(r.post.startsWith('村') && village ? village.id : t.id, t.code, r);
    }
  });
  return { rules, riskPoints };
}

export function printDemoPrevention(r: DemoPreventionResult): void {
  process.stdout.write(`预防腐败演示数据 Demo prevention: ${r.rules} rules, ${r.riskPoints} risk points\n`);
}
