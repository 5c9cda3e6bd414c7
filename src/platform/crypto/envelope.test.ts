import { createDecipheriv, getCiphers } from 'node:crypto';
import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, sm4Cbc, tokenAlgorithm, unwrapKey, wrapKey } from './envelope';
import { CryptoError } from './errors';
import { type FieldAlgorithm, generateDataKey } from './keys';

const ALGORITHMS: FieldAlgorithm[] = ['sm4', 'aes-256-gcm'];

function expectCryptoError(fn: () => unknown, key: CryptoError['messageKey']): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).messageKey).toBe(key);
    return;
  }
  throw new Error(`expected a CryptoError ${key}`);
}

/** Changes one character of one part of the token to another base64 character of the same class. */
function tamper(token: string, part: number, index = 0): string {
  const parts = token.split(':');
  const s = parts[part];
  const c = s.charAt(index);
  parts[part] = s.slice(0, index) + (c === 'A' ? 'B' : 'A') + s.slice(index + 1);
  return parts.join(':');
}

describe('SM4 through sm-crypto', () => {
  it('matches the GB/T 32907-2016 example block', () => {
    // Key and plaintext are both 0123456789abcdeffedcba9876543210 in the standard's example.
    const hex = '0123456789abcdeffedcba9876543210';
    const block = smCrypto.sm4.encrypt(Array.from(Buffer.from(hex, 'hex')), hex, { padding: 'none', output: 'array' });
    expect(Buffer.from(block).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('produces standard SM4-CBC that OpenSSL decrypts with the data key', () => {
    expect(getCiphers()).toContain('sm4-cbc');
    const key = generateDataKey('sm4');
    const token = encryptField('举报人电话 13800000000', key, 'sm4');
    const [, , iv, ct] = token.split(':');
    const d = createDecipheriv('sm4-cbc', key, Buffer.from(iv, 'base64'));
    const plain = Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
    expect(plain).toBe('举报人电话 13800000000');
  });

  it('native OpenSSL SM4 and sm-crypto give the same bytes and read each other', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (data, key, iv) => {
      const native = sm4Cbc('encrypt', data, key, iv, true);
      const js = sm4Cbc('encrypt', data, key, iv, false);
      expect(Buffer.from(native).toString('hex')).toBe(Buffer.from(js).toString('hex'));
      expect(Buffer.from(sm4Cbc('decrypt', native, key, iv, false))).toEqual(Buffer.from(data));
      expect(Buffer.from(sm4Cbc('decrypt', js, key, iv, true))).toEqual(Buffer.from(data));
    }), { numRuns: 100 });
  });
});

describe.each(ALGORITHMS)('%s fields', (algorithm) => {
  const key = generateDataKey(algorithm);

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.option(fc.string(), { nil: undefined }), (text, context) => {
        const token = encryptField(text, key, algorithm, { context });
        expect(token.startsWith(`v1:${algorithm}:`)).toBe(true);
        expect(tokenAlgorithm(token)).toBe(algorithm);
        expect(decryptField(token, key, { context })).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('uses a fresh IV each time', () => {
    expect(encryptField('same', key, algorithm)).not.toBe(encryptField('same', key, algorithm));
  });

  it('detects tampering with the IV, ciphertext or tag', () => {
    const token = encryptField('张三 530125198001011234', key, algorithm);
    for (const part of [2, 3, 4]) expectCryptoError(() => decryptField(tamper(token, part), key), 'crypto.authFailed');
  });

  it('detects a swapped algorithm label or a truncated token', () => {
    const token = encryptField('x', key, algorithm);
    const other = algorithm === 'sm4' ? 'aes-256-gcm' : 'sm4';
    expect(() => decryptField(token.replace(algorithm, other), key)).toThrow(CryptoError);
    expectCryptoError(() => decryptField(token.split(':').slice(0, 4).join(':'), key), 'crypto.malformed');
    expectCryptoError(() => decryptField(token.replace('v1:', 'v2:'), key), 'crypto.malformed');
    expectCryptoError(() => decryptField(token.replace(algorithm, 'des'), key), 'crypto.unsupportedAlgorithm');
  });

  it('fails with the wrong key', () => {
    const token = encryptField('secret', key, algorithm);
    expectCryptoError(() => decryptField(token, generateDataKey(algorithm)), 'crypto.authFailed');
    expectCryptoError(() => decryptField(token, generateDataKey(algorithm === 'sm4' ? 'aes-256-gcm' : 'sm4')), 'crypto.authFailed');
  });

  it('binds the ciphertext to its context', () => {
    const token = encryptField('13800000000', key, algorithm, { context: 'report:1:phone' });
    expectCryptoError(() => decryptField(token, key, { context: 'report:2:phone' }), 'crypto.authFailed');
    expectCryptoError(() => decryptField(token, key), 'crypto.authFailed');
  });

  it('refuses a key of the wrong length for encryption', () => {
    expectCryptoError(() => encryptField('x', new Uint8Array(algorithm === 'sm4' ? 32 : 16), algorithm), 'crypto.keyLength');
  });
});

describe('wrapKey / unwrapKey', () => {
  const master = generateDataKey('aes-256-gcm');

  it.each(ALGORITHMS)('round-trips data keys with %s', (algorithm) => {
    for (const dataKey of [generateDataKey('sm4'), generateDataKey('aes-256-gcm')]) {
      const wrapped = wrapKey(dataKey, master, algorithm);
      expect(tokenAlgorithm(wrapped)).toBe(algorithm);
      expect(unwrapKey(wrapped, master)).toEqual(dataKey);
    }
  });

  it('works with a 16-byte master key too', () => {
    const small = generateDataKey('sm4');
    const dataKey = generateDataKey('sm4');
    expect(unwrapKey(wrapKey(dataKey, small, 'aes-256-gcm'), small)).toEqual(dataKey);
  });

  it('fails with the wrong master key or a tampered wrap', () => {
    const wrapped = wrapKey(generateDataKey('sm4'), master, 'sm4');
    expectCryptoError(() => unwrapKey(wrapped, generateDataKey('aes-256-gcm')), 'crypto.authFailed');
    expectCryptoError(() => unwrapKey(tamper(wrapped, 3, 5), master), 'crypto.authFailed');
  });

  it('cannot be confused with an encrypted field under the same key', () => {
    // The wrap context differs from a field's, so a wrapped key is not a valid field token and vice versa.
    const kekUser = generateDataKey('sm4');
    const field = encryptField('not a key', kekUser, 'sm4');
    expect(() => unwrapKey(field, kekUser)).toThrow(CryptoError);
  });

  it('rejects bad key sizes', () => {
    expectCryptoError(() => wrapKey(new Uint8Array(20), master), 'crypto.keyLength');
    expectCryptoError(() => wrapKey(generateDataKey(), new Uint8Array(8)), 'crypto.keyLength');
  });

  it('end to end: a record key wrapped under the master key protects a field', () => {
    const dataKey = generateDataKey('sm4');
    const stored = { wrappedKey: wrapKey(dataKey, master), phone: encryptField('13900001111', dataKey, 'sm4') };
    expect(decryptField(stored.phone, unwrapKey(stored.wrappedKey, master))).toBe('13900001111');
  });
});
