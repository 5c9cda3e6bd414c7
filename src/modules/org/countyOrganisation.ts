import type { Kysely } from 'kysely';
import type { DB, NewUnit, UnitKind } from '../../platform/db/schema';
import { townshipKind, villageKind } from '../../platform/identifiers/divisionCode';
import { standardDepartments, stationedTeams } from './demo/standardUnits';
import { DIVISION_VINTAGE, loadCountyDivisions } from './divisions';

const tkKind: Record<string, UnitKind> = { subdistrict: 'subdistrict', town: 'town', township: 'township', other: 'townshipOther' };

/**
 * A county's real organisation: the county, its CDI, townships and villages from official division data,
 * and the standard departments and stationed teams. Used by the demo and by a production first start.
 */
export async function createCountyOrganisation(trx: Kysely<DB>, countyCode: string) {
  const div = await loadCountyDivisions(countyCode);
    const units: NewUnit[] = [];
    const add = (code: string, name: string, kind: UnitKind, parent: NewUnit | null, vintage: string | null = null): NewUnit => {
      const id = crypto.randomUUID();
      const u: NewUnit = { id, county_code: countyCode, code, name, kind, parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0, division_vintage: vintage, sort_order: units.length };
      units.push(u);
      return u;
    };
    const county = add(countyCode, div.county.name, 'county', null, DIVISION_VINTAGE);
    const cdi = add(`${countyCode}CDI`, `${div.county.name.replace(/县$|区$|市$/, '')}县纪委监委`, 'cdi', county);
    const depts = new Map(standardDepartments.map((d) => [d.suffix, add(`${countyCode}${d.suffix}`, d.name, 'department', county)]));
    for (const t of stationedTeams) add(`${countyCode}${t.suffix}`, t.name, 'stationedTeam', cdi);
    const townships = div.townships.map((t) => add(t.code, t.name, tkKind[townshipKind(t.code)], county, DIVISION_VINTAGE));
    const byCode = new Map(townships.map((t) => [t.code, t]));
    const villages = div.villages.map((v) => add(v.code, v.name, villageKind(v.code) === 'community' ? 'community' : 'village', byCode.get(v.parentCode)!, DIVISION_VINTAGE));
    for (let i = 0; i < units.length; i += 500) await trx.insertInto('units').values(units.slice(i, i + 500)).execute();

    return { units, county: county as NewUnit & { id: string }, cdi, depts, townships, villages, byCode };
}
