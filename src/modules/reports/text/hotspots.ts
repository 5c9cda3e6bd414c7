import { Tfidf, defaultFeatureOptions, textTerms, topTerms, type SparseVector } from './features';
import { defaultMinHashOptions, nearDuplicatePairs, normaliseText, signature, type MinHashOptions } from './minhash';

/**
 * Hot spots (热点、难点问题): reports about the same matter, grouped in three steps.
 * 1. Identical bodies (after folding width, case, whitespace and punctuation) form one unit, by construction:
 *    every later step moves whole units, so a copied complaint can never be split across clusters.
 * 2. Near-duplicate units (MinHash-LSH over character shingles) are joined with a union-find.
 * 3. Topical grouping: single-pass leader clustering on TF-IDF cosine over each group's heaviest terms,
 *    largest groups first so the leaders are the matters most people wrote about, then the same pass over
 *    the clusters' centres to join clusters of one matter.
 * A body that is empty after normalisation falls back to the title, so blank bodies are not all one "copy".
 */
export interface HotspotText { id: string; title: string; body: string }

export interface HotspotOptions {
  minhash: MinHashOptions;
  /** Cosine (on truncated TF-IDF vectors) from which a group joins a cluster's leader. */
  topicalThreshold: number;
  /** Cosine from which two clusters' centres are joined (higher: centres of many reports look alike sooner). */
  mergeThreshold: number;
  /** Terms kept per group vector: the matter, not the boilerplate around it. */
  topTerms: number;
}

export const defaultHotspotOptions: HotspotOptions = { minhash: defaultMinHashOptions, topicalThreshold: 0.25, mergeThreshold: 0.4, topTerms: 40 };

export interface HotspotCluster {
  /** The id of the representative member. */
  id: string;
  size: number;
  /** The representative member's title: the one closest to the cluster's centre. */
  title: string;
  memberIds: string[];
}

/** Member indexes per cluster and the index of its representative, largest cluster first. */
export interface IndexCluster { members: number[]; representative: number }

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) { this.parent = Int32Array.from({ length: n }, (_, i) => i); }
  find(x: number): number {
    while (this.parent[x] !== x) { this.parent[x] = this.parent[this.parent[x]]; x = this.parent[x]; }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** The key under which texts count as identical: the normalised body, or the normalised title for a blank body. */
export function duplicateKey(title: string, body: string): string {
  const b = normaliseText(body);
  return b ? `b:${b}` : `t:${normaliseText(title)}`;
}

export function clusterIndexes(texts: HotspotText[], options: HotspotOptions = defaultHotspotOptions): IndexCluster[] {
  // Step 1: identical bodies → units.
  const unitOfKey = new Map<string, number>();
  const unitOf = new Int32Array(texts.length);
  const unitKeys: string[] = [];
  texts.forEach((t, i) => {
    const key = duplicateKey(t.title, t.body);
    let u = unitOfKey.get(key);
    if (u === undefined) { u = unitKeys.length; unitOfKey.set(key, u); unitKeys.push(key); }
    unitOf[i] = u;
  });

  // Step 2: near-duplicate units.
  const uf = new UnionFind(unitKeys.length);
  const signatures = unitKeys.map((k) => signature(k.slice(2), options.minhash));
  for (const [a, b] of nearDuplicatePairs(signatures, options.minhash)) uf.union(a, b);
  const groupMembers = new Map<number, number[]>();
  texts.forEach((_, i) => {
    const g = uf.find(unitOf[i]);
    const list = groupMembers.get(g);
    if (list) list.push(i); else groupMembers.set(g, [i]);
  });

  // Step 3: topical leader clustering over the groups' summed vectors.
  const docs = texts.map((t) => textTerms(t.title, t.body, defaultFeatureOptions));
  const tfidf = Tfidf.fit(docs, { minDf: 2, maxFeatures: 500_000 });
  const vectors = docs.map((d) => tfidf.vector(d));
  const groups = [...groupMembers.values()];
  // Two passes: groups join leaders, then the clusters' centres join each other, which repairs a matter
  // split because its first report happened to be an untypical one.
  const firstPass = leaderClusters(groups, vectors, options.topicalThreshold, options.topTerms);
  const clusters = leaderClusters(firstPass, vectors, options.mergeThreshold, options.topTerms);
  return clusters
    .map((members) => members.sort((a, b) => a - b))
    .map((members) => ({ members, representative: representative(members, vectors) }))
    .sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
}

/**
 * Single-pass leader clustering, largest groups first: a group joins the existing leader it is most similar
 * to (cosine of the truncated vectors of their summed members, at least the threshold) or leads a new cluster.
 */
function leaderClusters(groups: number[][], vectors: SparseVector[], threshold: number, topK: number): number[][] {
  const ordered = [...groups].sort((a, b) => b.length - a.length || Math.min(...a) - Math.min(...b));
  // Inverted index of the leaders' terms; scores accumulate in a typed array touched only where needed.
  const postings = new Map<number, { cluster: number; weight: number }[]>();
  const clusters: number[][] = [];
  const scores = new Float64Array(ordered.length);
  const touched: number[] = [];
  for (const members of ordered) {
    const v = topTerms(sumVectors(members.map((m) => vectors[m])), topK);
    for (let q = 0; q < v.idx.length; q++) {
      for (const p of postings.get(v.idx[q]) ?? []) {
        if (scores[p.cluster] === 0) touched.push(p.cluster);
        scores[p.cluster] += p.weight * v.val[q];
      }
    }
    // Highest cosine wins; a tie goes to the older (larger) cluster so the result never depends on visit order.
    let best = -1;
    let bestScore = threshold;
    for (const c of touched) {
      const sc = scores[c];
      scores[c] = 0;
      if (sc > bestScore || (sc === bestScore && (best < 0 || c < best))) { best = c; bestScore = sc; }
    }
    touched.length = 0;
    if (best >= 0) { clusters[best].push(...members); continue; }
    const c = clusters.length;
    clusters.push([...members]);
    for (let q = 0; q < v.idx.length; q++) {
      const list = postings.get(v.idx[q]);
      const entry = { cluster: c, weight: v.val[q] };
      if (list) list.push(entry); else postings.set(v.idx[q], [entry]);
    }
  }
  return clusters;
}

function sumVectors(vs: SparseVector[]): SparseVector {
  if (vs.length === 1) return vs[0];
  const acc = new Map<number, number>();
  for (const v of vs) for (let q = 0; q < v.idx.length; q++) acc.set(v.idx[q], (acc.get(v.idx[q]) ?? 0) + v.val[q]);
  const idx = Int32Array.from(acc.keys()).sort();
  return { idx, val: Float32Array.from(idx, (i) => acc.get(i)!) };
}

/** The member most similar to the cluster's summed vector. */
function representative(members: number[], vectors: SparseVector[]): number {
  if (members.length <= 2) return members[0];
  const centre = new Map<number, number>();
  for (const m of members) for (let q = 0; q < vectors[m].idx.length; q++) centre.set(vectors[m].idx[q], (centre.get(vectors[m].idx[q]) ?? 0) + vectors[m].val[q]);
  let best = members[0];
  let bestScore = -Infinity;
  for (const m of members) {
    let s = 0;
    for (let q = 0; q < vectors[m].idx.length; q++) s += (centre.get(vectors[m].idx[q]) ?? 0) * vectors[m].val[q];
    if (s > bestScore) { bestScore = s; best = m; }
  }
  return best;
}

/** Hot-spot clusters of a batch of texts, largest first (the `lianjian reports hotspots` output). */
export function hotspotClusters(texts: HotspotText[], options: HotspotOptions = defaultHotspotOptions): HotspotCluster[] {
  return clusterIndexes(texts, options).map(({ members, representative: r }) => ({
    id: texts[r].id,
    size: members.length,
    title: texts[r].title || texts[r].body.slice(0, 40),
    memberIds: members.map((m) => texts[m].id),
  }));
}
