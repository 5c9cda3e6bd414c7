import { DEMO_PASSWORD } from '../src/modules/org/demo/createDemoCounty';
import { surnames } from '../src/modules/org/demo/standardUnits';
import type { Fixture } from './fixture';
import { Client, round, sample, summarise, type BenchResult } from './lib';

/**
 * Target 2b: officials list p95 ≤ 50 ms with ≥ 10,000 officials, for a county-wide user (scope all), a
 * township user (scope unitAndBelow: the scope subquery over units.path) and a keyword search.
 * Baseline: GET /api/health, the same HTTP path doing one `select 1`.
 */
const WARMUP = 20;
const N = 200;
const PAGE_SIZE = 20;
// Its own source address, so these sign-ins do not count against the login benchmark's rate limit.
const ADDRESS = '127.0.0.3';

interface Scenario { metric: string; user: string; path: (i: number, pages: number) => string }

const listPath = (page: number, extra = '') => `/api/v1/org/officials?page=${page}&pageSize=${PAGE_SIZE}${extra}`;
// A fixed stride walks every page, deep offsets included, deterministically on every machine.
const spread = (i: number, pages: number) => 1 + ((i * 97) % pages);
const keywords = [...surnames].slice(0, 10);

// Two page mixes for the county-wide list: what people do (the first pages, then a filter) and the
// worst case (any page: a deep OFFSET sorts every row in scope before it can skip them).
const scenarios: Scenario[] = [
  { metric: 'officials list p95, scope all, pages 1-10 (cdi)', user: 'cdi', path: (i) => listPath(1 + (i % 10)) },
  { metric: 'officials list p95, scope all, any page (cdi)', user: 'cdi', path: (i, pages) => listPath(spread(i, pages)) },
  { metric: 'officials list p95, unitAndBelow (t530125102)', user: 't530125102', path: (i, pages) => listPath(spread(i, pages)) },
  { metric: 'officials search q=<surname> p95 (cdi)', user: 'cdi', path: (i) => listPath(1 + (i % 3), `&q=${encodeURIComponent(keywords[i % keywords.length])}`) },
];

async function measure(client: Client, path: (i: number) => string): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await client.timed('GET', path(i));
  return sample(N, async (i) => (await client.timed('GET', path(i + WARMUP))).ms);
}

export async function officialsBench(f: Fixture): Promise<BenchResult[]> {
  const health = new Client(f.base, ADDRESS);
  let healthP95: number;
  try {
    const s = summarise(await measure(health, () => '/api/health'));
    healthP95 = round(s.p95);
  } finally {
    health.close();
  }
  const baseline = { name: '/api/health p95', value: healthP95 };
  const results: BenchResult[] = [
    { metric: 'baseline: GET /api/health p95', engine: f.engine, value: healthP95, unit: 'ms', target: null, samples: N },
  ];

  const clients = new Map<string, Client>();
  try {
    for (const sc of scenarios) {
      let client = clients.get(sc.user);
      if (!client) {
        client = new Client(f.base, ADDRESS);
        const { res } = await client.timed('POST', '/api/v1/auth/login', { username: sc.user, password: DEMO_PASSWORD });
        client.cookie = String(res.headers['set-cookie'] ?? '').match(/lj_session=[^;]+/)?.[0] ?? '';
        clients.set(sc.user, client);
      }
      const first = JSON.parse((await client.timed('GET', sc.path(0, 1))).res.body) as { total: number };
      if (first.total === 0) throw new Error(`${sc.metric}: no rows visible, the scenario would measure nothing`);
      const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
      const s = summarise(await measure(client, (i) => sc.path(i, pages)));
      results.push({
        metric: sc.metric, engine: f.engine, value: round(s.p95), unit: 'ms', target: 50, baseline, samples: s.n,
        extra: { p50: round(s.p50), p99: round(s.p99), max: round(s.max), rowsInScope: first.total },
        note: `p50 ${s.p50.toFixed(1)} / p99 ${s.p99.toFixed(1)} ms; ${first.total} rows match the first request`,
      });
    }
  } finally {
    for (const c of clients.values()) c.close();
  }
  return results;
}
