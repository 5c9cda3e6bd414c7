import fs from 'node:fs';
import { ingest, isPackageFile, type IngestHandlers, type IngestProblems } from '../ocds/ingest';
import type { FieldIssue } from '../ocds/normalise';
import type { LineRejection } from '../ocds/read';
import type { Evidence } from './context';
import { IndicatorEngine, type EngineSummary } from './engine';
import { renderResults } from './output';
import { runPooled } from './pool';
import type { Settings } from './settings';

/**
 * `risk indicators` as a library call: stream the input through the engine, print Cardinal's result
 * JSON, report bad lines on stderr with their numbers, and optionally write evidence (JSON lines, one hit
 * per line) and a report (applicability counts per indicator, exclusions, rejected lines).
 */
export interface IndicatorRun {
  file: string;
  settings: Settings;
  map?: boolean;
  meta?: boolean;
  extended?: boolean;
  /** Print counts per group to stderr, like Cardinal's --count. */
  count?: boolean;
  evidenceFile?: string | null;
  reportFile?: string | null;
  out: (chunk: string) => void;
  err: (line: string) => void;
  /** At most this many bad-input messages are printed; the rest are counted. */
  maxMessages?: number;
  /** Worker threads for JSON lines (./pool.ts); 1 (the default here) folds in this thread. Same output either way. */
  threads?: number;
  /** Bytes per pooled chunk (default 4 MiB); small values make a small input use many chunks. */
  chunkBytes?: number;
}

export interface IndicatorRunResult {
  problems: IngestProblems;
  summary: EngineSummary;
  hits: number;
}

export function describeIssue(line: number, ocid: string | null, i: FieldIssue): string {
  const v = JSON.stringify(i.value);
  return `line ${line}${ocid ? ` (${ocid})` : ''}: ${i.path}: ${i.message} ${v && v.length > 60 ? `${v.slice(0, 57)}...` : v}; field ignored`;
}

export const describeRejection = (r: LineRejection): string => `line ${r.line}: ${r.reason}: ${r.detail}; line skipped`;

/** Prints the first `max` messages, then a count of the rest at the end. */
export function limitedPrinter(err: (line: string) => void, max: number): { print: (m: string) => void; flush: () => void } {
  let n = 0;
  return {
    print: (m) => { if (++n <= max) err(m); },
    flush: () => { if (n > max) err(`… ${n - max} more input problem(s) not shown`); },
  };
}

export async function runIndicators(run: IndicatorRun): Promise<IndicatorRunResult> {
  let hits = 0;
  let evidenceOut: fs.WriteStream | null = null;
  if (run.evidenceFile) evidenceOut = fs.createWriteStream(run.evidenceFile);
  const onEvidence = (e: Evidence) => {
    hits += 1;
    evidenceOut?.write(`${JSON.stringify(e)}\n`);
  };
  const engine = new IndicatorEngine({
    settings: run.settings, map: run.map ?? false, extended: run.extended ?? false,
    onEvidence: evidenceOut ? onEvidence : null, onWarning: run.err,
  });
  for (const w of run.settings.warnings) run.err(`warning: ${w}`);
  const printer = limitedPrinter(run.err, run.maxMessages ?? 100);
  // Cardinal's indicators never read parties; contracts only feed the extended R068.
  const parts = { contracts: run.extended ?? false, parties: false };
  const handlers: IngestHandlers = {
    release: (r) => engine.add(r),
    parts,
    rejection: (r) => printer.print(describeRejection(r)),
    fieldIssues: (line, ocid, issues) => issues.forEach((i) => printer.print(describeIssue(line, ocid, i))),
  };
  const threads = run.threads ?? 1;
  const problems = threads > 1 && !isPackageFile(run.file)
    ? await runPooled({
      file: run.file, threads, chunkBytes: run.chunkBytes, engine, handlers, problem: printer.print, warn: run.err,
      config: { settings: run.settings, map: run.map ?? false, extended: run.extended ?? false, evidence: evidenceOut !== null, parts },
      evidenceLine: evidenceOut ? (line) => { hits += 1; evidenceOut!.write(`${line}\n`); } : null,
    })
    : await ingest(run.file, handlers);
  printer.flush();
  const summary = engine.finish();
  if (!evidenceOut) hits = Object.values(summary.applicability).reduce((n, a) => n + a!.flagged, 0);
  renderResults(engine.ctx, { meta: run.meta ?? true, map: run.map ?? false }, run.out);
  run.out('\n');
  if (run.count) for (const [g, m] of engine.ctx.results) run.err(`${g}: ${m.size}`);
  if (evidenceOut) await new Promise<void>((resolve, reject) => evidenceOut!.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (run.reportFile) {
    fs.writeFileSync(run.reportFile, `${JSON.stringify({ input: problemsSummary(problems), ...summary, hits, extended: run.extended ?? false }, null, 2)}\n`);
  } else {
    run.err(applicabilityText(summary));
  }
  return { problems, summary, hits };
}

const problemsSummary = (p: IngestProblems) => ({
  lines: p.linesSeen, releases: p.releases, rejectedLines: p.rejected.length,
  rejected: p.rejected.slice(0, 1000), linesWithFieldIssues: p.linesWithFieldIssues, fieldIssues: p.fieldIssues,
});

/** The "not applicable" summary (beyond Cardinal, its issue #26), one line per indicator. */
export function applicabilityText(s: EngineSummary): string {
  const lines = [`${s.releases} release(s); main currency ${s.currency ?? '(none seen)'}; ${s.currencyMismatches} value(s) in other currencies skipped`];
  for (const [reason, n] of Object.entries(s.excluded)) lines.push(`  excluded before any indicator: ${reason}: ${n}`);
  for (const [code, a] of Object.entries(s.applicability)) {
    const na = Object.entries(a!.notApplicable).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join('; ');
    lines.push(`  ${code}: applicable ${a!.applicable}, flagged ${a!.flagged}${na ? `; not applicable: ${na}` : ''}`);
  }
  return lines.join('\n');
}
