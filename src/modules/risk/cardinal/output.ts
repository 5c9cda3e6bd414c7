import { GROUPS, type RunContext } from './context';

/**
 * Cardinal's result JSON. Numbers are printed the way Rust's serde_json prints an f64 (`1.0`, not `1`;
 * non-finite → `null`), Meta values rounded to 4 decimals half away from zero like Rust's `f64::round`,
 * so a diff against Cardinal's own output is empty. Written in pieces: a large result never becomes one string.
 */
export function rustFloat(v: number): string {
  if (!Number.isFinite(v)) return 'null';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return Object.is(v, -0) ? '-0.0' : `${v}.0`;
  return String(v);
}

const round4 = (v: number) => (Number.isFinite(v) ? (Math.sign(v) * Math.round(Math.abs(v) * 10_000)) / 10_000 : v);

const MAP_NAMES = [
  'ocid_buyer_r038', 'ocid_procuringentity_r038', 'ocid_tenderer',
  'ocid_tenderer_r024', 'ocid_tenderer_r028', 'ocid_tenderer_r030', 'ocid_tenderer_r035', 'ocid_tenderer_r058',
];

export interface RenderOptions {
  meta: boolean;
  map: boolean;
}

export function renderResults(ctx: RunContext, opts: RenderOptions, write: (chunk: string) => void): void {
  const parts: string[] = [];
  let first = true;
  const open = (key: string) => {
    write(`${first ? '{' : ','}${JSON.stringify(key)}:{`);
    first = false;
  };
  for (const group of GROUPS) {
    const g = ctx.results.get(group);
    if (!g || g.size === 0) continue;
    open(group);
    let n = 0;
    for (const [id, codes] of g) {
      const inner = Object.entries(codes).map(([code, v]) => `"${code}":${rustFloat(v!)}`).join(',');
      parts.push(`${JSON.stringify(id)}:{${inner}}`);
      // Flush every few thousand entries so memory stays flat on large results.
      if (++n % 4096 === 0) { write(parts.join(',') + ','); parts.length = 0; }
    }
    write(parts.join(',') + '}');
    parts.length = 0;
  }
  if (opts.meta && ctx.meta.size) {
    open('Meta');
    write([...ctx.meta].map(([code, m]) =>
      `"${code}":{${[...m].map(([k, v]) => `${JSON.stringify(k)}:${rustFloat(round4(v))}`).join(',')}}`).join(',') + '}');
  }
  if (opts.map) {
    open('Maps');
    write(MAP_NAMES.map((name) => {
      const m = ctx.maps.get(name) ?? new Map();
      const body = [...m].map(([ocid, v]) =>
        `${JSON.stringify(ocid)}:${v instanceof Set ? JSON.stringify([...v].sort()) : JSON.stringify(v)}`).join(',');
      return `"${name}":{${body}}`;
    }).join(',') + '}');
  }
  write(first ? '{}' : '}');
}

/** The whole result as a plain object (for tests and library callers). */
export function resultsObject(ctx: RunContext, opts: RenderOptions): Record<string, unknown> {
  let s = '';
  renderResults(ctx, opts, (c) => { s += c; });
  return JSON.parse(s) as Record<string, unknown>;
}
