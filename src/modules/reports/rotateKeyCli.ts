import { parseArgs } from 'node:util';
import { cliActor } from '../../cli/auditCommand';
import { loadConfig } from '../../platform/config';
import { closeContext, createContext } from '../../platform/context';
import { keyFingerprint, loadMasterKey } from '../../platform/crypto';
import { rotateMasterKey } from './vault';

export const rotateKeyUsage = `Usage: lianjian reports rotate-key --new-key-file FILE
  Re-wraps every reporter-identity data key under the key in FILE (hex or base64 of 16/32 bytes, or raw bytes),
  in one transaction. The current key comes from LIANJIAN_MASTER_KEY / LIANJIAN_MASTER_KEY_FILE (or the data
  folder's master.key). Afterwards point LIANJIAN_MASTER_KEY_FILE at FILE (or replace master.key with it).
  Stop the server first (reports it takes meanwhile would be wrapped by the old key). Safe to run again: rows
  already wrapped by the new key are skipped.
`;

/** `lianjian reports rotate-key`, for the reports command to dispatch to. */
export async function rotateKeyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'new-key-file': { type: 'string' } } });
  if (!values['new-key-file']) {
    process.stderr.write(rotateKeyUsage);
    return 2;
  }
  const newKey = loadMasterKey({ keyFile: values['new-key-file'] });
  const ctx = await createContext(loadConfig());
  try {
    const { rewrapped, keyId } = await rotateMasterKey(ctx, newKey, cliActor());
    process.stdout.write(`已用新主密钥重新封装 ${rewrapped} 个数据密钥 Re-wrapped ${rewrapped} data keys under key ${keyId} (${keyFingerprint(newKey) === keyId ? 'ok' : 'mismatch'}).\n`
      + `现在请把 LIANJIAN_MASTER_KEY_FILE 指向 ${values['new-key-file']} Now point LIANJIAN_MASTER_KEY_FILE at the new key file and restart.\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
