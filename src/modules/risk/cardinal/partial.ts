import type { IngestProblems } from '../ocds/ingest';
import type { Applicability, Group } from './context';
import type { IndicatorEngine } from './engine';
import type { IndicatorCode } from './settings';
import type { RatioCandidate } from './winnerIndicators';
import { GroupState } from './groupIndicators';

/**
 * What the worker pool (./pool.ts) moves between threads. The output must be byte-identical to a
 * single-thread run, and Maps print in insertion order, so:
 *
 * * per-chunk parts (results, maps, applicability, exclusions, ratio candidates, messages, evidence) are
 *   merged in input order, which replays the insertions a single thread would have made;
 * * per-organisation counters (R038, R025, R048) stay in the worker across chunks, each entry keyed by
 *   where it was first seen (chunk number · 2³² + position in the chunk); after the last chunk the main
 *   thread sums them and re-inserts them sorted by that key, the order one thread would have produced.
 */
export type Codes = Partial<Record<IndicatorCode, number>>;

/** A stderr event in input order: a message for the limited printer, a direct warning, or a currency mismatch to number. */
export type ChunkEvent = string | { warn: string } | { mismatch: string };

export interface ChunkPartial {
  seq: number;
  problems: Omit<IngestProblems, 'linesSeen'>;
  events: ChunkEvent[];
  evidence: string[];
  releases: number;
  excluded: [string, number][];
  results: [Group, [string, Codes][]][];
  maps: [string, [string, string[] | string][]][];
  applicability: [IndicatorCode, Applicability][];
  ratios: RatioCandidate[];
}

export function chunkPartial(seq: number, engine: IndicatorEngine, problems: IngestProblems, events: ChunkEvent[], evidence: string[]): ChunkPartial {
  const ctx = engine.ctx;
  const { linesSeen: _, ...p } = problems;
  return {
    seq, problems: p, events, evidence, releases: engine.releases, excluded: Object.entries(engine.excluded),
    results: [...ctx.results].map(([g, m]) => [g, [...m]]),
    maps: [...ctx.maps].map(([name, m]) => [name, [...m].map(([ocid, v]) => [ocid, v instanceof Set ? [...v] : v])]),
    applicability: [...ctx.applicability],
    ratios: engine.winner.ratios,
  };
}

/** Adds one chunk's part to the main engine, as if its lines had been folded there. */
export function mergeChunk(engine: IndicatorEngine, part: ChunkPartial): void {
  const ctx = engine.ctx;
  engine.releases += part.releases;
  for (const [reason, n] of part.excluded) engine.excluded[reason] = (engine.excluded[reason] ?? 0) + n;
  for (const [group, entries] of part.results) {
    for (const [id, codes] of entries) for (const code of Object.keys(codes) as IndicatorCode[]) ctx.setResult(group, id, code, codes[code]!);
  }
  for (const [name, entries] of part.maps) {
    for (const [ocid, v] of entries) {
      if (typeof v === 'string') ctx.mapSet(name, ocid, v);
      else for (const id of v) ctx.mapAdd(name, ocid, id);
    }
  }
  for (const [code, a] of part.applicability) {
    let t = ctx.applicability.get(code);
    if (!t) ctx.applicability.set(code, (t = { applicable: 0, flagged: 0, notApplicable: {} }));
    t.applicable += a.applicable;
    t.flagged += a.flagged;
    for (const [reason, n] of Object.entries(a.notApplicable)) t.notApplicable[reason] = (t.notApplicable[reason] ?? 0) + n;
  }
  for (const r of part.ratios) engine.winner.ratios.push(r);
}

type Keyed<V extends unknown[]> = Map<string, [...V, number]>;
const CHUNK_KEY = 2 ** 32;

/** A worker's per-organisation counters, keyed by first sighting, as sent to the main thread. */
export interface KeyedCounters {
  buyer: Keyed<[number, number]>;
  procuringEntity: Keyed<[number, number]>;
  tenderer: Keyed<[number, number]>;
  r025: Keyed<[number, number]>;
  classes: Keyed<[number, Set<string>]>;
}

/**
 * A worker's per-organisation counters over all its chunks: one set of Maps shared by the chunks' engines
 * (Maps only grow, in insertion order), plus each chunk's starting sizes, from which the keys are derived at the end.
 */
export class OrgAccumulator {
  readonly groups = new GroupState();
  readonly r025 = new Map<string, [number, number]>();
  private readonly starts: { seq: number; sizes: number[] }[] = [];

  private maps(): Map<string, unknown[]>[] {
    const g = this.groups;
    return [g.buyer, g.procuringEntity, g.tenderer, this.r025, g.classes];
  }

  /** Lets `engine` (about to fold chunk `seq`) count into the shared Maps. */
  attach(seq: number, engine: IndicatorEngine): void {
    this.starts.push({ seq, sizes: this.maps().map((m) => m.size) });
    engine.groups = this.groups;
    engine.winner.r025 = this.r025;
  }

  keyed(): KeyedCounters {
    const [buyer, procuringEntity, tenderer, r025, classes] = this.maps().map((m, k) => {
      const out = new Map<string, unknown[]>();
      let c = 0;
      let i = 0;
      for (const [id, v] of m) {
        while (c + 1 < this.starts.length && this.starts[c + 1].sizes[k] <= i) c += 1;
        out.set(id, [...v, this.starts[c].seq * CHUNK_KEY + (i - this.starts[c].sizes[k])]);
        i += 1;
      }
      return out;
    });
    return { buyer, procuringEntity, tenderer, r025, classes } as unknown as KeyedCounters;
  }
}

/**
 * Folds the workers' counters into the main engine, whose own entries (the chunks it folded itself, all
 * before the first pooled chunk) keep their places, and re-inserts everything in first-seen order.
 */
export function mergeAccumulators(engine: IndicatorEngine, accs: KeyedCounters[]): void {
  const g = engine.groups;
  mergePairs(g.buyer, accs.map((a) => a.buyer));
  mergePairs(g.procuringEntity, accs.map((a) => a.procuringEntity));
  mergePairs(g.tenderer, accs.map((a) => a.tenderer));
  mergePairs(engine.winner.r025, accs.map((a) => a.r025));
  const all = new Map<string, [number, Set<string>, number]>();
  let i = 0;
  for (const [id, [n, codes]] of g.classes) all.set(id, [n, codes, i++]);
  for (const acc of accs) {
    for (const [id, [n, codes, key]] of acc.classes) {
      const e = all.get(id);
      if (e) { e[0] += n; for (const c of codes) e[1].add(c); e[2] = Math.min(e[2], key); } else all.set(id, [n, codes, key]);
    }
  }
  g.classes.clear();
  for (const [id, [n, codes]] of [...all].sort((x, y) => x[1][2] - y[1][2])) g.classes.set(id, [n, codes]);
}

function mergePairs(target: Map<string, [number, number]>, parts: Keyed<[number, number]>[]): void {
  const all = new Map<string, [number, number, number]>();
  let i = 0;
  for (const [id, [a, b]] of target) all.set(id, [a, b, i++]);
  for (const part of parts) {
    for (const [id, [a, b, key]] of part) {
      const e = all.get(id);
      if (e) { e[0] += a; e[1] += b; e[2] = Math.min(e[2], key); } else all.set(id, [a, b, key]);
    }
  }
  target.clear();
  for (const [id, [a, b]] of [...all].sort((x, y) => x[1][2] - y[1][2])) target.set(id, [a, b]);
}
