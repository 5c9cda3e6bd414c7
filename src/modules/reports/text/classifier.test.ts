import { describe, expect, it } from 'vitest';
import { TextClassifier, defaultTrainOptions, trainClassifier, type ClassifierModel } from './classifier';
import { fitSoftmaxScale, score, softmax, stratifiedFolds } from './evaluation';
import { trainBinarySvm } from './linearSvm';
import { syntheticLabels, syntheticTexts } from './testing/syntheticTexts';

const options = { ...defaultTrainOptions, folds: 3 };

describe('linear SVM (dual coordinate descent)', () => {
  it('separates two linearly separable point clouds', () => {
    const xs = [[1, 0.1], [0.9, 0.2], [0.8, 0.1], [0.1, 0.9], [0.2, 1], [0.1, 0.8]]
      .map((p) => ({ idx: Int32Array.from([0, 1]), val: Float32Array.from(p) }));
    const ys = Int8Array.from([1, 1, 1, -1, -1, -1]);
    const svm = trainBinarySvm(xs, ys, 2, { ...defaultTrainOptions.svm, C: 10 });
    xs.forEach((x, i) => expect(Math.sign(svm.weights[0] * x.val[0] + svm.weights[1] * x.val[1] + svm.bias)).toBe(ys[i]));
  });
});

describe('evaluation helpers', () => {
  it('deals stratified folds of near-equal size with every label in every fold', () => {
    const labels = Int32Array.from({ length: 30 }, (_, i) => (i < 20 ? 0 : 1));
    const folds = stratifiedFolds(labels, 5);
    for (let f = 0; f < 5; f++) {
      const members = [...folds.keys()].filter((i) => folds[i] === f);
      expect(members.length).toBe(6);
      expect(members.filter((i) => labels[i] === 1).length).toBe(2);
    }
  });

  it('computes per-label F1 and macro-F1', () => {
    // Label a: tp 2, fp 1, fn 0 → P 2/3, R 1, F1 0.8. Label b: tp 1, fp 0, fn 1 → P 1, R 0.5, F1 2/3.
    const s = score([0, 0, 1, 1], [0, 0, 0, 1], ['a', 'b']);
    expect(s.perLabel.a.f1).toBeCloseTo(0.8, 10);
    expect(s.perLabel.b.f1).toBeCloseTo(2 / 3, 10);
    expect(s.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 10);
    expect(s.accuracy).toBe(0.75);
  });

  it('fits a larger softmax scale when margins are reliable, and probabilities sum to one', () => {
    const margins = [[1, -1], [-1, 1], [1, -1], [-1, 1]].map((m) => Float64Array.from(m));
    expect(fitSoftmaxScale(margins, [0, 1, 0, 1])).toBeGreaterThan(fitSoftmaxScale(margins, [0, 1, 1, 0]));
    expect(softmax([2, 1, 0], 3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('report classifier', () => {
  const train = syntheticTexts(20, 1);
  const heldOut = syntheticTexts(5, 99);

  it('learns a separable synthetic set and suggests the right category for unseen texts', () => {
    const model = trainClassifier(train, options);
    expect(model.labels).toEqual([...syntheticLabels].sort());
    expect(model.training.crossValidation!.macroF1).toBeGreaterThan(0.95);
    expect(model.uniformMix).toBeCloseTo(1 / (2 * model.training.examples), 5); // no held-out error: the floor
    expect(model.training.perLabel).toEqual(Object.fromEntries(syntheticLabels.map((l) => [l, 20])));
    const classifier = new TextClassifier(model);
    for (const t of heldOut) {
      const p = classifier.predict(t.title, t.body);
      expect(p.label, t.title).toBe(t.label);
      expect(p.confidence).toBeGreaterThan(p.alternatives[0].confidence);
      // Cleanly separable training data still never makes a suggestion certain (uniform mix ≥ 1/(2n)).
      expect(p.confidence).toBeLessThan(1);
      expect(p.alternatives.map((a) => a.label)).not.toContain(p.label);
      expect(p.confidence + p.alternatives.reduce((s, a) => s + a.confidence, 0)).toBeCloseTo(1, 3);
    }
    expect(classifier.predict('', '化工厂夜间偷排污水，河水发黑发臭').label).toBe('环保');
  });

  it('round-trips through JSON with identical suggestions', () => {
    const model = trainClassifier(train, { ...options, folds: 0 });
    expect(model.training.crossValidation).toBeNull();
    const json = JSON.stringify(model);
    const again = TextClassifier.fromJson(json);
    const original = new TextClassifier(model);
    for (const t of heldOut) expect(again.predict(t.title, t.body, 2)).toEqual(original.predict(t.title, t.body, 2));
    expect(JSON.parse(json)).toMatchObject({ format: 'lianjian/report-classifier', version: 1 });
  });

  it('refuses a model that is not one', () => {
    const model = trainClassifier(train, { ...options, folds: 0 });
    expect(() => new TextClassifier({ ...model, format: 'other' } as unknown as ClassifierModel)).toThrow(/format/);
    expect(() => new TextClassifier({ ...model, bias: [0] })).toThrow(/one weight row per label/);
    expect(() => trainClassifier(train.filter((t) => t.label === '教育'), options)).toThrow(/two labels/);
  });
});
