import http from 'node:http';
import net from 'node:net';

/**
 * Shared pieces of the benchmarks. Every result carries its own baseline measured in the same run, so a
 * reader on another machine compares ratios, not raw milliseconds.
 */
export interface BenchResult {
  metric: string;
  engine: string;
  /** The measured value (ms unless `unit` says otherwise). */
  value: number;
  unit: string;
  /** Upper bound the value must not exceed; null for baselines and informational rows. */
  target: number | null;
  /** What the ratio is taken against, and that baseline's value (same run, same machine). */
  baseline?: { name: string; value: number };
  samples?: number;
  note?: string;
  extra?: Record<string, number>;
}

export function pass(r: BenchResult): boolean | null {
  return r.target === null ? null : r.value <= r.target;
}

export function ratio(r: BenchResult): number | null {
  return r.baseline && r.baseline.value > 0 ? r.value / r.baseline.value : null;
}

/** Nearest-rank percentile: with 25 samples p95 is the 24th value, never an interpolation of two. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1], n: s.length };
}

export function median(samples: number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

export const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface HttpResponse { status: number; headers: http.IncomingHttpHeaders; body: string }

/**
 * A keep-alive HTTP client over node:http. Used instead of global fetch because it can bind a chosen
 * loopback source address (127.0.0.x): the login rate limit is per client address, and two addresses let
 * 50 logins run without switching the limiter off or waiting out its one-minute window.
 */
export class Client {
  private readonly agent: http.Agent;
  cookie = '';

  constructor(private readonly base: string, localAddress?: string) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, ...(localAddress ? { localAddress } : {}) });
  }

  request(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Time one request end to end (send → last byte parsed), failing loudly on an unexpected status. */
  async timed(method: string, path: string, body?: unknown, expect = 200): Promise<{ ms: number; res: HttpResponse }> {
    const t0 = performance.now();
    const res = await this.request(method, path, body);
    const ms = performance.now() - t0;
    if (res.status !== expect) throw new Error(`${method} ${path}: expected ${expect}, got ${res.status} ${res.body.slice(0, 200)}`);
    return { ms, res };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Run `fn` n times in sequence and collect the elapsed times (sequential: latency, not throughput). */
export async function sample(n: number, fn: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}

/** Render the results as a plain-text table, misses marked so they cannot be overlooked. */
export function table(results: BenchResult[]): string {
  const head = ['metric', 'engine', 'value', 'target', 'pass', 'ratio to baseline'];
  const rows = results.map((r) => {
    const p = pass(r);
    const q = ratio(r);
    return [
      r.metric + (r.samples ? ` (n=${r.samples})` : ''),
      r.engine,
      `${fmt(r.value)} ${r.unit}`,
      r.target === null ? '-' : `≤ ${fmt(r.target)} ${r.unit}`,
      p === null ? '-' : p ? 'PASS' : 'MISS ✗',
      q === null ? '-' : `${q.toFixed(1)}× ${r.baseline!.name}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** Display width: CJK and other wide characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}
