import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenize } from '../src/platform/text/tokenize';
import { TextClassifier, defaultTrainOptions, trainOnTerms, type TrainOptions } from '../src/modules/reports/text/classifier';
import { readCsvFile } from '../src/modules/reports/text/csv';
import { score, stratifiedFolds } from '../src/modules/reports/text/evaluation';
import { textTerms } from '../src/modules/reports/text/features';
import { round, type BenchResult } from './lib';

/**
 * Classifier targets on the public labelled complaints (../shared/data, evaluation only): macro-F1 ≥ 0.88 in
 * 5-fold stratified cross-validation, ≥ 2,000 messages/s classified on one core, training ≤ 60 s. The table
 * wants "value ≤ target", so quality is reported as the macro-F1 shortfall 1 − F1 ≤ 0.12 and speed as time per
 * message ≤ 500 µs (CPU time, see `timed`). Same-run baselines: multinomial Naive Bayes on the same folds and terms, and bare jieba
 * segmentation of the same texts.
 */
export const complaintsDir = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'complaints');
const FOLDS = 5;

export async function classifierBench(log: (s: string) => void, options: TrainOptions = defaultTrainOptions): Promise<BenchResult[]> {
  const file = path.join(complaintsDir, 'messages_labeled_train.csv');
  if (!fs.existsSync(file)) throw new Error(`${file} not found (evaluation data lives outside the repo)`);
  const rows = (await readCsvFile(file)).filter((r) => r.label?.trim());
  const texts = rows.map((r) => ({ title: r.title ?? '', body: r.detail ?? '', label: r.label.trim() }));
  log(`  ${texts.length} labelled messages, ${new Set(texts.map((t) => t.label)).size} labels`);

  for (const t of texts.slice(0, 500)) tokenize(`${t.title}\n${t.body}`); // load the dictionary, warm up
  const seg = timed(() => { for (const t of texts) tokenize(`${t.title}\n${t.body}`); });
  const tokenizeUs = seg.cpuUs / texts.length;

  // What `lianjian reports train --folds 5` does: featurise, five cross-validation fits, the final fit.
  let docs: string[][] = [];
  let model!: ReturnType<typeof trainOnTerms>;
  const featurise = timed(() => { docs = texts.map((t) => textTerms(t.title, t.body, options.features)); });
  const training = timed(() => { model = trainOnTerms(docs, texts.map((t) => t.label), { ...options, folds: FOLDS }, (m) => log(`  ${m}`)); });
  const trainSeconds = (featurise.cpuUs + training.cpuUs) / 1e6;
  const cv = model.training.crossValidation!;

  const labels = model.labels;
  const y = Int32Array.from(texts, (t) => labels.indexOf(t.label));
  const nb = naiveBayesCv(docs, y, labels.length, FOLDS, options.svm.seed);
  const nbScores = score(y, nb, labels);
  const majority = score(y, new Int32Array(y.length).fill(argmaxCount(y, labels.length)), labels);

  log(`  per-label F1 (5-fold CV):   label            SVM     NB  support`);
  for (const l of labels) {
    log(`    ${l.padEnd(10, '\u3000')} ${cv.perLabel[l].f1.toFixed(3)}  ${nbScores.perLabel[l].f1.toFixed(3)}  ${cv.perLabel[l].support}`);
  }
  log(`  macro-F1 SVM ${cv.macroF1.toFixed(4)} (accuracy ${cv.accuracy.toFixed(4)}), Naive Bayes ${nbScores.macroF1.toFixed(4)}, majority class ${majority.macroF1.toFixed(4)}`);

  const json = JSON.stringify(model);
  const classifier = TextClassifier.fromJson(json);
  log(`  model: ${model.vocabulary.length} features, ${(json.length / 2 ** 20).toFixed(1)} MiB JSON, softmax scale ${model.softmaxScale}`);
  for (const t of texts.slice(0, 500)) classifier.predict(t.title, t.body); // warm-up: JIT and scratch buffers
  const cls = timed(() => { for (const t of texts) classifier.predict(t.title, t.body); });
  const classifyUs = cls.cpuUs / texts.length;
  const wall = (ms: number) => Math.round((texts.length * 1000) / ms);
  log(`  classify ${Math.round(1e6 / classifyUs)} messages per CPU-second (wall clock ${wall(cls.wallMs)}/s); bare segmentation ${Math.round(1e6 / tokenizeUs)} per CPU-second (wall ${wall(seg.wallMs)}/s)`);

  const engine = 'in-process';
  return [
    {
      metric: 'classifier 1 − macro-F1, 5-fold CV', engine, value: round(1 - cv.macroF1, 4), unit: '', target: 0.12,
      baseline: { name: 'Naive Bayes', value: round(1 - nbScores.macroF1, 4) }, samples: texts.length,
      note: `macro-F1 ${cv.macroF1.toFixed(4)} (target ≥ 0.88), accuracy ${cv.accuracy.toFixed(4)}; Naive Bayes ${nbScores.macroF1.toFixed(4)}; majority class ${majority.macroF1.toFixed(4)}`,
      extra: { macroF1: round(cv.macroF1, 4), accuracy: round(cv.accuracy, 4), naiveBayesMacroF1: round(nbScores.macroF1, 4), majorityMacroF1: round(majority.macroF1, 4), ...Object.fromEntries(labels.map((l) => [`f1 ${l}`, round(cv.perLabel[l].f1, 4)])) },
    },
    {
      metric: 'classify CPU time per message', engine, value: round(classifyUs, 1), unit: 'µs', target: 500,
      baseline: { name: 'bare jieba segmentation', value: round(tokenizeUs, 1) }, samples: texts.length,
      note: `${Math.round(1e6 / classifyUs)} messages per CPU-second on one thread (target ≥ 2,000/s, one core); wall clock ${wall(cls.wallMs)}/s under load ${os.loadavg()[0].toFixed(1)}`,
      extra: { messagesPerCpuSecond: Math.round(1e6 / classifyUs), messagesPerWallSecond: wall(cls.wallMs), segmentationPerCpuSecond: Math.round(1e6 / tokenizeUs), segmentationPerWallSecond: wall(seg.wallMs) },
    },
    {
      metric: `classifier training incl. ${FOLDS}-fold CV (CPU)`, engine, value: round(trainSeconds, 1), unit: 's', target: 60,
      baseline: { name: 'bare segmentation of the set', value: round((tokenizeUs * texts.length) / 1e6, 2) },
      note: `CPU: features ${(featurise.cpuUs / 1e6).toFixed(1)} s, ${FOLDS} CV fits + final fit ${(training.cpuUs / 1e6).toFixed(1)} s; wall clock ${((featurise.wallMs + training.wallMs) / 1000).toFixed(1)} s`,
      extra: { wallSeconds: round((featurise.wallMs + training.wallMs) / 1000, 1) },
    },
  ];
}

/**
 * CPU time of this process as well as wall time: the target is "on one core", and on a machine shared with
 * other work wall time measures the neighbours. Classification and segmentation are single-threaded.
 */
function timed(fn: () => void): { cpuUs: number; wallMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpuUs: c.user + c.system, wallMs };
}

function argmaxCount(y: Int32Array, k: number): number {
  const counts = new Array<number>(k).fill(0);
  for (const v of y) counts[v]++;
  return counts.indexOf(Math.max(...counts));
}

/** Multinomial Naive Bayes (Laplace smoothing) on the same terms and folds: the classic fast baseline. */
function naiveBayesCv(docs: string[][], y: Int32Array, k: number, folds: number, seed: number): Int32Array {
  const fold = stratifiedFolds(y, folds, seed);
  const out = new Int32Array(y.length);
  for (let f = 0; f < folds; f++) {
    const counts = Array.from({ length: k }, () => new Map<string, number>());
    const totals = new Array<number>(k).fill(0);
    const priors = new Array<number>(k).fill(0);
    const vocab = new Set<string>();
    for (let i = 0; i < docs.length; i++) {
      if (fold[i] === f) continue;
      priors[y[i]]++;
      for (const t of docs[i]) { counts[y[i]].set(t, (counts[y[i]].get(t) ?? 0) + 1); totals[y[i]]++; vocab.add(t); }
    }
    const n = priors.reduce((a, b) => a + b, 0);
    for (let i = 0; i < docs.length; i++) {
      if (fold[i] !== f) continue;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = Math.log(priors[c] / n);
        const denom = Math.log(totals[c] + vocab.size);
        for (const t of docs[i]) if (vocab.has(t)) s += Math.log((counts[c].get(t) ?? 0) + 1) - denom;
        if (s > bestScore) { bestScore = s; best = c; }
      }
      out[i] = best;
    }
  }
  return out;
}
