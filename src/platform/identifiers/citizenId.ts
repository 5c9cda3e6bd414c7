/**
 * 18-digit 公民身份号码 (resident identity number), GB 11643-1999.
 *
 * Layout: 6-digit address code (the county code *when issued*, so we never check it against a current
 * GB/T 2260 list) + 8-digit birth date + 3-digit sequence (odd = male, even = female) + ISO 7064 MOD 11-2 check
 * character ('X' stands for 10).
 */
import { type IsoDate, isIsoDate, todayInShanghai } from '../calendar/dates';
import { normalizeIdentifier } from './normalize';

/** W_i = 2^(17−i) mod 11 for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// No address code starts with 0; the rest is checked by the checksum and the birth date.
const FORMAT = /^[1-9]\d{16}[\dX]$/;
// Earliest birth date we accept. Nobody alive when 18-digit numbers were issued (1999 on) was born earlier;
// the floor catches typos such as 0949 for 1949 that are still "real" calendar dates.
const EARLIEST_BIRTH = '1850-01-01';

export type CitizenIdFailureReason = 'format' | 'birthDate' | 'checksum';

export type CitizenIdResult =
  | { ok: true; normalized: string; birthDate: IsoDate; gender: 'male' | 'female'; regionCode: string }
  | {
      ok: false;
      reason: CitizenIdFailureReason;
      /** i18n key in src/platform/i18n/messages.ts; params.reason is itself a key ('reason.format' …). */
      messageKey: 'field.citizenId';
      params: { reason: `reason.${CitizenIdFailureReason}` };
    };

export interface CitizenIdOptions {
  /** "Today" for the not-in-the-future check; defaults to the current date in Asia/Shanghai. */
  today?: IsoDate;
}

/** The check character for the first 17 digits. */
export function computeCitizenIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected the first 17 digits of a citizen ID');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i];
  return CHECK_CHARS.charAt(sum % 11);
}

function fail(reason: CitizenIdFailureReason): CitizenIdResult {
  return { ok: false, reason, messageKey: 'field.citizenId', params: { reason: `reason.${reason}` } };
}

export function validateCitizenId(input: string, options: CitizenIdOptions = {}): CitizenIdResult {
  const normalized = normalizeIdentifier(input);
  if (!FORMAT.test(normalized)) return fail('format');
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const today = options.today ?? todayInShanghai();
  // ISO strings of equal length compare in date order, so plain string comparison is enough here.
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH || birthDate > today) return fail('birthDate');
  if (computeCitizenIdCheck(normalized.slice(0, 17)) !== normalized.charAt(17)) return fail('checksum');
  return {
    ok: true,
    normalized,
    birthDate,
    gender: Number(normalized.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode: normalized.slice(0, 6),
  };
}

/**
 * Upgrades a 15-digit first-generation number (YYMMDD birth date, no check character) to 18 digits by
 * inserting the century "19" and appending the check character, then validates the result.
 * First-generation cards were issued 1984–2004 to people born in the 1900s, hence always "19".
 */
export function convertLegacyCitizenId(input: string, options: CitizenIdOptions = {}): CitizenIdResult {
  const legacy = normalizeIdentifier(input);
  if (!/^[1-9]\d{14}$/.test(legacy)) return fail('format');
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return validateCitizenId(first17 + computeCitizenIdCheck(first17), options);
}

/**
 * Masks for display and logs: the first 6 (region) and last 4 characters stay visible,
 * e.g. 530125********123X. Anything shorter than 11 characters is masked entirely, since showing 10 of
 * fewer characters would reveal almost all of it.
 */
export function maskCitizenId(id: string): string {
  const value = normalizeIdentifier(id);
  if (value.length < 11) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/**
 * A valid ID for demo and test data. The order code is `sequence` adjusted by one where needed so its parity
 * matches the gender (odd = male, even = female); sequences 2k and 2k+1 therefore give the same code.
 */
export function generateCitizenId(
  regionCode6: string,
  birthDate: IsoDate,
  sequence: number,
  gender: 'male' | 'female',
): string {
  if (!/^[1-9]\d{5}$/.test(regionCode6)) throw new RangeError('regionCode6 must be 6 digits, not starting with 0');
  if (!isIsoDate(birthDate)) throw new RangeError(`birthDate must be YYYY-MM-DD: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError('sequence must be 0..999');
  const wantOdd = gender === 'male';
  const order = (sequence % 2 === 1) === wantOdd ? sequence : (sequence + 1) % 1000;
  const first17 = `${regionCode6}${birthDate.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  return first17 + computeCitizenIdCheck(first17);
}
