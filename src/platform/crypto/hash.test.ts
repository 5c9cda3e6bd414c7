import { createHmac, getHashes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBytes, hashHex, hmacHex, hmacSm3PureJs, sm3HexPureJs } from './hash';

describe('hashHex', () => {
  it('matches the SM3 examples of GB/T 32905-2016', () => {
    expect(hashHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hashHex('sm3', 'abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(sm3HexPureJs('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('matches the SHA-256 example of FIPS 180-2', () => {
    expect(hashHex('sha256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes strings as UTF-8, the same as their bytes', () => {
    for (const alg of ['sm3', 'sha256'] as const) {
      expect(hashHex(alg, '廉鉴 😀')).toBe(hashHex(alg, new TextEncoder().encode('廉鉴 😀')));
    }
    expect(hashBytes('sm3', 'abc')).toHaveLength(32);
  });

  it('gives the same SM3 digests in the pure-JS and native implementations', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sm3HexPureJs(bytes)).toBe(hashHex('sm3', bytes));
      }),
      { numRuns: 50 },
    );
    expect(getHashes()).toContain('sm3'); // documents that this runtime exercises the native path
  });

  it('rejects unknown algorithms', () => {
    expect(() => hashHex('md5' as 'sm3', 'abc')).toThrow(RangeError);
  });
});

describe('hmacHex', () => {
  it('matches RFC 4231 test case 2 for HMAC-SHA256', () => {
    const key = new TextEncoder().encode('Jefe');
    expect(hmacHex('sha256', key, 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('gives the same HMAC-SM3 in sm-crypto and OpenSSL, including keys longer than a block', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.uint8Array({ maxLength: 200 }), (key, data) => {
        const native = createHmac('sm3', key).update(data).digest('hex');
        expect(Buffer.from(hmacSm3PureJs(key, data)).toString('hex')).toBe(native);
        expect(hmacHex('sm3', key, data)).toBe(native);
      }),
      { numRuns: 50 },
    );
  });
});
