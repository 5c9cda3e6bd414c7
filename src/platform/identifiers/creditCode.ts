/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * Layout: 登记管理部门码(1) + 机构类别码(1) + 登记管理机关行政区划码(6) + 主体标识码(9, the GB 11714 organisation
 * code) + 校验码(1). Characters come from a 31-symbol set without I, O, Z, S, V.
 *
 * A checksum mismatch is reported as reason 'checksum' with the expected character, and callers treat it as a
 * warning the user may override: some early Fujian pilot codes are legally issued yet fail the check
 * (discipline-rules §7.2). A 'format' failure is a hard error.
 */
import { normalizeIdentifier, seededRandom } from './normalize';

/** The 31 code characters; a character's index is its numeric value. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** w_i = 3^i mod 31, for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeResult =
  | { ok: true; normalized: string }
  | {
      ok: false;
      reason: 'format' | 'checksum';
      /** The check character the first 17 characters call for (checksum failures only). */
      expected?: string;
      /** Cleaned-up input, so an overriding caller can store the canonical form. */
      normalized?: string;
      /** i18n key in src/platform/i18n/messages.ts; params fill its placeholders. */
      messageKey: 'field.creditCodeFormat' | 'field.creditCode';
      params: Record<string, string>;
    };

/** Check character for the first 17 characters (already upper case). Throws on characters outside the set. */
export function computeCreditCodeCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError('Expected the first 17 characters of a credit code');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`Invalid credit code character: ${first17.charAt(i)}`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function validateCreditCode(input: string): CreditCodeResult {
  const normalized = normalizeIdentifier(input);
  if (!FORMAT.test(normalized)) {
    return { ok: false, reason: 'format', messageKey: 'field.creditCodeFormat', params: {} };
  }
  const expected = computeCreditCodeCheck(normalized.slice(0, 17));
  if (normalized.charAt(17) !== expected) {
    return { ok: false, reason: 'checksum', expected, normalized, messageKey: 'field.creditCode', params: { expected } };
  }
  return { ok: true, normalized };
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Check character of a GB 11714 organisation code (the 主体标识码 inside a credit code). Not enforced by
 * validateCreditCode: codes of individual businesses (个体工商户) do not always follow GB 11714.
 */
export function computeOrganizationCodeCheck(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('Expected 8 characters 0-9 / A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charAt(i);
    const value = ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += value * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Common registration-authority + organisation-type prefixes, so demo data shows some variety. */
const DEMO_PREFIXES = [
  '91', // 工商 · 企业 (enterprise)
  '91',
  '91',
  '92', // 工商 · 个体工商户 (individual business)
  '93', // 工商 · 农民专业合作社 (farmers' cooperative)
  '12', // 机构编制 · 事业单位 (public institution)
  '11', // 机构编制 · 机关 (government organ)
  '51', // 民政 · 社会团体 (social organisation)
  '52', // 民政 · 民办非企业单位 (private non-enterprise unit)
] as const;

/**
 * A valid credit code for demo and test data: deterministic for (regionCode6, seed), with a valid
 * organisation-code check inside and a valid overall check character.
 */
export function generateCreditCode(regionCode6: string, seed: number): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError('regionCode6 must be 6 digits');
  const random = seededRandom(seed);
  const prefix = DEMO_PREFIXES[Math.floor(random() * DEMO_PREFIXES.length)];
  let body = '';
  for (let i = 0; i < 8; i++) body += String(Math.floor(random() * 10));
  const first17 = `${prefix}${regionCode6}${body}${computeOrganizationCodeCheck(body)}`;
  return first17 + computeCreditCodeCheck(first17);
}
