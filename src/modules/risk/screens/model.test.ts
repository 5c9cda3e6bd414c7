import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic, sigmoid, solve } from './logistic';
import { crossValidatedScores, stratifiedFolds, trainScreenModel } from './model';
import { auc, seededRandom } from './stats';

describe('logistic regression', () => {
  it('solve: 2x + y = 5, x + 3y = 10 → x = 1, y = 3', () => {
    const [x, y] = solve([[2, 1], [1, 3]], [5, 10]);
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(3, 12);
  });

  it('no features: the intercept is the log-odds of the base rate, ln(3/1)', () => {
    const m = fitLogistic([[], [], [], []], [true, true, true, false]);
    expect(m.intercept).toBeCloseTo(Math.log(3), 8);
  });

  it('symmetric pair x = −1 (no), x = +1 (yes), λ = 1: intercept 0 and w = √2·(1 − σ(w/√2))', () => {
    // Standardised z = ∓1/√2. Stationarity: Σ(y − p)z = λw gives 2·(1/√2)(1 − σ(w/√2)) = w.
    const m = fitLogistic([[-1], [1]], [false, true], 1);
    const w = m.weights[0];
    expect(m.intercept).toBeCloseTo(0, 10);
    expect(w).toBeCloseTo(Math.SQRT2 * (1 - sigmoid(w / Math.SQRT2)), 9);
    expect(predictLogistic(m, [1])).toBeGreaterThan(0.5);
  });

  it('a constant feature does not break the fit (scale falls back to 1)', () => {
    const m = fitLogistic([[5, 1], [5, 2], [5, 3], [5, 4]], [false, false, true, true], 1);
    expect(Number.isFinite(m.weights[0])).toBe(true);
    expect(m.weights[1]).toBeGreaterThan(0);
  });
});

describe('cross-validation', () => {
  it('stratified folds keep both classes in every fold', () => {
    const labels = Array.from({ length: 50 }, (_, i) => i % 5 === 0);
    const folds = stratifiedFolds(labels, 5, 3);
    for (let f = 0; f < 5; f++) {
      const inFold = labels.filter((_, i) => folds[i] === f);
      expect(inFold.filter(Boolean).length).toBe(2);
      expect(inFold.length).toBe(10);
    }
  });

  it('learns a signal carried by one feature among noise, out of fold', () => {
    const rnd = seededRandom(7);
    const labels: boolean[] = [];
    const rows: (number | null)[][] = [];
    for (let i = 0; i < 120; i++) {
      const y = i % 3 === 0;
      labels.push(y);
      // Feature 0 (the ln_cv slot) is lower for positives; the others are noise; one value missing.
      rows.push([(y ? -1 : 0) + rnd() * 0.8, rnd(), rnd(), i === 5 ? null : rnd()]);
    }
    const scores = crossValidatedScores(rows, labels, { folds: 5, seed: 2 });
    expect(auc(scores, labels)).toBeGreaterThan(0.85);
    const model = trainScreenModel(rows, labels);
    expect(model.columns).toContain(0);
    expect(model.logistic.weights[model.columns.indexOf(0)]).toBeLessThan(0);
  });

  it('too few positives for k folds: keeps every feature, no selection', () => {
    const model = trainScreenModel([[1, 2], [2, 1], [3, 3], [4, 5]], [true, false, false, false]);
    expect(model.columns).toEqual([0, 1]);
    expect(model.selectionAuc).toBeNaN();
  });
});

describe('penalties and methods', () => {
  it('a per-feature penalty shrinks only that feature: λ = 1e6 on x₂ drives its weight to ~0', () => {
    const x = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0]];
    const y = [false, false, true, false, true, true];
    const m = fitLogistic(x, y, [1, 1e6]);
    expect(Math.abs(m.weights[1])).toBeLessThan(1e-4);
    expect(m.weights[0]).toBeGreaterThan(0);
  });

  it("both training methods keep the base column; 'forward' keeps fewer columns than 'shrink'", () => {
    const rnd = seededRandom(11);
    const labels = Array.from({ length: 100 }, (_, i) => i % 4 === 0);
    const rows = labels.map((y) => [(y ? -1 : 0) + rnd(), rnd(), rnd()]);
    const shrink = trainScreenModel(rows, labels, { baseColumns: [0] });
    const forward = trainScreenModel(rows, labels, { baseColumns: [0], method: 'forward' });
    expect(shrink.columns).toEqual([0, 1, 2]);
    expect(forward.columns[0]).toBe(0);
    expect(forward.columns.length).toBeLessThanOrEqual(3);
    expect(shrink.logistic.weights[0]).toBeLessThan(0);
  });
});
