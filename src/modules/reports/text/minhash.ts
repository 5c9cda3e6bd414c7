/**
 * Near-duplicate detection: MinHash signatures over character shingles and locality-sensitive hashing in
 * bands (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets" ch. 3). Copies of a
 * circulated complaint with a changed name, date or signature share most shingles, so their signatures agree
 * in most positions; banding finds such pairs without comparing every pair of reports.
 */
export interface MinHashOptions {
  /** Characters per shingle. */
  shingle: number;
  /** Signature length = bands × rows. */
  bands: number;
  rows: number;
  /** Pairs whose signatures agree in at least this share of positions (estimated Jaccard) are near-duplicates. */
  threshold: number;
}

export const defaultMinHashOptions: MinHashOptions = { shingle: 4, bands: 16, rows: 4, threshold: 0.6 };

/** Folds width and case and drops everything but letters and digits: punctuation and spacing never matter. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser): one cheap independent-looking hash function per seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function signature(normalised: string, options: MinHashOptions = defaultMinHashOptions): Uint32Array {
  const size = options.bands * options.rows;
  const sig = new Uint32Array(size).fill(0xffffffff);
  const chars = [...normalised];
  const shingles = new Set<number>();
  if (chars.length <= options.shingle) shingles.add(fnv(normalised));
  else for (let i = 0; i + options.shingle <= chars.length; i++) shingles.add(fnv(chars.slice(i, i + options.shingle).join('')));
  for (const s of shingles) {
    for (let k = 0; k < size; k++) {
      const h = mix(s, Math.imul(k + 1, 0x9e3779b1));
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/** Pairs [i, j] (i < j) of signatures that share a band and agree at least `threshold`. */
export function nearDuplicatePairs(signatures: Uint32Array[], options: MinHashOptions = defaultMinHashOptions): [number, number][] {
  const pairs: [number, number][] = [];
  const checked = new Set<string>();
  for (let band = 0; band < options.bands; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      const key = Array.from(sig.subarray(band * options.rows, (band + 1) * options.rows)).join(',');
      const list = buckets.get(key);
      if (list) list.push(i); else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const key = `${list[x]},${list[y]}`;
          if (checked.has(key)) continue;
          checked.add(key);
          if (similarity(signatures[list[x]], signatures[list[y]]) >= options.threshold) pairs.push([list[x], list[y]]);
        }
      }
    }
  }
  return pairs;
}
