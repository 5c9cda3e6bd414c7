/** Exact binomial and hypergeometric upper tails (small n, summed in log space to avoid overflow). */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number): number => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let s = 0;
  for (let i = k; i <= n; i++) s += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
  return Math.min(1, s);
}

/** P(X ≥ k) for X ~ Hypergeometric(population N, K successes in it, n draws). */
export function hypergeometricUpperTail(k: number, bigN: number, bigK: number, n: number): number {
  const hi = Math.min(n, bigK);
  if (k > hi) return 0;
  let s = 0;
  for (let i = Math.max(k, 0, n - (bigN - bigK)); i <= hi; i++) {
    s += Math.exp(logChoose(bigK, i) + logChoose(bigN - bigK, n - i) - logChoose(bigN, n));
  }
  return Math.min(1, s);
}
