import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../../platform/auth/password';
import type { DB, ManagedBy, NewOfficial, NewUnit, Rank } from '../../../platform/db/schema';
import { generateCitizenId, generateCreditCode } from '../../../platform/identifiers';
import { ensureBuiltinRoles } from '../builtinRoles';
import { createCountyOrganisation } from '../countyOrganisation';
import { randomBirth, staffCounty } from './staffing';
import { givenChars, surnames } from './standardUnits';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoResult { countyCode: string; countyName: string; units: number; officials: number; companies: number; accounts: Array<{ username: string; displayName: string; role: string }> }

function nextSequence(seen: Map<string, number>, birth: string, gender: 'male' | 'female'): number {
  const key = `${birth}${gender}`;
  const n = seen.get(key) ?? 0;
  if (n >= 500) throw new Error(`More than 500 demo people born on ${birth}`);
  seen.set(key, n + 1);
  return n * 2 + (gender === 'male' ? 1 : 0);
}

/** Small deterministic PRNG so every demo county looks the same on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/**
 * A realistic county: the real townships and villages from official division data, the standard
 * departments and stationed teams, a few hundred officials in plausible posts, companies, and one
 * account per role (plus one township discipline committee account per township).
 */
export async function createDemoCounty(db: Kysely<DB>, countyCode = '530125', opts: { extraOfficials?: number } = {}): Promise<DemoResult> {
  const rand = rng(Number(countyCode));
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const personName = () => pick(surnames) + pick(givenChars) + (rand() < 0.7 ? pick(givenChars) : '');
  const roleIds = await ensureBuiltinRoles(db);

  return db.transaction().execute(async (trx) => {
    const { units, county, cdi, depts, townships, villages, byCode } = await createCountyOrganisation(trx, countyCode);

    const officials: NewOfficial[] = [];
    // Sequence numbers are per birth date and gender, as on real IDs, so no two people ever share one.
    const sequences = new Map<string, number>();
    const person = (unit: NewUnit, post: string, rank: Rank, managedBy: ManagedBy, ageFrom = 28, ageTo = 56) => {
      const gender = rand() < 0.72 ? 'male' : 'female';
      const birth = randomBirth(rand, ageFrom, ageTo);
      officials.push({ county_code: countyCode, unit_id: unit.id!, name: personName(), gender, birth_date: birth,
        citizen_id: generateCitizenId(countyCode, birth, nextSequence(sequences, birth, gender), gender),
        party_member: rank !== 'other' || rand() < 0.8, post, rank, managed_by: managedBy, phone: `1${3 + Math.floor(rand() * 6)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}` });
    };
    staffCounty({ cdi, departments: depts.values(), townships, villages }, rand, person, { cdiStaff: true });
    for (let i = 0; i < (opts.extraOfficials ?? 0); i++) person(pick([...villages, ...townships]), '干部', 'general', 'township', 22, 59);
    for (let i = 0; i < officials.length; i += 500) await trx.insertInto('officials').values(officials.slice(i, i + 500)).execute();

    const trades = ['建筑工程有限公司', '市政工程有限公司', '建材有限公司', '劳务有限公司', '农业开发有限公司', '商贸有限公司', '工程咨询有限公司', '园林绿化有限公司'];
    const places = ['宜良', '匡远', '汤池', '北古城', '狗街', '竹山', '马街', '九乡', '阳宗', '南盘江', '岩泉', '金马'];
    const companies = Array.from({ length: 60 }, (_, i) => ({
      county_code: countyCode, unit_id: i % 3 === 0 ? townships[i % townships.length].id! : county.id!,
      name: `云南${pick(places)}${pick(['恒', '泰', '鑫', '盛', '瑞', '宏', '通', '达', '源', '益'])}${pick(['达', '丰', '祥', '远', '安', '兴', '昌', '和'])}${pick(trades)}`,
      credit_code: generateCreditCode(countyCode, i + 1), legal_representative: personName(), address: `${county.name}${pick(places)}${Math.floor(rand() * 300) + 1}号`,
    }));
    const seen = new Set<string>();
    await trx.insertInto('companies').values(companies.filter((c) => !seen.has(c.name) && seen.add(c.name))).execute();

    const hash = await hashPassword(DEMO_PASSWORD);
    const accounts: DemoResult['accounts'] = [
      { username: 'admin', displayName: '系统管理员', role: 'sysadmin' },
      { username: 'auditor', displayName: '安全审计员', role: 'auditor' },
      { username: 'cdi', displayName: '县纪委监委领导', role: 'cdiLeader' },
      { username: 'intake', displayName: '信访室', role: 'intakeOfficer' },
      { username: 'cases', displayName: '审查调查室', role: 'caseHandler' },
      ...townships.map((t) => ({ username: `t${t.code}`, displayName: `${t.name}纪委`, role: 'townshipCommittee' })),
    ];
    for (const a of accounts) {
      const unitId = a.username.startsWith('t') && /^t\d{9}$/.test(a.username) ? byCode.get(a.username.slice(1))!.id! : cdi.id!;
      const user = await trx.insertInto('users').values({ username: a.username, display_name: a.displayName, unit_id: unitId, password_hash: hash })
        .onConflict((oc) => oc.column('username').doNothing()).returning('id').executeTakeFirst();
      if (user) await trx.insertInto('user_roles').values({ user_id: user.id, role_id: roleIds.get(a.role)! }).execute();
    }
    const demo = JSON.stringify({ countyCode, createdAt: new Date().toISOString() });
    await trx.insertInto('settings').values({ key: 'demo.county', value: demo })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: demo, updated_at: new Date() })).execute();
    // PGlite has no autovacuum: give the planner statistics after a bulk load.
    await sql`analyze`.execute(trx);
    return { countyCode, countyName: county.name, units: units.length, officials: officials.length, companies: seen.size, accounts };
  });
}
