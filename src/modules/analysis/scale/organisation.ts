import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, ManagedBy, Rank, UnitKind } from '../../../platform/db/schema';
import { generateCitizenId } from '../../../platform/identifiers';
import { townshipKind, villageKind } from '../../../platform/identifiers/divisionCode';
import { DIVISION_VINTAGE, type CountyDivisions } from '../../org/divisions';
import { randomBirth, staffCounty } from '../../org/demo/staffing';
import { givenChars, standardDepartments, stationedTeams, surnames } from '../../org/demo/standardUnits';
import { bulkInsert, type Column } from './bulk';

/**
 * One county's organisation for the scale dataset, as the demo county builds it (same units, same kinds of
 * posts and ranks) but written in bulk: the real townships and villages, the standard departments and
 * stationed teams, officials with generated names, and two working accounts (CDI leader, case handler).
 */
export interface ScaleUnit { id: string; code: string; name: string; kind: UnitKind; parentId: string | null }
export interface ScaleOfficial { id: string; unitId: string; name: string; post: string; rank: Rank; managedBy: ManagedBy; partyMember: boolean }
export interface ScaleCounty {
  code: string; name: string; prefix: string; cdi: ScaleUnit; townships: ScaleUnit[]; villagesOf: Map<string, ScaleUnit[]>; departments: ScaleUnit[];
  officialsOf: Map<string, ScaleOfficial[]>; officials: ScaleOfficial[]; leaderId: string; handlerId: string;
  /** Village or community id → its township's id. */
  villageParent: Map<string, string>;
}

const tkKind: Record<string, UnitKind> = { subdistrict: 'subdistrict', town: 'town', township: 'township', other: 'townshipOther' };

const unitColumns: Column[] = [['id', 'uuid'], ['county_code', 'text'], ['code', 'text'], ['name', 'text'], ['kind', 'text'], ['parent_id', 'uuid'],
  ['path', 'text'], ['depth', 'int'], ['sort_order', 'int'], ['division_vintage', 'text']];
const officialColumns: Column[] = [['id', 'uuid'], ['county_code', 'text'], ['unit_id', 'uuid'], ['name', 'text'], ['gender', 'text'], ['birth_date', 'date'],
  ['citizen_id', 'text'], ['party_member', 'boolean'], ['post', 'text'], ['rank', 'text'], ['managed_by', 'text'], ['phone', 'text'], ['created_at', 'timestamptz']];

export async function createScaleOrganisation(db: Kysely<DB>, div: CountyDivisions, rand: () => number, opts: { passwordHash: string; roleIds: Map<string, string>; since: string }): Promise<ScaleCounty> {
  const countyCode = div.county.code;
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const unitRows: unknown[][] = [];
  const add = (code: string, name: string, kind: UnitKind, parent: { id: string; path: string; depth: number } | null, vintage: string | null = null) => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    unitRows.push([id, countyCode, code, name, kind, parent?.id ?? null, path, depth, unitRows.length, vintage]);
    return { id, code, name, kind, parentId: parent?.id ?? null, path, depth };
  };
  const county = add(countyCode, div.county.name, 'county', null, DIVISION_VINTAGE);
  const cdi = add(`${countyCode}CDI`, `${div.county.name.replace(/县$|区$|市$/, '')}县纪委监委`, 'cdi', county);
  const departments = standardDepartments.map((d) => add(`${countyCode}${d.suffix}`, d.name, 'department', county));
  for (const t of stationedTeams) add(`${countyCode}${t.suffix}`, t.name, 'stationedTeam', cdi);
  const townships = div.townships.map((t) => add(t.code, t.name, tkKind[townshipKind(t.code)], county, DIVISION_VINTAGE));
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const villagesOf = new Map<string, ScaleUnit[]>();
  for (const v of div.villages) {
    const parent = byCode.get(v.parentCode);
    if (!parent) continue;
    const u = add(v.code, v.name, villageKind(v.code) === 'community' ? 'community' : 'village', parent, DIVISION_VINTAGE);
    villagesOf.set(parent.id, [...(villagesOf.get(parent.id) ?? []), u]);
  }
  await bulkInsert(db, 'units', unitColumns, unitRows);

  const officials: ScaleOfficial[] = [];
  const officialRows: unknown[][] = [];
  const sequences = new Map<string, number>();
  // On record from the start of the span, so the officials-on-record figure is meaningful for every period in it.
  const onRecordSince = new Date(`${opts.since}T00:00:00+08:00`);
  const person = (unit: { id: string }, post: string, rank: Rank, managedBy: ManagedBy, ageFrom = 28, ageTo = 56) => {
    const gender = rand() < 0.72 ? 'male' : 'female';
    const birth = randomBirth(rand, ageFrom, ageTo);
    const key = `${birth}${gender}`;
    const n = sequences.get(key) ?? 0;
    sequences.set(key, n + 1);
    // Past 500 people per birth date the ID sequence space is used up: such a person is recorded without one.
    const citizenId = n < 500 ? generateCitizenId(countyCode, birth, n * 2 + (gender === 'male' ? 1 : 0), gender) : null;
    const o: ScaleOfficial = { id: randomUUID(), unitId: unit.id, name: pick(surnames) + pick(givenChars) + (rand() < 0.7 ? pick(givenChars) : ''), post, rank, managedBy, partyMember: rank !== 'other' || rand() < 0.8 };
    officials.push(o);
    officialRows.push([o.id, countyCode, o.unitId, o.name, gender, birth, citizenId, o.partyMember, post, rank, managedBy, `1${3 + Math.floor(rand() * 6)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`, onRecordSince]);
  };
  staffCounty({ cdi, departments, townships, villages: [...villagesOf.values()].flat() }, rand, person);
  await bulkInsert(db, 'officials', officialColumns, officialRows);
  const officialsOf = new Map<string, ScaleOfficial[]>();
  for (const o of officials) officialsOf.set(o.unitId, [...(officialsOf.get(o.unitId) ?? []), o]);

  // Two working accounts per county; usernames carry the county code so a province holds them all.
  const leaderId = randomUUID();
  const handlerId = randomUUID();
  const short = div.county.name.replace(/(自治)?[县区市旗]$/, '');
  await bulkInsert(db, 'users', [['id', 'uuid'], ['username', 'text'], ['display_name', 'text'], ['unit_id', 'uuid'], ['password_hash', 'text']], [
    [leaderId, `cdi${countyCode}`, `${short}纪委监委领导`, cdi.id, opts.passwordHash],
    [handlerId, `cases${countyCode}`, `${short}审查调查室`, cdi.id, opts.passwordHash],
  ]);
  await bulkInsert(db, 'user_roles', [['user_id', 'uuid'], ['role_id', 'uuid']], [[leaderId, opts.roleIds.get('cdiLeader')], [handlerId, opts.roleIds.get('caseHandler')]]);
  const villageParent = new Map([...villagesOf].flatMap(([t, vs]) => vs.map((v) => [v.id, t] as const)));
  return { code: countyCode, name: div.county.name, prefix: div.county.name.slice(0, 1), cdi, townships, villagesOf, departments, officialsOf, officials, leaderId, handlerId, villageParent };
}
