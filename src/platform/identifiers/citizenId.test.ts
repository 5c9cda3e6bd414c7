import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCitizenIdCheck,
  convertLegacyCitizenId,
  generateCitizenId,
  maskCitizenId,
  validateCitizenId,
} from './citizenId';

const TODAY = '2025-11-26';
const STANDARD_EXAMPLE = '11010519491231002X'; // the example printed in GB 11643-1999

const regionArb = fc.integer({ min: 110000, max: 829999 }).map(String);
const birthArb = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 0, 1)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const genderArb = fc.constantFrom<'male' | 'female'>('male', 'female');
const validIdArb = fc
  .tuple(regionArb, birthArb, fc.integer({ min: 0, max: 999 }), genderArb)
  .map(([r, b, s, g]) => generateCitizenId(r, b, s, g));

describe('computeCitizenIdCheck', () => {
  it('matches the standard example, worked by hand', () => {
    // digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X98765432"[2] = X
    expect(computeCitizenIdCheck('11010519491231002')).toBe('X');
  });

  it('rejects wrong input', () => {
    expect(() => computeCitizenIdCheck('1101051949123100')).toThrow(RangeError);
    expect(() => computeCitizenIdCheck('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateCitizenId', () => {
  it('accepts the standard example and decodes it', () => {
    expect(validateCitizenId(STANDARD_EXAMPLE, { today: TODAY })).toEqual({
      ok: true,
      normalized: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('normalises lower-case x, full-width characters and spaces', () => {
    for (const input of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ']) {
      const r = validateCitizenId(input, { today: TODAY });
      expect(r.ok && r.normalized).toBe(STANDARD_EXAMPLE);
    }
  });

  it.each([
    ['', 'format'],
    ['11010519491231002', 'format'], // 17 characters
    ['11010519491231002XX', 'format'],
    ['1101051949123100X2', 'format'], // X only at the end
    ['01010519491231002X', 'format'], // no address code starts with 0
    ['110105491231002', 'format'], // 15-digit numbers go through convertLegacyCitizenId
    ['110105194902300021', 'birthDate'], // 30 February
    ['110105194913310021', 'birthDate'], // month 13
    ['110105094912310021', 'birthDate'], // year 0949
    ['110105202512310021', 'birthDate'], // after "today"
    ['110105194912310021', 'checksum'],
  ] as const)('%s → %s', (input, reason) => {
    const r = validateCitizenId(input, { today: TODAY });
    expect(r).toMatchObject({ ok: false, reason, messageKey: 'field.citizenId', params: { reason: `reason.${reason}` } });
  });

  it('accepts someone born today but not tomorrow', () => {
    const id = generateCitizenId('530125', TODAY, 1, 'male');
    expect(validateCitizenId(id, { today: TODAY }).ok).toBe(true);
    expect(validateCitizenId(id, { today: '2025-11-25' })).toMatchObject({ ok: false, reason: 'birthDate' });
  });

  it('accepts every generated ID and decodes what went in', () => {
    fc.assert(
      fc.property(regionArb, birthArb, fc.integer({ min: 0, max: 999 }), genderArb, (region, birth, seq, gender) => {
        const id = generateCitizenId(region, birth, seq, gender);
        expect(validateCitizenId(id, { today: TODAY })).toEqual({
          ok: true,
          normalized: id,
          birthDate: birth,
          gender,
          regionCode: region,
        });
      }),
    );
  });

  it('detects every single-digit substitution', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        const digit = (Number(id.charAt(pos)) + delta) % 10;
        const changed = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
        const r = validateCitizenId(changed, { today: TODAY });
        expect(r.ok).toBe(false);
        // Outside the birth date the only thing that can catch it is the check character.
        if ((pos < 6 || pos > 13) && !(pos === 0 && digit === 0)) expect(r).toMatchObject({ reason: 'checksum' });
      }),
    );
  });

  it('detects adjacent transpositions', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 15 }), (id, pos) => {
        fc.pre(id.charAt(pos) !== id.charAt(pos + 1));
        const swapped = id.slice(0, pos) + id.charAt(pos + 1) + id.charAt(pos) + id.slice(pos + 2);
        expect(validateCitizenId(swapped, { today: TODAY }).ok).toBe(false);
      }),
    );
  });

  it('defaults "today" to the current date in China', () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(validateCitizenId(generateCitizenId('530125', tomorrow, 2, 'female'))).toMatchObject({ reason: 'birthDate' });
  });
});

describe('convertLegacyCitizenId', () => {
  it('upgrades the 15-digit form of the standard example', () => {
    expect(convertLegacyCitizenId('110105491231002', { today: TODAY })).toMatchObject({
      ok: true,
      normalized: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
    });
  });

  it('rejects bad legacy numbers', () => {
    expect(convertLegacyCitizenId('11010549123100', { today: TODAY })).toMatchObject({ ok: false, reason: 'format' });
    expect(convertLegacyCitizenId(STANDARD_EXAMPLE, { today: TODAY })).toMatchObject({ ok: false, reason: 'format' });
    expect(convertLegacyCitizenId('110105490231002', { today: TODAY })).toMatchObject({ ok: false, reason: 'birthDate' });
  });

  it('is the inverse of dropping the century and check character', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        fc.pre(id.slice(6, 8) === '19');
        const legacy = id.slice(0, 6) + id.slice(8, 17);
        expect(convertLegacyCitizenId(legacy, { today: TODAY })).toMatchObject({ ok: true, normalized: id });
      }),
    );
  });
});

describe('maskCitizenId', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskCitizenId('53012519800101123X')).toBe('530125********123X');
    expect(maskCitizenId('53012519800101123x')).toBe('530125********123X');
    expect(maskCitizenId('530125800101123')).toBe('530125*****1123');
    expect(maskCitizenId('1234567890')).toBe('**********');
    expect(maskCitizenId('')).toBe('');
  });
});

describe('generateCitizenId', () => {
  it('is deterministic and fixes the sequence parity to the gender', () => {
    expect(generateCitizenId('110105', '1949-12-31', 2, 'female')).toBe(STANDARD_EXAMPLE);
    expect(generateCitizenId('110105', '1949-12-31', 1, 'female')).toBe(STANDARD_EXAMPLE);
    expect(generateCitizenId('530125', '1990-05-17', 7, 'male').slice(14, 17)).toBe('007');
    expect(generateCitizenId('530125', '1990-05-17', 7, 'female').slice(14, 17)).toBe('008');
    expect(generateCitizenId('530125', '1990-05-17', 999, 'female').slice(14, 17)).toBe('000');
    expect(generateCitizenId('530125', '1990-05-17', 998, 'male').slice(14, 17)).toBe('999');
  });

  it('rejects bad arguments', () => {
    expect(() => generateCitizenId('53012', '1990-05-17', 1, 'male')).toThrow(RangeError);
    expect(() => generateCitizenId('530125', '1990-02-30', 1, 'male')).toThrow(RangeError);
    expect(() => generateCitizenId('530125', '1990-05-17', 1000, 'male')).toThrow(RangeError);
  });
});
