/**
 * Hashes and HMACs for integrity (audit chain, upload fingerprints, receipt hashes) in either the national
 * algorithm SM3 (GB/T 32905) or SHA-256.
 *
 * SM3 prefers the OpenSSL implementation in node:crypto when the runtime has it (about 40× faster, which
 * matters for hashing uploads) and falls back to the pure-JS sm-crypto otherwise, e.g. on OpenSSL builds
 * without SM algorithms. Tests check that both give the same digests.
 */
import { createHash, createHmac, getHashes } from 'node:crypto';
import smCrypto from 'sm-crypto';

export type HashAlgorithm = 'sm3' | 'sha256';

const nativeSm3 = getHashes().includes('sm3');

function toBytes(data: string | Uint8Array): Uint8Array {
  // Encode strings ourselves (UTF-8) so both SM3 implementations hash exactly the same bytes.
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** SM3 through sm-crypto only; exported so tests can compare it with the native path. */
export function sm3HexPureJs(data: string | Uint8Array): string {
  return smCrypto.sm3(Array.from(toBytes(data)));
}

export function hashBytes(algorithm: HashAlgorithm, data: string | Uint8Array): Uint8Array {
  return Buffer.from(hashHex(algorithm, data), 'hex');
}

export function hashHex(algorithm: HashAlgorithm, data: string | Uint8Array): string {
  if (algorithm === 'sha256') return createHash('sha256').update(toBytes(data)).digest('hex');
  if (algorithm === 'sm3') return nativeSm3 ? createHash('sm3').update(toBytes(data)).digest('hex') : sm3HexPureJs(data);
  throw new RangeError(`Unsupported hash algorithm: ${String(algorithm)}`);
}

/** HMAC-SM3 through sm-crypto only (for tests, like sm3HexPureJs). */
export function hmacSm3PureJs(key: Uint8Array, data: string | Uint8Array): Uint8Array {
  return Buffer.from(smCrypto.sm3(Array.from(toBytes(data)), { key: Array.from(key) }), 'hex');
}

/** HMAC (RFC 2104) with SM3 or SHA-256. */
export function hmac(algorithm: HashAlgorithm, key: Uint8Array, data: string | Uint8Array): Uint8Array {
  if (algorithm === 'sha256') return createHmac('sha256', key).update(toBytes(data)).digest();
  if (algorithm === 'sm3') return nativeSm3 ? createHmac('sm3', key).update(toBytes(data)).digest() : hmacSm3PureJs(key, data);
  throw new RangeError(`Unsupported hash algorithm: ${String(algorithm)}`);
}

export function hmacHex(algorithm: HashAlgorithm, key: Uint8Array, data: string | Uint8Array): string {
  return Buffer.from(hmac(algorithm, key, data)).toString('hex');
}
