import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { isFieldAlgorithm, loadMasterKey, type FieldAlgorithm } from './keys';

/**
 * The deployment's master key, which wraps every per-record data key (reporter identities) and protects
 * users' TOTP secrets: LIANJIAN_MASTER_KEY, else LIANJIAN_MASTER_KEY_FILE. The embedded (PGlite) tier with
 * neither set generates `<data>/master.key` (0600) on first use, so a demo works out of the box; a
 * PostgreSQL deployment must configure a key (it would otherwise keep the key beside a database it does not
 * hold). In-memory test databases get a per-process random key.
 */
const keys = new WeakMap<Config, Uint8Array>();
let ephemeralKey: Uint8Array | null = null;

export function fieldAlgorithm(env: NodeJS.ProcessEnv = process.env): FieldAlgorithm {
  const v = env.LIANJIAN_FIELD_CIPHER;
  return v && isFieldAlgorithm(v) ? v : 'sm4';
}

export function masterKeyFile(config: Config): string {
  return path.join(config.dataDir, 'master.key');
}

export function masterKey(config: Config): Uint8Array {
  const cached = keys.get(config);
  if (cached) return cached;
  const env = process.env.LIANJIAN_MASTER_KEY;
  const file = process.env.LIANJIAN_MASTER_KEY_FILE;
  let key: Uint8Array;
  if ((env && env.trim()) || file) key = loadMasterKey({ env, keyFile: file });
  else if (config.dataDir.startsWith('memory://')) key = (ephemeralKey ??= new Uint8Array(randomBytes(32)));
  else if (config.databaseUrl) key = loadMasterKey({}); // throws crypto.masterKeyMissing: configure a key
  else key = embeddedKey(config);
  keys.set(config, key);
  return key;
}

function embeddedKey(config: Config): Uint8Array {
  const file = masterKeyFile(config);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      // 'wx': never overwrite a key another process just wrote (that would orphan its data keys).
      fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      process.stdout.write(`已生成主密钥 Generated the master key ${file} (0600). Back it up separately from the data: without it reporter identities cannot be read.\n`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return loadMasterKey({ keyFile: file });
}

/** Replace the cached master key (after a rotation, or in tests). */
export function useMasterKey(config: Config, key: Uint8Array): void {
  keys.set(config, key);
}
