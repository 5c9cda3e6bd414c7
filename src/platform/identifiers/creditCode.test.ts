import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
  generateCreditCode,
  validateCreditCode,
} from './creditCode';

// Codes published by large companies on their own disclosures; each was checked with an independent
// implementation (Python) before being written here, and both their credit-code and organisation-code check
// characters hold.
const PUBLIC_CODES = [
  '91110000100006485K',
  '914403001922038216',
  '91330100799655058B',
  '91440300708461136T',
  '91110108551385082Q',
];

describe('computeCreditCodeCheck', () => {
  it('works out 91110000100006485K by hand', () => {
    // values 9 1 1 1 0 0 0 0 1 0 0 0 0 6 4 8 5
    // weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // sum = 9+3+9+27+0+0+0+0+20+0+0+0+0+144+40+240+140 = 632; 632 mod 31 = 12; 31 − 12 = 19 → charset[19] = K
    expect(CREDIT_CODE_CHARSET.charAt(19)).toBe('K');
    expect(computeCreditCodeCheck('91110000100006485')).toBe('K');
  });

  it('maps sums ≡ 0 to 0 and ≡ 1 to Y (the wrap-around of (31 − S mod 31) mod 31)', () => {
    expect(computeCreditCodeCheck('0'.repeat(17))).toBe('0');
    expect(computeCreditCodeCheck('1' + '0'.repeat(16))).toBe('Y');
  });

  it('rejects characters outside the set', () => {
    expect(() => computeCreditCodeCheck('9111000010000648I')).toThrow(RangeError);
    expect(() => computeCreditCodeCheck('911100001')).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  it.each(PUBLIC_CODES)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
  });

  it('normalises case, spaces and full-width input', () => {
    expect(validateCreditCode(' 91330100799655058b ')).toEqual({ ok: true, normalized: '91330100799655058B' });
    expect(validateCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toEqual({ ok: true, normalized: '91440300708461136T' });
  });

  it('reports the Fujian pilot codes as checksum warnings with the computed character', () => {
    // discipline-rules §7.2: legally issued codes that fail the check; the caller may override.
    expect(validateCreditCode('91350100M0001TGQXM')).toMatchObject({ ok: false, reason: 'checksum', expected: '1' });
    expect(validateCreditCode('91350211M0000XUF46')).toMatchObject({ ok: false, reason: 'checksum', expected: 'R' });
    expect(validateCreditCode('91350203M0001FUE2P')).toEqual({
      ok: false,
      reason: 'checksum',
      expected: 'J',
      normalized: '91350203M0001FUE2P',
      messageKey: 'field.creditCode',
      params: { expected: 'J' },
    });
  });

  it.each([
    '',
    '91110000100006485', // 17 characters
    '91110000100006485KK',
    '91110000I00006485K', // I is not in the set
    '9111000010000O485K', // nor O
    '91110000100006485Z', // nor Z
    '9111A000100006485K', // region code must be digits
    'S1110000100006485K',
  ])('rejects the format of %j', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'format', messageKey: 'field.creditCodeFormat', params: {} });
  });

  it('detects every single-character substitution', () => {
    const codeArb = fc.tuple(fc.integer({ min: 110000, max: 829999 }), fc.integer()).map(([r, s]) => generateCreditCode(String(r), s));
    fc.assert(
      fc.property(codeArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, delta) => {
        const ch = CREDIT_CODE_CHARSET.charAt((CREDIT_CODE_CHARSET.indexOf(code.charAt(pos)) + delta) % 31);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        const r = validateCreditCode(changed);
        expect(r.ok).toBe(false);
        if (pos < 2 || pos > 7 || /\d/.test(ch)) expect(r).toMatchObject({ reason: 'checksum' });
      }),
    );
  });
});

describe('computeOrganizationCodeCheck', () => {
  it('matches the organisation codes inside the public credit codes', () => {
    for (const code of PUBLIC_CODES) expect(computeOrganizationCodeCheck(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it('maps 10 to X and 11 to 0', () => {
    // weights 3 7 9 10 5 8 4 2; only the last position is non-zero here, so S = 2 × value.
    expect(computeOrganizationCodeCheck('00000001')).toBe('9'); // S = 2, 11 − 2 = 9
    expect(computeOrganizationCodeCheck('00000002')).toBe('7'); // S = 4
    expect(computeOrganizationCodeCheck('00000006')).toBe('X'); // S = 12 ≡ 1, 11 − 1 = 10 → X
    expect(computeOrganizationCodeCheck('0000000B')).toBe('0'); // B = 11, S = 22 ≡ 0, 11 − 0 = 11 → 0
  });
});

describe('generateCreditCode', () => {
  it('is deterministic, valid, and keeps the region code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 110000, max: 829999 }), fc.integer(), (region, seed) => {
        const code = generateCreditCode(String(region), seed);
        expect(code).toBe(generateCreditCode(String(region), seed));
        expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
        expect(code.slice(2, 8)).toBe(String(region));
        expect(computeOrganizationCodeCheck(code.slice(8, 16))).toBe(code.charAt(16));
      }),
    );
  });

  it('varies with the seed', () => {
    const codes = new Set(Array.from({ length: 50 }, (_, i) => generateCreditCode('530125', i)));
    expect(codes.size).toBe(50);
  });

  it('rejects a bad region code', () => {
    expect(() => generateCreditCode('53012', 1)).toThrow(RangeError);
  });
});
