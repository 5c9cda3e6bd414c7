import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { emptyProblems, ingestSink, type IngestHandlers, type IngestProblems } from '../ocds/ingest';
import { readLastLine, readLinesOfBuffer } from '../ocds/read';
import { mismatchWarning } from './context';
import type { IndicatorEngine } from './engine';
import { mergeAccumulators, mergeChunk, type ChunkPartial, type KeyedCounters } from './partial';
import type { PoolConfig, ToWorker } from './poolWorker';

/**
 * `risk indicators --threads N` (N > 1) on JSON lines: the main thread cuts the input into chunks of whole
 * lines and hands them to N workers, which parse, normalise and fold them; the parts come back and are
 * merged in input order (./partial.ts), then the main engine finishes (fences over the whole input) as in
 * a single-thread run. Until the main currency is known (the first priced bid, when no `currency` is set)
 * chunks are folded in the main thread, so every pooled chunk decides "main currency" as one thread would.
 */
export interface PoolRun {
  file: string;
  threads: number;
  chunkBytes?: number;
  engine: IndicatorEngine;
  config: PoolConfig;
  /** The handlers of the in-thread path (release → engine.add, messages to the printer). */
  handlers: IngestHandlers;
  /** A message for the limited printer (bad line, ignored field). */
  problem: (message: string) => void;
  /** A warning printed directly (currency mismatches). */
  warn: (message: string) => void;
  evidenceLine: ((json: string) => void) | null;
}

const CHUNK = 4 << 20;
/** Chunks in flight per worker: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 3;

function countLines(buf: Buffer): number {
  let n = 1;
  for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

/** A chunk of whole lines as sent to a worker: a small copied head, and a body transferred without copying when it owns its memory. */
interface Piece {
  head: Buffer | null;
  body: Buffer;
}

/**
 * `b` as a transferable (buffer, offset, length). A chunk read from a file owns its memory and is moved to
 * the worker without a copy (it is not used here afterwards); anything else is copied.
 */
function transferable(b: Buffer): { buf: ArrayBuffer; offset: number; length: number; transfer: ArrayBuffer } {
  const ab = b.buffer;
  if (ab instanceof ArrayBuffer && ab.byteLength >= 1 << 16 && owned.has(ab)) {
    owned.delete(ab);
    return { buf: ab, offset: b.byteOffset, length: b.length, transfer: ab };
  }
  const copy = Buffer.allocUnsafeSlow(b.length);
  b.copy(copy);
  return { buf: copy.buffer as ArrayBuffer, offset: 0, length: b.length, transfer: copy.buffer as ArrayBuffer };
}

/** ArrayBuffers of chunks read from a file, each backing exactly one chunk (fs streams allocate one per read). */
const owned = new WeakSet<ArrayBuffer>();

/** Lines of `buf` from `from` up to the end of the first line ending after `from + size` (or the end). */
function cut(buf: Buffer, from: number, size: number): number {
  if (from + size >= buf.length) return buf.length;
  const nl = buf.indexOf(0x0a, from + size);
  return nl < 0 ? buf.length : nl;
}

export async function runPooled(run: PoolRun): Promise<IngestProblems> {
  const { engine } = run;
  const p = emptyProblems();
  const local = ingestSink(p, run.handlers);
  const workers: Worker[] = [];
  const busy: number[] = [];
  const pending = new Map<number, ChunkPartial>();
  let nextSeq = 1;
  let mergeSeq = 1;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => { const w = wake; wake = null; w?.(); };

  const merge = (part: ChunkPartial) => {
    pending.set(part.seq, part);
    for (let q = pending.get(mergeSeq); q; q = pending.get(mergeSeq)) {
      pending.delete(mergeSeq++);
      p.releases += q.problems.releases;
      for (const r of q.problems.rejected) p.rejected.push(r);
      p.linesWithFieldIssues += q.problems.linesWithFieldIssues;
      p.fieldIssues += q.problems.fieldIssues;
      for (const ev of q.events) {
        if (typeof ev === 'string') run.problem(ev);
        else if ('warn' in ev) run.warn(ev.warn);
        else {
          const w = mismatchWarning(run.config.settings, ev.mismatch, engine.ctx.currency!, ++engine.ctx.currencyMismatches);
          if (w !== null) run.warn(w);
        }
      }
      if (run.evidenceLine) for (const e of q.evidence) run.evidenceLine(e);
      mergeChunk(engine, q);
    }
  };

  const accumulators: KeyedCounters[] = [];
  const start = (i: number) => {
    const w = new Worker(new URL('./poolWorker.mjs', import.meta.url), {
      workerData: run.config,
      // A bounded young generation per worker: same speed as the default here, less peak memory.
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    w.on('message', (m: { type: 'part'; part: ChunkPartial } | { type: 'accumulator'; acc: KeyedCounters }) => {
      busy[i] -= 1;
      if (m.type === 'part') merge(m.part);
      else accumulators.push(m.acc);
      signal();
    });
    w.on('error', (e: Error) => { failure ??= e; signal(); });
    w.on('exit', (code) => { if (code !== 0) failure ??= new Error(`risk indicators worker exited with code ${code}`); signal(); });
    workers.push(w);
    busy.push(0);
  };
  for (let i = 0; i < run.threads; i++) start(i);

  const waitUntil = async (ok: () => boolean) => {
    while (!ok()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    if (failure) throw failure;
  };
  /** Hands the lines of `piece` (numbered from `firstLine`) to a worker, or folds them here while the main currency is unknown. */
  const send = async (piece: Piece, firstLine: number, last: boolean): Promise<void> => {
    let { head, body } = piece;
    let line = firstLine;
    while (engine.ctx.currency === null) {
      // Not pooled yet: fold here in small pieces, exactly like the single-thread path, until the main currency is known.
      if (head) { line = readLinesOfBuffer(head, line, local) + 1; head = null; continue; }
      if (last) { readLastLine(body, line, local); return; }
      const end = cut(body, 0, 64 << 10);
      line = readLinesOfBuffer(body.subarray(0, end), line, local) + 1;
      if (end >= body.length) return;
      body = body.subarray(end + 1);
    }
    await waitUntil(() => busy.some((b) => b < IN_FLIGHT));
    const i = busy.indexOf(Math.min(...busy));
    const t = transferable(body);
    const h = head ? transferable(head) : null;
    busy[i] += 1;
    const msg: ToWorker = {
      type: 'chunk', seq: nextSeq++, head: h && { buf: h.buf, offset: h.offset, length: h.length },
      body: { buf: t.buf, offset: t.offset, length: t.length }, firstLine: line, last, currency: engine.ctx.currency,
    };
    workers[i].postMessage(msg, h ? [t.transfer, h.transfer] : [t.transfer]);
  };

  let line = 0;
  try {
    const input = run.file === '-' ? process.stdin : fs.createReadStream(run.file, { highWaterMark: run.chunkBytes ?? CHUNK });
    let rest: Buffer | null = null;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (run.file !== '-' && chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length) owned.add(chunk.buffer as ArrayBuffer);
      let at = 0;
      let head: Buffer | null = null;
      if (rest) {
        // Finish the line carried over from the previous chunk (a small copy); the rest of the chunk is sent as is.
        const nl = chunk.indexOf(0x0a);
        if (nl < 0) { rest = Buffer.concat([rest, chunk]); continue; }
        head = Buffer.concat([rest, chunk.subarray(0, nl)]);
        at = nl + 1;
        rest = null;
      }
      const last = chunk.lastIndexOf(0x0a);
      if (last < at) {
        // No further newline: the remainder starts the next carried line.
        if (head) { await send({ head: null, body: head }, line + 1, false); line += 1; }
        rest = Buffer.from(chunk.subarray(at));
        continue;
      }
      const body = chunk.subarray(at, last);
      rest = last + 1 < chunk.length ? Buffer.from(chunk.subarray(last + 1)) : null;
      const n = (head ? 1 : 0) + countLines(body);
      await send({ head, body }, line + 1, false);
      line += n;
    }
    if (rest && rest.length) await send({ head: null, body: rest }, ++line, true);
    p.linesSeen = line;
    await waitUntil(() => busy.every((b) => b === 0));
    for (const w of workers) { const m: ToWorker = { type: 'finish' }; w.postMessage(m); }
    for (let i = 0; i < workers.length; i++) busy[i] += 1;
    await waitUntil(() => accumulators.length === workers.length);
    mergeAccumulators(engine, accumulators);
    return p;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
