import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config';
import { decryptField, deriveKey, encryptField, fieldAlgorithm, KEY_LENGTH, masterKey, tokenAlgorithm, type FieldAlgorithm } from '../crypto';
import type { DB } from '../db/schema';

/**
 * TOTP secrets are stored encrypted: whoever reads the users table (a backup, a replica, a leaked dump)
 * must not be able to mint second-factor codes. The key is derived from the master key for this one
 * purpose, and the user's id is authenticated with the ciphertext, so a secret copied onto another account
 * does not decrypt. Rows written before encryption (a bare base32 secret) are still read, and are sealed the
 * next time they are written.
 */
const PURPOSE = 'totp-secret';
const context = (userId: string) => `user:${userId}:totp`;
const isSealed = (stored: string) => stored.startsWith('v1:');

function totpKey(master: Uint8Array, alg: FieldAlgorithm): Uint8Array {
  return deriveKey(master, PURPOSE, alg, KEY_LENGTH[alg]);
}

export function sealTotpSecret(config: Config, userId: string, secret: string): string {
  const alg = fieldAlgorithm();
  return encryptField(secret, totpKey(masterKey(config), alg), alg, { context: context(userId) });
}

export function openTotpSecret(config: Config, userId: string, stored: string | null): string | null {
  if (!stored) return null;
  if (!isSealed(stored)) return stored;
  return decryptField(stored, totpKey(masterKey(config), tokenAlgorithm(stored)), { context: context(userId) });
}

/** Master-key rotation: re-encrypt every sealed TOTP secret under the new key, inside the caller's transaction. */
export async function rewrapTotpSecrets(trx: Transaction<DB> | Kysely<DB>, oldKey: Uint8Array, newKey: Uint8Array): Promise<number> {
  const rows = await trx.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
  let n = 0;
  for (const r of rows) {
    const stored = r.totp_secret!;
    const alg = isSealed(stored) ? tokenAlgorithm(stored) : fieldAlgorithm();
    const secret = isSealed(stored) ? decryptField(stored, totpKey(oldKey, alg), { context: context(r.id) }) : stored;
    const sealed = encryptField(secret, totpKey(newKey, alg), alg, { context: context(r.id) });
    await trx.updateTable('users').set({ totp_secret: sealed }).where('id', '=', r.id).execute();
    n++;
  }
  return n;
}
