import { parentPort, workerData } from 'node:worker_threads';
import { emptyProblems, ingestSink } from '../ocds/ingest';
import type { NormaliseParts } from '../ocds/normalise';
import { readLastLine, readLinesOfBuffer } from '../ocds/read';
import { IndicatorEngine } from './engine';
import { chunkPartial, OrgAccumulator, type ChunkEvent } from './partial';
import { describeIssue, describeRejection } from './runIndicators';
import type { Settings } from './settings';

/**
 * A pool worker of `risk indicators` (see ./pool.ts): parses and folds the chunks of lines it is sent,
 * each with a fresh engine, answers each with its part, and keeps the per-organisation counters until asked.
 */
export interface PoolConfig {
  settings: Settings;
  map: boolean;
  extended: boolean;
  evidence: boolean;
  parts: NormaliseParts;
}

/** A byte range of a transferred buffer. */
export interface Bytes { buf: ArrayBuffer; offset: number; length: number }

export type ToWorker =
  | { type: 'chunk'; seq: number; head: Bytes | null; body: Bytes; firstLine: number; last: boolean; currency: string }
  | { type: 'finish' };

const config = workerData as PoolConfig;
const acc = new OrgAccumulator();
const port = parentPort!;

port.on('message', (m: ToWorker) => {
  if (m.type === 'finish') {
    port.postMessage({ type: 'accumulator', acc: acc.keyed() });
    return;
  }
  const events: ChunkEvent[] = [];
  const evidence: string[] = [];
  const engine = new IndicatorEngine({
    settings: config.settings, map: config.map, extended: config.extended,
    onEvidence: config.evidence ? (e) => evidence.push(JSON.stringify(e)) : null,
    onWarning: (w) => events.push({ warn: w }),
    onMismatch: (c) => events.push({ mismatch: c }),
  });
  // The main currency is known before any chunk is pooled (./pool.ts), so every chunk decides as one thread would.
  engine.ctx.currency = m.currency;
  acc.attach(m.seq, engine);
  const problems = emptyProblems();
  const sink = ingestSink(problems, {
    release: (r) => engine.add(r),
    parts: config.parts,
    rejection: (r) => events.push(describeRejection(r)),
    fieldIssues: (line, ocid, issues) => { for (const i of issues) events.push(describeIssue(line, ocid, i)); },
  });
  let line = m.firstLine;
  if (m.head) line = readLinesOfBuffer(Buffer.from(m.head.buf, m.head.offset, m.head.length), line, sink) + 1;
  const body = Buffer.from(m.body.buf, m.body.offset, m.body.length);
  if (m.last) readLastLine(body, line, sink);
  else readLinesOfBuffer(body, line, sink);
  port.postMessage({ type: 'part', part: chunkPartial(m.seq, engine, problems, events, evidence) });
});
