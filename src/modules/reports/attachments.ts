import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filesDir, type Config } from '../../platform/config';

/**
 * Attachments: the type is sniffed from the first bytes (the declared type and the file name are never
 * trusted), the SHA-256 is recorded, and the file is stored under a random name without extension in the
 * data folder's files directory, which no static route serves. Staff download it as an attachment only.
 *
 * All-or-nothing with the database: files are written (and fsynced) under a temporary name before the
 * transaction, renamed to their final name after it commits, and removed if it fails.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface StagedFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Relative to the files directory; what the database stores. */
  relPath: string;
  tempPath: string;
  finalPath: string;
}

const has = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

/** The media type of an allowed file, from its content; null when it is not an image, PDF or Office file. */
export function sniffMediaType(b: Buffer): string | null {
  if (has(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (has(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (has(b, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (has(b, [0x52, 0x49, 0x46, 0x46]) && has(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (has(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (has(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage'; // .doc/.xls/.ppt
  if (has(b, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML package names its parts in the local headers; any other zip is refused.
    const head = b.subarray(0, Math.min(b.length, 64 * 1024)).toString('latin1');
    if (!head.includes('[Content_Types].xml')) return null;
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (head.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  }
  return null;
}

/** In-memory test databases have no data folder: their files go to a per-process temporary folder. */
export function attachmentRoot(config: Config): string {
  if (config.dataDir.startsWith('memory://')) return path.join(os.tmpdir(), `lianjian-files-${process.pid}`);
  return filesDir(config);
}

/** Keep only a safe display name (no path, no control characters). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'file';
}

export async function stageFile(config: Config, buffer: Buffer, fileName: string, mediaType: string): Promise<StagedFile> {
  const root = attachmentRoot(config);
  const id = randomUUID();
  const now = new Date();
  const relPath = path.posix.join('reports', String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), id);
  const tmpDir = path.join(root, 'reports', 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `${id}.part`);
  const fh = await fs.open(tempPath, 'wx', 0o600);
  try {
    await fh.writeFile(buffer);
    await fh.sync();
  } finally {
    await fh.close();
  }
  // The file's name must outlive a power loss as well as its bytes: otherwise a report row committed (and
  // fsynced by PostgreSQL) could point to a staged file that vanished, i.e. a half-written submission.
  await syncDir(tmpDir);
  return {
    id, fileName: cleanFileName(fileName), mediaType, size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'), relPath, tempPath, finalPath: path.join(root, ...relPath.split('/')),
  };
}

async function syncDir(dir: string): Promise<void> {
  const d = await fs.open(dir, 'r');
  try { await d.sync(); } finally { await d.close(); }
}

export async function commitFiles(files: StagedFile[]): Promise<void> {
  for (const f of files) {
    await fs.mkdir(path.dirname(f.finalPath), { recursive: true });
    await fs.rename(f.tempPath, f.finalPath);
  }
}

export async function discardFiles(files: StagedFile[]): Promise<void> {
  await Promise.all(files.map((f) => fs.rm(f.tempPath, { force: true })));
}

export function storedPath(config: Config, relPath: string): string {
  return path.join(attachmentRoot(config), ...relPath.split('/'));
}

/**
 * After a crash: a staged file whose row committed is moved to its final place (the crash came between
 * commit and rename); one without a row is an abandoned submission and is removed once it is an hour old
 * (younger ones may belong to a submission still in flight). Run at start-up.
 */
export async function recoverStagedFiles(config: Config, committed: (ids: string[]) => Promise<Map<string, string>>): Promise<{ finished: number; removed: number }> {
  const tmpDir = path.join(attachmentRoot(config), 'reports', 'tmp');
  let names: string[];
  try { names = (await fs.readdir(tmpDir)).filter((n) => n.endsWith('.part')); } catch { return { finished: 0, removed: 0 }; }
  const ids = names.map((n) => n.slice(0, -'.part'.length)).filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const rows = ids.length > 0 ? await committed(ids) : new Map<string, string>();
  let finished = 0;
  let removed = 0;
  for (const id of ids) {
    const temp = path.join(tmpDir, `${id}.part`);
    const rel = rows.get(id);
    if (rel) {
      const final = storedPath(config, rel);
      await fs.mkdir(path.dirname(final), { recursive: true });
      await fs.rename(temp, final);
      finished++;
    } else if (Date.now() - (await fs.stat(temp)).mtimeMs > 3_600_000) {
      await fs.rm(temp, { force: true });
      removed++;
    }
  }
  return { finished, removed };
}
