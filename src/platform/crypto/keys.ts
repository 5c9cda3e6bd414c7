/**
 * Key material: random data keys, the master key (from the environment or a key file), and keys derived
 * from them. Derivation uses HMAC as a PRF over a fixed label (the HKDF-expand idea, one block) so that one
 * master key can serve both algorithms and no raw key is ever used for two purposes.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CryptoError } from './errors';
import { hmac } from './hash';

export type FieldAlgorithm = 'sm4' | 'aes-256-gcm';

/** Key sizes: SM4 is a 128-bit cipher; AES-256 takes 256 bits. */
export const KEY_LENGTH: Readonly<Record<FieldAlgorithm, number>> = { sm4: 16, 'aes-256-gcm': 32 };

export function isFieldAlgorithm(value: string): value is FieldAlgorithm {
  return value === 'sm4' || value === 'aes-256-gcm';
}

/** A fresh random data key for one record (or one field) of the given algorithm. */
export function generateDataKey(algorithm: FieldAlgorithm = 'sm4'): Uint8Array {
  return new Uint8Array(randomBytes(KEY_LENGTH[algorithm]));
}

export function assertKeyLength(key: Uint8Array, algorithm: FieldAlgorithm): void {
  if (key.length !== KEY_LENGTH[algorithm]) {
    throw new CryptoError('crypto.keyLength', `${algorithm} needs a ${KEY_LENGTH[algorithm]}-byte key, got ${key.length}`, {
      algorithm,
      expected: KEY_LENGTH[algorithm],
      actual: key.length,
    });
  }
}

/**
 * A sub-key for `purpose`, `length` bytes long (≤ 32). SM4 keys derive with HMAC-SM3 and AES keys with
 * HMAC-SHA256, so an SM-only deployment never depends on a non-national primitive.
 */
export function deriveKey(key: Uint8Array, purpose: string, algorithm: FieldAlgorithm, length: number): Uint8Array {
  const prf = algorithm === 'sm4' ? 'sm3' : 'sha256';
  return hmac(prf, key, `lianjian/v1/${purpose}`).slice(0, length);
}

/** A short, non-secret identifier of a key (e.g. to record which master key wrapped a data key). */
export function keyFingerprint(key: Uint8Array): string {
  return Buffer.from(hmac('sm3', key, 'lianjian/v1/fingerprint')).toString('hex').slice(0, 16);
}

export interface MasterKeySource {
  /** The key as text: 32 or 64 hex digits, or base64 of 16 or 32 bytes (e.g. process.env.LIANJIAN_MASTER_KEY). */
  env?: string;
  /** A file holding the key as hex or base64 text, or as 16 or 32 raw bytes. Used when `env` is empty. */
  keyFile?: string;
}

const HEX = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{64})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** Decodes key text; hex is tried first (a 32/64-digit hex string is never the base64 of 16 or 32 bytes). */
function parseKeyText(text: string): Uint8Array | null {
  const t = text.trim();
  if (HEX.test(t)) return new Uint8Array(Buffer.from(t, 'hex'));
  if (BASE64.test(t)) {
    const bytes = Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
    if (bytes.length === 16 || bytes.length === 32) return new Uint8Array(bytes);
  }
  return null;
}

/**
 * Raw binary keys (e.g. `head -c 32 /dev/urandom`). Text that is exactly 16 or 32 printable characters is
 * refused rather than taken as key bytes: it is almost surely a password typed into the file, and a random key
 * is all-printable with probability ~1e-7 (16 bytes) or ~1e-14 (32 bytes).
 */
function rawKey(raw: Buffer): Uint8Array | null {
  if (raw.length !== 16 && raw.length !== 32) return null;
  return raw.every((b) => b >= 0x20 && b < 0x7f) ? null : new Uint8Array(raw);
}

function rejectWeak(key: Uint8Array): Uint8Array {
  // Catches placeholders such as 000…0 or fff…f copied from documentation.
  if (key.every((b) => b === key[0])) throw new CryptoError('crypto.masterKeyWeak', 'The master key has all bytes equal');
  return key;
}

/**
 * Loads the master key (16 or 32 bytes). The environment variable wins over the key file; with neither
 * configured this throws, because running without encryption of reporter data must never happen silently.
 */
export function loadMasterKey(
  source: MasterKeySource = { env: process.env.LIANJIAN_MASTER_KEY, keyFile: process.env.LIANJIAN_MASTER_KEY_FILE },
): Uint8Array {
  if (source.env !== undefined && source.env.trim() !== '') {
    const key = parseKeyText(source.env);
    if (!key) {
      throw new CryptoError('crypto.masterKeyInvalid', 'LIANJIAN_MASTER_KEY is not 16 or 32 bytes of hex or base64', {
        source: 'LIANJIAN_MASTER_KEY',
      });
    }
    return rejectWeak(key);
  }
  if (source.keyFile) {
    let raw: Buffer;
    try {
      raw = readFileSync(source.keyFile);
    } catch (error) {
      throw new CryptoError('crypto.masterKeyFileUnreadable', `Cannot read master key file ${source.keyFile}`, { path: source.keyFile }, error);
    }
    const key = parseKeyText(raw.toString('utf8')) ?? rawKey(raw);
    if (!key) {
      throw new CryptoError('crypto.masterKeyInvalid', `Master key file ${source.keyFile} holds no 16- or 32-byte key`, {
        source: source.keyFile,
      });
    }
    return rejectWeak(key);
  }
  throw new CryptoError('crypto.masterKeyMissing', 'No master key configured (LIANJIAN_MASTER_KEY or a key file)');
}
