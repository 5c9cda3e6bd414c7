import fs from 'node:fs';
import path from 'node:path';
import { tokenize } from '../src/platform/text/tokenize';
import { readCsvFile } from '../src/modules/reports/text/csv';
import { hotspotClusters, type HotspotText } from '../src/modules/reports/text/hotspots';
import { normaliseText } from '../src/modules/reports/text/minhash';
import { complaintsDir } from './classifier.bench';
import { round, type BenchResult } from './lib';

/**
 * Hot-spot target on two public message sets (../shared/data, evaluation only): every group of identical
 * bodies lands in one cluster — counted as the number of such groups split across clusters, target 0 —
 * with cluster counts, size distribution and time printed. Same-run baseline: bare jieba segmentation of
 * the same texts, the floor any text grouping pays.
 */
const sets = [
  { file: 'hot_issue_messages.csv', id: 'id', title: 'title', body: 'detail' },
  { file: 'gas_shortage_posts.csv', id: 'replyID', title: 'title', body: 'replyContentMain' },
];

export async function hotspotsBench(log: (s: string) => void): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  tokenize('预热');
  for (const set of sets) {
    const file = path.join(complaintsDir, set.file);
    if (!fs.existsSync(file)) throw new Error(`${file} not found (evaluation data lives outside the repo)`);
    const texts: HotspotText[] = (await readCsvFile(file)).map((r, i) => ({ id: r[set.id] || `row${i + 2}`, title: r[set.title] ?? '', body: r[set.body] ?? '' }));

    let t0 = performance.now();
    for (const t of texts) tokenize(`${t.title}\n${t.body}`);
    const segmentMs = performance.now() - t0;
    t0 = performance.now();
    const clusters = hotspotClusters(texts);
    const clusterMs = performance.now() - t0;

    // The guarantee, checked on the strict (raw, trimmed) and the loose (normalised) notion of "identical".
    const clusterOf = new Map<string, number>();
    clusters.forEach((c, k) => c.memberIds.forEach((id) => clusterOf.set(id, k)));
    const split = (keyOf: (t: HotspotText) => string) => {
      const groups = new Map<string, Set<number>>();
      const counts = new Map<string, number>();
      let multi = 0;
      for (const t of texts) {
        const key = keyOf(t);
        if (!key) continue;
        const set = groups.get(key) ?? new Set<number>();
        set.add(clusterOf.get(t.id)!);
        groups.set(key, set);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      let broken = 0;
      for (const [key, s] of groups) {
        if (counts.get(key)! > 1) multi++;
        if (s.size > 1) broken++;
      }
      return { broken, multi };
    };
    const raw = split((t) => t.body.trim());
    const normalised = split((t) => normaliseText(t.body));

    const sizes = clusters.map((c) => c.size);
    const bucket = (lo: number, hi: number) => sizes.filter((s) => s >= lo && s <= hi).length;
    const dist = { '1': bucket(1, 1), '2-4': bucket(2, 4), '5-9': bucket(5, 9), '10-49': bucket(10, 49), '50+': bucket(50, Infinity) };
    log(`  ${set.file}: ${texts.length} messages → ${clusters.length} clusters in ${(clusterMs / 1000).toFixed(2)} s (segmentation alone ${(segmentMs / 1000).toFixed(2)} s)`);
    log(`    sizes: ${Object.entries(dist).map(([k, v]) => `${k}: ${v}`).join(', ')}; largest ${sizes.slice(0, 10).join(', ')}`);
    log(`    identical-body groups (size > 1): raw ${raw.multi}, normalised ${normalised.multi}; split across clusters: raw ${raw.broken}, normalised ${normalised.broken}`);
    for (const c of clusters.slice(0, 5)) log(`    ${String(c.size).padStart(4)}  ${c.title.slice(0, 40)}`);

    const engine = 'in-process';
    results.push(
      {
        metric: `hotspots ${set.file}: identical-body groups split`, engine, value: normalised.broken + raw.broken, unit: 'groups', target: 0,
        note: `${normalised.multi} normalised / ${raw.multi} raw groups of identical bodies checked`,
        extra: { rawGroups: raw.multi, normalisedGroups: normalised.multi, rawSplit: raw.broken, normalisedSplit: normalised.broken },
      },
      {
        metric: `hotspots ${set.file}: clustering time`, engine, value: round(clusterMs, 0), unit: 'ms', target: null,
        baseline: { name: 'bare segmentation', value: round(segmentMs, 0) }, samples: texts.length,
        note: `${clusters.length} clusters; sizes ${Object.entries(dist).map(([k, v]) => `${k}: ${v}`).join(', ')}`,
        extra: { clusters: clusters.length, messages: texts.length, largest: sizes[0] ?? 0, ...Object.fromEntries(Object.entries(dist).map(([k, v]) => [`size ${k}`, v])) },
      },
    );
  }
  return results;
}
