import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../platform/audit/verify';
import { createBackup } from '../platform/backup/backup';
import { CorruptBackupError, formatProgress, RestoreRefusedError } from '../platform/backup/format';
import { restoreBackup } from '../platform/backup/restore';
import { filesDir, loadConfig } from '../platform/config';
import { closeContext, createContext, type AppContext } from '../platform/context';
import { cliActor, describeBroken } from './auditCommand';

const out = (s: string) => process.stdout.write(`${s}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function fileArg(args: string[], command: 'backup' | 'restore'): string | null {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    process.stderr.write(`Usage: lianjian ${command} FILE\n`);
    return null;
  }
  return path.resolve(positionals[0]);
}

/**
 * `lianjian backup FILE`. With the embedded engine the data folder belongs to one process, so the server must
 * be stopped first; on PostgreSQL it can run while the server is up (the snapshot is transaction-consistent).
 */
export async function backupCommand(args: string[]): Promise<number> {
  const file = fileArg(args, 'backup');
  if (!file) return 2;
  const config = loadConfig();
  const ctx = await createContext(config);
  try {
    out(`正在备份 Backing up the ${ctx.engine} database and ${filesDir(config)} to ${file}`);
    const r = await createBackup({ db: ctx.db, engine: ctx.engine, filesDir: filesDir(config) }, file, { onProgress: (p) => out(formatProgress(p)) });
    const rows = Object.values(r.manifest.tables).reduce((n, t) => n + t.rows, 0);
    const files = Object.keys(r.manifest.files).length;
    const tables = Object.keys(r.manifest.tables).length;
    await ctx.audit.record(ctx.db, cliActor(), { action: 'system.backupCreated', detail: { file: path.basename(file), bytes: r.bytes, tables, rows, files } });
    out(`备份完成 Backup written: ${file} (${mb(r.bytes)}) — ${tables} tables, ${rows} rows, ${files} files in ${seconds(r.ms)}`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

/** `lianjian restore FILE` into the data folder / database named by the environment, which must be empty. */
export async function restoreCommand(args: string[]): Promise<number> {
  const file = fileArg(args, 'restore');
  if (!file) return 2;
  const config = loadConfig();
  // Filled by the callback below; a holder object because TypeScript does not track assignments inside closures.
  const opened: { ctx?: AppContext } = {};
  try {
    out(`正在校验并恢复 Verifying and restoring ${file}`);
    const r = await restoreBackup(file, async () => {
      // Opened only after the whole file has been verified, and without migrations: restore applies them.
      opened.ctx = await createContext(config, { migrate: false });
      return { db: opened.ctx.db, filesDir: filesDir(config) };
    }, { onProgress: (p) => out(formatProgress(p)) });
    const restored = opened.ctx!;
    await restored.audit.record(restored.db, cliActor(), {
      action: 'system.backupRestored',
      detail: { file: path.basename(file), createdAt: r.manifest.createdAt, sourceEngine: r.manifest.engine, tables: r.tables, rows: r.rows, files: r.files },
    });
    await restored.audit.linkPending();
    const chain = await verifyAuditChain(restored.db);
    out(`恢复完成 Restored ${r.tables} tables, ${r.rows} rows, ${r.files} files from a ${r.manifest.engine} backup of ${r.manifest.createdAt} in ${seconds(r.ms)}`);
    if (!chain.ok) {
      process.stdout.write(describeBroken(chain));
      return 1;
    }
    out(`审计链完整 Audit chain intact: ${chain.checked} entries`);
    return 0;
  } catch (err) {
    if (err instanceof CorruptBackupError || err instanceof RestoreRefusedError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    if (opened.ctx) await closeContext(opened.ctx);
  }
}
