/**
 * Envelope encryption for sensitive fields (reporter identity and contact): each record gets its own data
 * key, the data key is stored wrapped under the master key, and fields are stored as compact strings
 *
 *   v1:<alg>:<iv base64>:<ciphertext base64>:<tag base64>
 *
 * Two algorithms:
 *  - 'sm4' (GM/T 0002, for 密评 / national-crypto deployments): SM4-CBC with PKCS#7 and a random IV via
 *    sm-crypto, then encrypt-then-MAC with HMAC-SM3 over the version, algorithm, IV and ciphertext. sm-crypto has
 *    no authenticated mode, and CBC alone would let an attacker flip plaintext bits unnoticed. The cipher key is
 *    the data key itself (so any SM4 tool can decrypt with it); the MAC key is derived from it with HMAC-SM3.
 *  - 'aes-256-gcm' via node:crypto, 96-bit IV, 128-bit tag.
 * An optional `context` (e.g. "report:42:reporterPhone") is authenticated too, so a ciphertext copied into
 * another record or field fails to decrypt.
 */
import { createCipheriv, createDecipheriv, getCiphers, randomBytes, timingSafeEqual } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { CryptoError } from './errors';
import { hmac } from './hash';
import { type FieldAlgorithm, KEY_LENGTH, assertKeyLength, deriveKey, isFieldAlgorithm } from './keys';

const VERSION = 'v1';
const IV_LENGTH: Readonly<Record<FieldAlgorithm, number>> = { sm4: 16, 'aes-256-gcm': 12 };
const TAG_LENGTH: Readonly<Record<FieldAlgorithm, number>> = { sm4: 32, 'aes-256-gcm': 16 };
const WRAP_CONTEXT = 'data-key';

export interface FieldCryptoOptions {
  /** Authenticated but not encrypted; must be the same for decryption. */
  context?: string;
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Strict base64: re-encoding must give the same text, so there is exactly one spelling of a ciphertext. */
function unb64(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw malformed('invalid base64');
  return new Uint8Array(bytes);
}

function malformed(detail: string): CryptoError {
  return new CryptoError('crypto.malformed', `Malformed ciphertext: ${detail}`);
}

function authFailed(cause?: unknown): CryptoError {
  return new CryptoError('crypto.authFailed', 'Decryption failed: wrong key or tampered data', {}, cause);
}

/** What the tag/MAC covers besides the ciphertext. Base64 and the prefix never contain '|', so this is unambiguous. */
function authenticatedData(prefix: string, context: string | undefined): Buffer {
  return Buffer.from(`${prefix}|${context ?? ''}`, 'utf8');
}

export function encryptBytes(
  plaintext: Uint8Array,
  key: Uint8Array,
  algorithm: FieldAlgorithm,
  options: FieldCryptoOptions = {},
): string {
  if (!isFieldAlgorithm(algorithm)) {
    throw new CryptoError('crypto.unsupportedAlgorithm', `Unsupported algorithm ${String(algorithm)}`, { algorithm: String(algorithm) });
  }
  assertKeyLength(key, algorithm);
  const iv = randomBytes(IV_LENGTH[algorithm]);
  if (algorithm === 'aes-256-gcm') {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH[algorithm] });
    cipher.setAAD(authenticatedData(`${VERSION}:${algorithm}`, options.context));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, algorithm, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join(':');
  }
  const ciphertext = sm4Cbc('encrypt', plaintext, key, iv);
  const prefix = [VERSION, algorithm, b64(iv), b64(ciphertext)].join(':');
  const tag = hmac('sm3', deriveKey(key, 'sm4-cbc/mac', 'sm4', 32), authenticatedData(prefix, options.context));
  return `${prefix}:${b64(tag)}`;
}

/**
 * SM4-CBC with PKCS#7 padding. Node's OpenSSL 3 has SM4 in most builds and is about ten times faster than
 * the pure-JS sm-crypto, which stays as the fallback for builds without it; both are the same standard
 * cipher, so either decrypts what the other wrote (envelope.test.ts checks it byte for byte).
 */
const nativeSm4 = getCiphers().includes('sm4-cbc');

export function sm4Cbc(op: 'encrypt' | 'decrypt', data: Uint8Array, key: Uint8Array, iv: Uint8Array, native = nativeSm4): Uint8Array {
  if (native) {
    const c = op === 'encrypt' ? createCipheriv('sm4-cbc', key, iv) : createDecipheriv('sm4-cbc', key, iv);
    return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  }
  const opts = { mode: 'cbc', iv: Array.from(iv), padding: 'pkcs#7', output: 'array' } as const;
  const out = op === 'encrypt' ? smCrypto.sm4.encrypt(Array.from(data), Array.from(key), opts) : smCrypto.sm4.decrypt(Array.from(data), Array.from(key), opts);
  return Uint8Array.from(out);
}

interface ParsedToken {
  algorithm: FieldAlgorithm;
  prefix: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

function parseToken(token: string): ParsedToken {
  const parts = token.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) throw malformed('expected v1:<alg>:<iv>:<ciphertext>:<tag>');
  const [, algorithm, ivText, ctText, tagText] = parts;
  if (!isFieldAlgorithm(algorithm)) {
    throw new CryptoError('crypto.unsupportedAlgorithm', `Unsupported algorithm ${algorithm}`, { algorithm });
  }
  const iv = unb64(ivText);
  const ciphertext = unb64(ctText);
  const tag = unb64(tagText);
  if (iv.length !== IV_LENGTH[algorithm] || tag.length !== TAG_LENGTH[algorithm]) throw malformed('bad IV or tag length');
  if (algorithm === 'sm4' && (ciphertext.length === 0 || ciphertext.length % 16 !== 0)) throw malformed('bad block length');
  return { algorithm, prefix: parts.slice(0, 4).join(':'), iv, ciphertext, tag };
}

/** The algorithm a token was made with, without decrypting it (e.g. to pick the key length). */
export function tokenAlgorithm(token: string): FieldAlgorithm {
  return parseToken(token).algorithm;
}

export function decryptBytes(token: string, key: Uint8Array, options: FieldCryptoOptions = {}): Uint8Array {
  const { algorithm, prefix, iv, ciphertext, tag } = parseToken(token);
  // A key of the wrong size cannot be the right key; report it as such rather than as a length error.
  if (key.length !== KEY_LENGTH[algorithm]) throw authFailed();
  if (algorithm === 'aes-256-gcm') {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH[algorithm] });
      decipher.setAAD(authenticatedData(`${VERSION}:${algorithm}`, options.context));
      decipher.setAuthTag(tag);
      return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
    } catch (error) {
      throw authFailed(error);
    }
  }
  // Encrypt-then-MAC: verify before touching the ciphertext, so padding errors can never become an oracle.
  const expected = hmac('sm3', deriveKey(key, 'sm4-cbc/mac', 'sm4', 32), authenticatedData(prefix, options.context));
  if (!timingSafeEqual(expected, tag)) throw authFailed();
  return sm4Cbc('decrypt', ciphertext, key, iv);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function encryptField(
  plaintext: string,
  dataKey: Uint8Array,
  algorithm: FieldAlgorithm = 'sm4',
  options: FieldCryptoOptions = {},
): string {
  return encryptBytes(Buffer.from(plaintext, 'utf8'), dataKey, algorithm, options);
}

export function decryptField(token: string, dataKey: Uint8Array, options: FieldCryptoOptions = {}): string {
  const bytes = decryptBytes(token, dataKey, options);
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new CryptoError('crypto.malformed', 'Decrypted field is not UTF-8 text', {}, error);
  }
}

/**
 * Encrypts a data key under the master key for storage next to the record. The key-encryption key is
 * derived from the master key per algorithm, so one 16- or 32-byte master key serves both algorithms.
 */
export function wrapKey(dataKey: Uint8Array, masterKey: Uint8Array, algorithm: FieldAlgorithm = 'sm4'): string {
  if (dataKey.length !== 16 && dataKey.length !== 32) {
    throw new CryptoError('crypto.keyLength', 'Data keys are 16 or 32 bytes', { algorithm, expected: '16/32', actual: dataKey.length });
  }
  return encryptBytes(dataKey, keyEncryptionKey(masterKey, algorithm), algorithm, { context: WRAP_CONTEXT });
}

export function unwrapKey(wrapped: string, masterKey: Uint8Array): Uint8Array {
  const algorithm = tokenAlgorithm(wrapped);
  return decryptBytes(wrapped, keyEncryptionKey(masterKey, algorithm), { context: WRAP_CONTEXT });
}

function keyEncryptionKey(masterKey: Uint8Array, algorithm: FieldAlgorithm): Uint8Array {
  if (masterKey.length < 16) {
    throw new CryptoError('crypto.keyLength', 'The master key must be at least 16 bytes', { algorithm, expected: 16, actual: masterKey.length });
  }
  return deriveKey(masterKey, `kek/${algorithm}`, algorithm, KEY_LENGTH[algorithm]);
}
