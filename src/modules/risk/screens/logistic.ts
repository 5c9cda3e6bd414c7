/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS). Small on purpose: a handful of
 * screen features per market, a few thousand tenders at most, so an exact Newton step on a p×p system
 * converges in a few iterations and needs no learning rate. Features are standardised inside the model
 * (means and scales kept) so the penalty treats every screen alike and the intercept is not penalised.
 */
export interface LogisticModel {
  weights: number[];
  intercept: number;
  means: number[];
  scales: number[];
  lambda: number | readonly number[];
  iterations: number;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solve A·x = b by Gaussian elimination with partial pivoting (A is small and, with the ridge, positive definite). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-300) throw new Error('singular system');
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f !== 0) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * `lambda` is one ridge penalty for every feature, or one per feature (e.g. a light penalty on a trusted
 * baseline screen and a heavier one on the rest, shrinking the model towards that baseline).
 */
export function fitLogistic(x: readonly number[][], y: readonly boolean[], lambda: number | readonly number[] = 1, maxIter = 50): LogisticModel {
  const n = x.length;
  const p = n > 0 ? x[0].length : 0;
  const means = new Array<number>(p).fill(0);
  const scales = new Array<number>(p).fill(1);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (const row of x) s += row[j];
    means[j] = s / n;
    let ss = 0;
    for (const row of x) ss += (row[j] - means[j]) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, n - 1));
    scales[j] = sd > 0 ? sd : 1;
  }
  const z = x.map((row) => [1, ...row.map((v, j) => (v - means[j]) / scales[j])]);
  const beta = new Array<number>(p + 1).fill(0);
  const pos = y.filter(Boolean).length;
  // Start the intercept at the log-odds of the base rate: fewer iterations, and exact when p = 0.
  beta[0] = Math.log((pos + 0.5) / (n - pos + 0.5));
  let it = 0;
  for (; it < maxIter; it++) {
    const grad = new Array<number>(p + 1).fill(0);
    const hess = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j <= p; j++) eta += beta[j] * z[i][j];
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-10);
      const r = (y[i] ? 1 : 0) - mu;
      for (let j = 0; j <= p; j++) {
        grad[j] += r * z[i][j];
        for (let k = j; k <= p; k++) hess[j][k] += w * z[i][j] * z[i][k];
      }
    }
    for (let j = 0; j <= p; j++) for (let k = 0; k < j; k++) hess[j][k] = hess[k][j];
    for (let j = 1; j <= p; j++) {
      const l = typeof lambda === 'number' ? lambda : lambda[j - 1];
      grad[j] -= l * beta[j];
      hess[j][j] += l;
    }
    if (p === 0 && hess[0][0] === 0) break;
    const step = solve(hess, grad);
    let maxStep = 0;
    for (let j = 0; j <= p; j++) {
      beta[j] += step[j];
      maxStep = Math.max(maxStep, Math.abs(step[j]));
    }
    if (maxStep < 1e-8) { it++; break; }
  }
  return { intercept: beta[0], weights: beta.slice(1), means, scales, lambda, iterations: it };
}

/** Probability of the positive class for one feature row. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let eta = model.intercept;
  for (let j = 0; j < model.weights.length; j++) eta += model.weights[j] * ((row[j] - model.means[j]) / model.scales[j]);
  return sigmoid(eta);
}
