import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CryptoError } from './errors';
import { deriveKey, generateDataKey, keyFingerprint, loadMasterKey } from './keys';

const dir = mkdtempSync(join(tmpdir(), 'lianjian-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY32 = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));
const KEY16 = KEY32.subarray(0, 16);

function errorKey(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CryptoError ? error.messageKey : 'not a CryptoError';
  }
  return undefined;
}

describe('generateDataKey', () => {
  it('makes keys of the algorithm’s size, different each time', () => {
    expect(generateDataKey('sm4')).toHaveLength(16);
    expect(generateDataKey()).toHaveLength(16);
    expect(generateDataKey('aes-256-gcm')).toHaveLength(32);
    expect(generateDataKey('sm4')).not.toEqual(generateDataKey('sm4'));
  });
});

describe('loadMasterKey', () => {
  it('reads hex and base64 (standard and URL-safe) from the environment value', () => {
    expect(Buffer.from(loadMasterKey({ env: KEY32.toString('hex') }))).toEqual(KEY32);
    expect(Buffer.from(loadMasterKey({ env: KEY32.toString('hex').toUpperCase() }))).toEqual(KEY32);
    expect(Buffer.from(loadMasterKey({ env: ` ${KEY16.toString('hex')}\n` }))).toEqual(KEY16);
    expect(Buffer.from(loadMasterKey({ env: KEY32.toString('base64') }))).toEqual(KEY32);
    const urlSafe = Buffer.from(Array.from({ length: 32 }, () => 0xfb)).fill(1, 0, 1);
    expect(Buffer.from(loadMasterKey({ env: urlSafe.toString('base64url') }))).toEqual(urlSafe);
  });

  it('prefers the environment over the key file', () => {
    const file = join(dir, 'other.key');
    writeFileSync(file, KEY16.toString('hex'));
    expect(Buffer.from(loadMasterKey({ env: KEY32.toString('hex'), keyFile: file }))).toEqual(KEY32);
    expect(Buffer.from(loadMasterKey({ env: '', keyFile: file }))).toEqual(KEY16);
  });

  it('reads a key file holding text or raw bytes', () => {
    const text = join(dir, 'text.key');
    writeFileSync(text, `${KEY32.toString('base64')}\n`);
    expect(Buffer.from(loadMasterKey({ keyFile: text }))).toEqual(KEY32);
    const raw = join(dir, 'raw.key');
    writeFileSync(raw, KEY32); // bytes 1..32 include control characters, as random keys do
    expect(Buffer.from(loadMasterKey({ keyFile: raw }))).toEqual(KEY32);
  });

  it('fails clearly when nothing is configured or the key is unusable', () => {
    expect(errorKey(() => loadMasterKey({}))).toBe('crypto.masterKeyMissing');
    expect(errorKey(() => loadMasterKey({ env: '   ' }))).toBe('crypto.masterKeyMissing');
    expect(errorKey(() => loadMasterKey({ env: 'abc123' }))).toBe('crypto.masterKeyInvalid');
    expect(errorKey(() => loadMasterKey({ env: Buffer.alloc(24, 7).toString('base64') }))).toBe('crypto.masterKeyInvalid');
    expect(errorKey(() => loadMasterKey({ env: '0'.repeat(64) }))).toBe('crypto.masterKeyWeak');
    expect(errorKey(() => loadMasterKey({ keyFile: join(dir, 'missing.key') }))).toBe('crypto.masterKeyFileUnreadable');
    const junk = join(dir, 'junk.key');
    writeFileSync(junk, 'not a key');
    expect(errorKey(() => loadMasterKey({ keyFile: junk }))).toBe('crypto.masterKeyInvalid');
    // Exactly 16 printable characters: a password, not 16 raw key bytes.
    writeFileSync(junk, 'correct-horse-16');
    expect(errorKey(() => loadMasterKey({ keyFile: junk }))).toBe('crypto.masterKeyInvalid');
  });

  it('never puts key material into the error message', () => {
    const secretish = 'zz' + KEY32.toString('hex');
    let caught: unknown;
    try {
      loadMasterKey({ env: secretish });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CryptoError);
    expect((caught as CryptoError).message).not.toContain(KEY32.toString('hex'));
    expect(JSON.stringify((caught as CryptoError).params)).not.toContain(KEY32.toString('hex'));
  });

  it('reads LIANJIAN_MASTER_KEY by default', () => {
    const saved = { key: process.env.LIANJIAN_MASTER_KEY, file: process.env.LIANJIAN_MASTER_KEY_FILE };
    try {
      process.env.LIANJIAN_MASTER_KEY = KEY32.toString('hex');
      delete process.env.LIANJIAN_MASTER_KEY_FILE;
      expect(Buffer.from(loadMasterKey())).toEqual(KEY32);
    } finally {
      if (saved.key === undefined) delete process.env.LIANJIAN_MASTER_KEY;
      else process.env.LIANJIAN_MASTER_KEY = saved.key;
      if (saved.file !== undefined) process.env.LIANJIAN_MASTER_KEY_FILE = saved.file;
    }
  });
});

describe('derived keys', () => {
  it('differ by purpose and algorithm and are deterministic', () => {
    const a = deriveKey(KEY32, 'kek/sm4', 'sm4', 16);
    expect(a).toHaveLength(16);
    expect(deriveKey(KEY32, 'kek/sm4', 'sm4', 16)).toEqual(a);
    expect(deriveKey(KEY32, 'other', 'sm4', 16)).not.toEqual(a);
    expect(deriveKey(KEY32, 'kek/sm4', 'aes-256-gcm', 16)).not.toEqual(a);
  });

  it('fingerprints keys without revealing them', () => {
    expect(keyFingerprint(KEY32)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(KEY32)).toBe(keyFingerprint(Buffer.from(KEY32)));
    expect(keyFingerprint(KEY32)).not.toBe(keyFingerprint(KEY16));
    expect(KEY32.toString('hex')).not.toContain(keyFingerprint(KEY32));
  });
});
