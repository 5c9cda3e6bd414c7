/**
 * Input clean-up shared by the identifier validators. Users paste identifiers from Word, Excel and IMEs, so we
 * accept full-width characters (NFKC turns '１' into '1' and 'ｘ' into 'x'), stray spaces and hyphens, and
 * lower case, and report the canonical form back as `normalized`.
 */
export function normalizeIdentifier(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\u00a0\u200b-]+/g, '')
    .toUpperCase();
}

/** Small deterministic PRNG (mulberry32) so demo-data generators give the same output for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
