import type { AuditActor } from '../../platform/audit/auditLog';
import type { Config } from '../../platform/config';
import type { AppContext } from '../../platform/context';
import {
  decryptField, encryptField, fieldAlgorithm, generateDataKey, keyFingerprint, masterKey, unwrapKey, useMasterKey, wrapKey, type FieldAlgorithm,
} from '../../platform/crypto';
import { rewrapTotpSecrets } from '../../platform/auth/totpSecret';

// The master key is the platform's (it also protects TOTP secrets); re-exported for the reports' callers.
export { fieldAlgorithm, masterKey, masterKeyFile, useMasterKey } from '../../platform/crypto';

/**
 * The identity vault. A report's reporter identity (name, citizen ID, phone …) is one JSON document encrypted
 * under a fresh per-report data key; the data key is stored wrapped by the master key, with the master key's
 * fingerprint as key_id. Plain identity never reaches a column, a log line or a list response.
 * The master key and its sources are in src/platform/crypto/masterKey.ts.
 */
export interface ReporterIdentity { name: string; citizenId?: string; phone?: string; address?: string }

export interface SealedIdentity { identity_cipher: string; data_key_wrapped: string; key_id: string }

const context = (reportId: string) => `report:${reportId}:identity`;

// The master key's fingerprint goes into every sealed row; hashing the key once per key, not per report.
const fingerprints = new WeakMap<Uint8Array, string>();
function fingerprintOf(key: Uint8Array): string {
  let f = fingerprints.get(key);
  if (!f) fingerprints.set(key, (f = keyFingerprint(key)));
  return f;
}

export function sealIdentity(config: Config, reportId: string, identity: ReporterIdentity): SealedIdentity {
  const alg = fieldAlgorithm();
  const dataKey = generateDataKey(alg);
  const mk = masterKey(config);
  return {
    identity_cipher: encryptField(JSON.stringify(identity), dataKey, alg, { context: context(reportId) }),
    data_key_wrapped: wrapKey(dataKey, mk, alg),
    key_id: fingerprintOf(mk),
  };
}

export function openIdentity(config: Config, reportId: string, sealed: SealedIdentity): ReporterIdentity {
  const dataKey = unwrapKey(sealed.data_key_wrapped, masterKey(config));
  return JSON.parse(decryptField(sealed.identity_cipher, dataKey, { context: context(reportId) })) as ReporterIdentity;
}

/** What lists and exports show instead of the identity: only whether there is one. */
export function maskedName(identified: boolean): string {
  return identified ? '实名（已加密）' : '匿名';
}

/**
 * Re-wrap every data key under `newKey` in one transaction (all or nothing), then use the new key.
 * Rows already wrapped by the new key are skipped, so an interrupted rotation can simply be run again.
 */
export async function rotateMasterKey(ctx: AppContext, newKey: Uint8Array, actor: AuditActor | null = null): Promise<{ rewrapped: number; keyId: string }> {
  const oldKey = masterKey(ctx.config);
  const newId = keyFingerprint(newKey);
  const oldId = keyFingerprint(oldKey);
  const rewrapped = await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('reports').select(['id', 'data_key_wrapped', 'key_id'])
      .where('data_key_wrapped', 'is not', null).where('key_id', '!=', newId).execute();
    for (const r of rows) {
      if (r.key_id !== oldId) throw new Error(`Report ${r.id} is wrapped by key ${r.key_id}, not the current master key ${oldId}`);
      const dataKey = unwrapKey(r.data_key_wrapped!, oldKey);
      const alg: FieldAlgorithm = dataKey.length === 16 ? 'sm4' : 'aes-256-gcm';
      await trx.updateTable('reports').set({ data_key_wrapped: wrapKey(dataKey, newKey, alg), key_id: newId }).where('id', '=', r.id).execute();
    }
    const totpSecrets = await rewrapTotpSecrets(trx, oldKey, newKey);
    await ctx.audit.record(trx, actor, { action: 'reports.vault.rotateKey', objectType: 'masterKey', objectId: newId, detail: { from: oldId, to: newId, rewrapped: rows.length, totpSecrets } });
    return rows.length;
  });
  useMasterKey(ctx.config, newKey);
  return { rewrapped, keyId: newId };
}
