import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/**
 * Streaming reader of JSON lines: constant memory, one line in flight. Each line is checked for valid
 * UTF-8 (a bad byte rejects that line only) and parsed; blank lines are skipped silently, as Cardinal does.
 */
export type LineRejection = { line: number; reason: 'invalid UTF-8' | 'invalid JSON'; detail: string };

export interface LineSink {
  value(value: unknown, line: number): void;
  reject(rejection: LineRejection): void;
}

function handleLine(text: string, line: number, sink: LineSink): void {
  if (text.length === 0 || /^\s*$/.test(text)) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    sink.reject({ line, reason: 'invalid JSON', detail: err instanceof Error ? err.message : String(err) });
    return;
  }
  sink.value(value, line);
}

function handleBuffer(buf: Buffer, line: number, sink: LineSink): void {
  if (!isUtf8(buf)) {
    sink.reject({ line, reason: 'invalid UTF-8', detail: 'the line is not valid UTF-8' });
    return;
  }
  handleLine(buf.toString('utf8'), line, sink);
}

/**
 * The lines of `whole` (complete lines joined by \n, without the final one), numbered from `firstLine`.
 * Returns the number of the last line. A valid buffer is decoded once and split as a string; an invalid
 * one line by line, so a bad byte rejects its line only.
 */
export function readLinesOfBuffer(whole: Buffer, firstLine: number, sink: LineSink): number {
  let line = firstLine - 1;
  if (isUtf8(whole)) {
    const lines = whole.toString('utf8').split('\n');
    for (const text of lines) handleLine(text.endsWith('\r') ? text.slice(0, -1) : text, ++line, sink);
    return line;
  }
  let start = 0;
  while (start <= whole.length) {
    let end = whole.indexOf(0x0a, start);
    if (end < 0) end = whole.length;
    // A CR before the LF is dropped here too, so a line reads the same whichever path it takes.
    handleBuffer(whole.subarray(start, end > start && whole[end - 1] === 0x0d ? end - 1 : end), ++line, sink);
    start = end + 1;
  }
  return line;
}

/** A last line without a final newline, read as `readJsonLines` reads it. */
export const readLastLine = (buf: Buffer, line: number, sink: LineSink): void => {
  if (buf.length) handleBuffer(buf, line, sink);
};

/** Reads `input` to the end, calling the sink per line. Resolves with the number of lines seen. */
export async function readJsonLines(input: Readable, sink: LineSink): Promise<number> {
  let line = 0;
  let rest: Buffer | null = null;
  for await (const chunk0 of input as AsyncIterable<Buffer>) {
    let chunk = chunk0;
    if (rest) {
      // Finish the line carried over from the previous chunk without copying the whole new chunk.
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      const head = Buffer.concat([rest, chunk.subarray(0, nl)]);
      handleBuffer(head.at(-1) === 0x0d ? head.subarray(0, -1) : head, ++line, sink);
      chunk = chunk.subarray(nl + 1);
    }
    const buf = chunk;
    const last = buf.lastIndexOf(0x0a);
    if (last < 0) {
      rest = buf;
      continue;
    }
    const whole = buf.subarray(0, last);
    rest = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : null;
    line = readLinesOfBuffer(whole, line + 1, sink);
  }
  if (rest && rest.length) handleBuffer(rest, ++line, sink);
  return line;
}

/** `-` is stdin; anything else a file path. */
export function openInput(file: string): Readable {
  return file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

/**
 * The releases inside a parsed OCDS JSON document: a release package (`releases`), a record package
 * (`records[].compiledRelease`, or the record's last release when it has no compiled one), or a single
 * release. Packages are read whole (JSON has no streaming parse in the standard library); JSON lines stream.
 */
export function releasesOfDocument(doc: unknown): unknown[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o.releases)) return o.releases;
  if (Array.isArray(o.records)) {
    return o.records.flatMap((rec) => {
      const r = rec as Record<string, unknown> | null;
      if (r && typeof r === 'object' && r.compiledRelease) return [r.compiledRelease];
      if (r && Array.isArray(r.releases) && r.releases.length) return [r.releases[r.releases.length - 1]];
      return [];
    });
  }
  if (typeof o.ocid === 'string') return [o];
  return [];
}
