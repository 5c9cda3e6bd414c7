/**
 * A minimal POSIX tar (ustar + pax) writer and reader, enough for backup archives: regular files only.
 * Written here rather than pulled from npm because the format is small and fixed, and because the reader must
 * report every malformed byte as a corrupted backup instead of skipping it the way lenient extractors do.
 * Long or non-ASCII names and sizes beyond 8 GiB go into a pax extended header before the entry.
 */

const BLOCK = 512;
const MAX_USTAR_SIZE = 0o77777777777;

export class TarFormatError extends Error {}

export interface TarSource {
  name: string;
  size: number;
  /** Exactly `size` bytes; the writer checks, so a file that changes while it is archived is an error. */
  body: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

function octal(h: Buffer, offset: number, length: number, value: number): void {
  h.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

function header(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.write('        ', 148, 8, 'ascii');
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

function paxRecord(key: string, value: string): string {
  // The length prefix counts itself, so grow it until it is stable.
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body);
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive as a byte stream, ready to pipe through gzip into a file. */
export async function* tarStream(entries: Iterable<TarSource> | AsyncIterable<TarSource>, mtime = Math.floor(Date.now() / 1000)): AsyncGenerator<Buffer> {
  for await (const e of entries) {
    const plain = /^[\x20-\x7e]{1,100}$/.test(e.name) && e.size <= MAX_USTAR_SIZE;
    if (!plain) {
      const pax = Buffer.from(paxRecord('path', e.name) + (e.size > MAX_USTAR_SIZE ? paxRecord('size', String(e.size)) : ''), 'utf8');
      yield header('PaxHeader', pax.length, 'x', mtime);
      yield pax;
      yield padding(pax.length);
    }
    yield header(plain ? e.name : 'PaxEntry', Math.min(e.size, MAX_USTAR_SIZE), '0', mtime);
    let written = 0;
    for await (const chunk of e.body()) {
      written += chunk.length;
      if (written > e.size) break;
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (written !== e.size) throw new Error(`${e.name} changed while it was being archived (${written} bytes instead of ${e.size})`);
    yield padding(e.size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Pulls exact byte counts out of a chunked stream; errors of the stream itself (gzip) count as corruption. */
class ByteReader {
  private pending: Buffer[] = [];
  private length = 0;
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      let r: IteratorResult<Buffer>;
      try {
        r = await this.it.next();
      } catch (err) {
        throw new TarFormatError(`archive stream: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (r.done) return false;
      this.pending.push(r.value);
      this.length += r.value.length;
    }
    return true;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  /** Up to `max` bytes, at least one; a premature end is truncation. */
  async take(max: number): Promise<Buffer> {
    if (!(await this.fill(1))) throw new TarFormatError('archive is truncated');
    const first = this.pending[0];
    if (first.length <= max) {
      this.pending.shift();
      this.length -= first.length;
      return first;
    }
    this.pending[0] = first.subarray(max);
    this.length -= max;
    return first.subarray(0, max);
  }

  async exact(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let got = 0; got < n;) {
      const b = await this.take(n - got);
      parts.push(b);
      got += b.length;
    }
    return Buffer.concat(parts);
  }
}

function readOctal(h: Buffer, offset: number, length: number): number {
  const text = h.toString('ascii', offset, offset + length).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('archive header is damaged');
  return Number.parseInt(text, 8);
}

function checkHeader(h: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  if (readOctal(h, 148, 8) !== sum) throw new TarFormatError('archive header checksum mismatch');
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const len = Number(data.toString('ascii', pos, space));
    if (space < 0 || !Number.isSafeInteger(len) || len <= 0 || pos + len > data.length) throw new TarFormatError('archive pax header is damaged');
    const record = data.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

export interface EntrySink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

/**
 * Read every regular-file entry and hand its bytes to the sink `open` returns. The whole stream is consumed,
 * so a gzip checksum at its very end is still checked after the tar end marker.
 */
export async function readTar(chunks: AsyncIterable<Buffer>, open: (name: string, size: number) => Promise<EntrySink> | EntrySink): Promise<void> {
  const r = new ByteReader(chunks[Symbol.asyncIterator]());
  let pax: Record<string, string> = {};
  for (;;) {
    if (await r.atEnd()) throw new TarFormatError('archive is truncated (no end marker)');
    const h = await r.exact(BLOCK);
    if (h.every((b) => b === 0)) break;
    checkHeader(h);
    if (h.toString('ascii', 257, 262) !== 'ustar') throw new TarFormatError('not a tar archive');
    const type = String.fromCharCode(h[156] || 48);
    const size = pax.size !== undefined ? Number(pax.size) : readOctal(h, 124, 12);
    const name = pax.path ?? h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    pax = {};
    if (type === 'x') {
      pax = parsePax(await r.exact(size));
    } else if (type === '0') {
      const sink = await open(name, size);
      for (let left = size; left > 0;) {
        const b = await r.take(left);
        left -= b.length;
        await sink.write(b);
      }
      await sink.end();
    } else {
      throw new TarFormatError(`unexpected archive entry type ${JSON.stringify(type)} for ${name}`);
    }
    await r.exact(padding(size).length);
  }
  while (!(await r.atEnd())) await r.take(Number.MAX_SAFE_INTEGER);
}
