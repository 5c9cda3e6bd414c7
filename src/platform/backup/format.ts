import { z } from 'zod';

/**
 * The backup file: a gzip-compressed tar holding
 *   tables/<table>.jsonl   one JSON object per row, every value in PostgreSQL's own text form (or null)
 *   files/<path>           the uploaded files folder
 *   manifest.json          written last, because it carries the checksums of everything before it
 * Values travel in their text form because that is the one representation both engines parse back exactly:
 * bytea, arrays, jsonb, numeric, dates and microsecond timestamps round-trip without a JS type in between.
 */
export const BACKUP_FORMAT = 'lianjian-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  appVersion: z.string().optional(),
  engine: z.enum(['pglite', 'postgresql']),
  schemaMigrations: z.array(z.string()),
  tables: z.record(z.string(), z.object({ rows: z.number().int().min(0), sha256, columns: z.array(z.string()) })),
  files: z.record(z.string(), sha256),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Raised before anything is written: the file is damaged, truncated, or not a backup at all. */
export class CorruptBackupError extends Error {
  constructor(readonly part: string) {
    super(`备份文件已损坏 The backup file is corrupted: ${part}`);
    this.name = 'CorruptBackupError';
  }
}

/** Raised when the restore target or the backup's schema does not allow a restore; also before writing. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export const tableEntry = (table: string) => `tables/${encodeURIComponent(table)}.jsonl`;
export const fileEntry = (relPath: string) => `files/${relPath}`;

/**
 * A relative POSIX path that stays inside the folder it is extracted to. Archive names come from a file the
 * operator was handed, so '..', absolute paths and odd separators are rejected rather than trusted.
 */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.length > 4096 || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

export interface Progress {
  phase: 'table' | 'files' | 'verify';
  done: number;
  total: number;
  name?: string;
  rows?: number;
}

export type ProgressFn = (p: Progress) => void;

/** One line per step, for the CLI: "[3/9] officials 1,234 rows". */
export function formatProgress(p: Progress): string {
  const count = p.rows !== undefined ? ` ${p.rows.toLocaleString('en-US')} rows` : '';
  const label = p.phase === 'files' ? 'files' : p.phase === 'verify' ? 'checked' : 'tables';
  return `  ${label} [${p.done}/${p.total}]${p.name ? ` ${p.name}` : ''}${count}`;
}
