import fs from 'node:fs';
import type { Release } from './model';
import { normaliseRelease, type FieldIssue, type NormaliseParts } from './normalise';
import { openInput, readJsonLines, releasesOfDocument, type LineRejection } from './read';
import { compileReleases } from './compile';

/**
 * Feeds OCDS input to a consumer, one normalised release at a time, and counts what went wrong. JSON lines
 * stream; a package (`.json` file holding `releases` or `records`) is read whole and, when its releases
 * repeat an ocid, compiled per process first.
 */
export interface IngestProblems {
  linesSeen: number;
  releases: number;
  rejected: LineRejection[];
  /** Lines that were processed but had fields discarded (wrong type, absurd number). */
  linesWithFieldIssues: number;
  fieldIssues: number;
}

export interface IngestHandlers {
  /** Raw parsed value, before normalisation (prepare and coverage work on it). */
  raw?: (value: unknown, line: number) => void;
  release?: (release: Release, line: number) => void;
  rejection?: (r: LineRejection) => void;
  fieldIssues?: (line: number, ocid: string | null, issues: FieldIssue[]) => void;
  /** Parts of each release to normalise (default: all). */
  parts?: NormaliseParts;
}

export const isPackageFile = (file: string): boolean => file !== '-' && /\.json$/i.test(file);

/**
 * `compile`: the input holds releases, not compiled releases: collect them all (memory grows with the
 * input) and merge per ocid before handing them on, numbered by their position in the compiled list.
 */
export const emptyProblems = (): IngestProblems => ({ linesSeen: 0, releases: 0, rejected: [], linesWithFieldIssues: 0, fieldIssues: 0 });

/** The per-line handling shared by every input path (and by the pool workers of `risk indicators`). */
export function ingestSink(p: IngestProblems, h: IngestHandlers): { value: (v: unknown, line: number) => void; reject: (r: LineRejection) => void } {
  const reject = (r: LineRejection) => {
    p.rejected.push(r);
    h.rejection?.(r);
  };
  const value = (v: unknown, line: number) => {
    h.raw?.(v, line);
    if (!h.release) return;
    const { release, issues } = normaliseRelease(v, h.parts);
    if (issues.length) {
      p.linesWithFieldIssues += 1;
      p.fieldIssues += issues.length;
      h.fieldIssues?.(line, release?.ocid ?? null, issues);
    }
    if (!release) {
      reject({ line, reason: 'invalid JSON', detail: 'not an OCDS release: no string ocid' });
      return;
    }
    p.releases += 1;
    h.release(release, line);
  };
  return { value, reject };
}

export async function ingest(file: string, h: IngestHandlers, compile = false): Promise<IngestProblems> {
  const p = emptyProblems();
  const { value, reject } = ingestSink(p, h);
  if (isPackageFile(file)) {
    const text = await fs.promises.readFile(file);
    let doc: unknown;
    try {
      doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text));
    } catch (err) {
      reject({ line: 1, reason: 'invalid JSON', detail: err instanceof Error ? err.message : String(err) });
      return p;
    }
    const releases = compileReleases(releasesOfDocument(doc));
    releases.forEach((r, i) => value(r, i + 1));
    p.linesSeen = releases.length;
    return p;
  }
  if (!compile) {
    p.linesSeen = await readJsonLines(openInput(file), { value, reject });
    return p;
  }
  const collected: unknown[] = [];
  p.linesSeen = await readJsonLines(openInput(file), { value: (v) => collected.push(v), reject });
  compileReleases(collected).forEach((r, i) => value(r, i + 1));
  return p;
}
