import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { CorruptBackupError, fileEntry, isSafeRelativePath, MANIFEST_ENTRY, manifestSchema, tableEntry, type Manifest, type ProgressFn } from './format';
import { readTar, TarFormatError } from './tar';

const MAX_MANIFEST = 256 * 1024 * 1024;

interface Extracted { sha256: string; lines: number }

/** Where an archive entry goes inside the work folder; null for a name no Lianjian backup contains. */
function workPath(work: string, name: string): string | null {
  const m = /^tables\/([^/]+)\.jsonl$/.exec(name);
  if (m && isSafeRelativePath(m[1])) return path.join(work, 'tables', `${m[1]}.jsonl`);
  if (name.startsWith('files/') && isSafeRelativePath(name.slice(6))) return path.join(work, 'files', ...name.slice(6).split('/'));
  return null;
}

export const extractedTable = (work: string, table: string) => path.join(work, 'tables', `${encodeURIComponent(table)}.jsonl`);
export const extractedFile = (work: string, rel: string) => path.join(work, 'files', ...rel.split('/'));

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Unpack the archive into a private work folder, hashing every entry on the way, then hold each hash and
 * row count against the manifest. Only this folder is written: the database and the files folder are not
 * touched until every check has passed, so a damaged backup cannot leave a half-restored office behind.
 */
export async function extractAndVerify(file: string, work: string, onProgress?: ProgressFn): Promise<Manifest> {
  await fs.promises.stat(file);
  const seen = new Map<string, Extracted>();
  let manifestBytes: Buffer | null = null;
  // The entry being written, closed here if the archive breaks off in the middle of it.
  let open: fs.promises.FileHandle | null = null;
  try {
    // Iterated directly rather than through pipeline(): that would settle on a gzip error while the sink is still
    // writing, and the caller would then delete the work folder under it.
    const input = fs.createReadStream(file);
    const gunzip = createGunzip();
    input.on('error', (err) => gunzip.destroy(err));
    input.pipe(gunzip);
    try {
      await readTar(gunzip, async (name, size) => {
        if (seen.has(name) || (name === MANIFEST_ENTRY && manifestBytes)) throw new CorruptBackupError(`duplicate entry ${name}`);
        if (name === MANIFEST_ENTRY) {
          if (size > MAX_MANIFEST) throw new CorruptBackupError(MANIFEST_ENTRY);
          const parts: Buffer[] = [];
          return { write: (b) => { parts.push(b); }, end: () => { manifestBytes = Buffer.concat(parts); } };
        }
        const target = workPath(work, name);
        if (!target) throw new CorruptBackupError(`unexpected entry ${JSON.stringify(name)}`);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const fh = await fs.promises.open(target, 'wx');
        open = fh;
        const hash = createHash('sha256');
        let lines = 0;
        return {
          async write(b) {
            hash.update(b);
            for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
            await fh.write(b);
          },
          async end() {
            open = null;
            await fh.close();
            seen.set(name, { sha256: hash.digest('hex'), lines });
          },
        };
      });
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } catch (err) {
    await (open as fs.promises.FileHandle | null)?.close().catch(() => undefined);
    if (err instanceof CorruptBackupError) throw err;
    if (err instanceof TarFormatError) throw new CorruptBackupError(err.message);
    if (isZlibError(err)) throw new CorruptBackupError(`archive stream: ${(err as Error).message}`);
    throw err;
  }
  return checkManifest(manifestBytes, seen, onProgress);
}

function checkManifest(bytes: Buffer | null, seen: Map<string, Extracted>, onProgress?: ProgressFn): Manifest {
  if (!bytes) throw new CorruptBackupError(`${MANIFEST_ENTRY} is missing (the file may be truncated or not a Lianjian backup)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new CorruptBackupError(MANIFEST_ENTRY);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new CorruptBackupError(`${MANIFEST_ENTRY} (${result.error.issues[0]?.path.join('.') || 'format'})`);
  const manifest = result.data;
  const expected = new Set<string>();
  const tables = Object.entries(manifest.tables);
  const files = Object.entries(manifest.files);
  const total = tables.length + files.length;
  let done = 0;
  const check = (entry: string, sha256: string, rows?: number) => {
    expected.add(entry);
    const got = seen.get(entry);
    if (!got) throw new CorruptBackupError(`${entry} is missing`);
    if (got.sha256 !== sha256) throw new CorruptBackupError(`${entry} (checksum mismatch)`);
    if (rows !== undefined && got.lines !== rows) throw new CorruptBackupError(`${entry} (${got.lines} rows instead of ${rows})`);
    done += 1;
    if (done % 100 === 0 || done === total) onProgress?.({ phase: 'verify', done, total });
  };
  for (const [name, t] of tables) check(tableEntry(name), t.sha256, t.rows);
  for (const [rel, sha256] of files) {
    if (!isSafeRelativePath(rel)) throw new CorruptBackupError(`unsafe file path ${JSON.stringify(rel)}`);
    check(fileEntry(rel), sha256);
  }
  for (const name of seen.keys()) if (!expected.has(name)) throw new CorruptBackupError(`${name} is not listed in ${MANIFEST_ENTRY}`);
  return manifest;
}
