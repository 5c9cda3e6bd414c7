import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { TextClassifier, defaultTrainOptions, trainClassifier, type LabelledText } from './classifier';
import { csvRecords } from './csv';
import { hotspotClusters, type HotspotText } from './hotspots';

/**
 * The text subcommands of `lianjian reports`: train, classify, hotspots. Exit codes: 0 ok; 1 some input
 * rows or lines were skipped (each reported on stderr with its number); 2 usage error or unreadable
 * model/data file. Progress and problems go to stderr so stdout stays clean for the JSON output.
 */
export interface Io { stdin: Readable; stdout: Writable; stderr: Writable }

const processIo = (): Io => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

export class UsageError extends Error {}

function options<T extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function columns(list: string): string[] {
  const cols = list.split(',').map((c) => c.trim()).filter(Boolean);
  if (cols.length === 0) throw new UsageError('--text-columns needs at least one column name');
  return cols;
}

/** Read a CSV, checking that the named columns exist; the first text column is the title, the rest the body. */
async function readTexts(file: string, required: string[], textColumns: string[], io: Io) {
  if (!fs.existsSync(file)) throw new UsageError(`cannot read ${file}`);
  const rows: { row: number; record: Record<string, string>; title: string; body: string }[] = [];
  for await (const { row, record } of csvRecords(fs.createReadStream(file))) {
    if (rows.length === 0) {
      const missing = [...required, ...textColumns].filter((c) => !(c in record));
      if (missing.length) throw new UsageError(`${file} has no column ${missing.join(', ')} (columns: ${Object.keys(record).join(', ')})`);
    }
    const [titleCol, ...bodyCols] = textColumns;
    const title = (record[titleCol] ?? '').trim();
    const body = bodyCols.map((c) => (record[c] ?? '').trim()).filter(Boolean).join('\n');
    rows.push({ row, record, title: bodyCols.length ? title : '', body: bodyCols.length ? body : title });
  }
  if (rows.length === 0) io.stderr.write(`${file}: no data rows\n`);
  return rows;
}

export async function trainCommand(args: string[], io: Io = processIo()): Promise<number> {
  const v = options(args, {
    data: { type: 'string' }, out: { type: 'string' }, 'label-column': { type: 'string', default: 'label' },
    'text-columns': { type: 'string', default: 'title,detail' }, folds: { type: 'string', default: '5' }, c: { type: 'string' },
  });
  if (!v.data || !v.out) throw new UsageError('--data and --out are required');
  const folds = Number(v.folds);
  if (!Number.isInteger(folds) || folds < 0 || folds === 1 || folds > 20) throw new UsageError('--folds must be 0 (none) or an integer from 2 to 20');
  const C = v.c === undefined ? defaultTrainOptions.svm.C : Number(v.c);
  if (!(C > 0)) throw new UsageError('--c must be a positive number');
  const labelColumn = v['label-column']!;
  const rows = await readTexts(v.data, [labelColumn], columns(v['text-columns']!), io);
  const examples: LabelledText[] = [];
  let skipped = 0;
  for (const r of rows) {
    const label = (r.record[labelColumn] ?? '').trim();
    if (!label || !(r.title || r.body)) {
      io.stderr.write(`row ${r.row}: ${label ? 'no text' : 'no label'}, skipped\n`);
      skipped++;
      continue;
    }
    examples.push({ title: r.title, body: r.body, label });
  }
  io.stderr.write(`training on ${examples.length} examples${folds ? ` with ${folds}-fold cross-validation` : ''}…\n`);
  const model = trainClassifier(examples, { ...defaultTrainOptions, folds, svm: { ...defaultTrainOptions.svm, C } }, (m) => io.stderr.write(`  ${m}\n`));
  fs.writeFileSync(v.out, JSON.stringify(model));
  const cv = model.training.crossValidation;
  io.stderr.write(`model written to ${v.out}: ${model.labels.length} labels, ${model.vocabulary.length} features, ${model.training.seconds} s\n`);
  if (cv) {
    io.stderr.write(`cross-validation macro-F1 ${cv.macroF1.toFixed(4)}, accuracy ${cv.accuracy.toFixed(4)}\n`);
    for (const [label, s] of Object.entries(cv.perLabel)) io.stderr.write(`  ${label}: F1 ${s.f1.toFixed(3)} (precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, ${s.support} examples)\n`);
  }
  if (skipped) io.stderr.write(`${skipped} row(s) skipped\n`);
  return skipped ? 1 : 0;
}

/** Why a classify input line is unusable, or null when it is fine. */
function invalid(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  if (!(typeof o.id === 'string' && o.id !== '') && !(typeof o.id === 'number' && Number.isFinite(o.id))) return '"id" must be a non-empty string or a number';
  for (const f of ['title', 'body']) if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string') return `"${f}" must be a string`;
  if (!((o.title as string | undefined)?.trim() || (o.body as string | undefined)?.trim())) return '"title" and "body" are both empty';
  return null;
}

export async function classifyCommand(args: string[], io: Io = processIo()): Promise<number> {
  const v = options(args, { model: { type: 'string' }, alternatives: { type: 'string', default: '2' } });
  if (!v.model) throw new UsageError('--model is required');
  const alternatives = Number(v.alternatives);
  if (!Number.isInteger(alternatives) || alternatives < 0) throw new UsageError('--alternatives must be a whole number');
  let classifier: TextClassifier;
  try {
    classifier = TextClassifier.fromJson(fs.readFileSync(v.model, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot load model ${v.model}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let lineNo = 0;
  let skipped = 0;
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const ok = io.stdout.write(buffer);
    buffer = '';
    if (!ok) await new Promise<void>((resolve) => io.stdout.once('drain', () => resolve()));
  };
  for await (const line of readline.createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue; // blank lines carry nothing to classify
    let value: unknown;
    let why: string | null;
    try {
      value = JSON.parse(line);
      why = invalid(value);
    } catch {
      why = 'not valid JSON';
    }
    if (why) {
      io.stderr.write(`line ${lineNo}: ${why}, skipped\n`);
      skipped++;
      continue;
    }
    const o = value as { id: string | number; title?: string | null; body?: string | null };
    const p = classifier.predict(o.title ?? '', o.body ?? '', alternatives);
    buffer += `${JSON.stringify({ id: o.id, label: p.label, confidence: p.confidence, alternatives: p.alternatives })}\n`;
    if (buffer.length > 64 * 1024) await flush();
  }
  await flush();
  if (skipped) io.stderr.write(`${skipped} line(s) skipped\n`);
  return skipped ? 1 : 0;
}

export async function hotspotsCommand(args: string[], io: Io = processIo()): Promise<number> {
  const v = options(args, {
    in: { type: 'string' }, 'text-columns': { type: 'string', default: 'title,detail' }, 'id-column': { type: 'string', default: 'id' },
  });
  if (!v.in) throw new UsageError('--in is required');
  const idColumn = v['id-column']!;
  const rows = await readTexts(v.in, [idColumn], columns(v['text-columns']!), io);
  const texts: HotspotText[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const r of rows) {
    const id = (r.record[idColumn] ?? '').trim();
    const why = !id ? 'no id' : seen.has(id) ? `duplicate id ${id}` : null;
    if (why) {
      io.stderr.write(`row ${r.row}: ${why}, skipped\n`);
      skipped++;
      continue;
    }
    seen.add(id);
    texts.push({ id, title: r.title, body: r.body });
  }
  const clusters = hotspotClusters(texts);
  io.stdout.write(`[\n${clusters.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
  io.stderr.write(`${texts.length} texts → ${clusters.length} clusters (${clusters.filter((c) => c.size > 1).length} with more than one member)\n`);
  if (skipped) io.stderr.write(`${skipped} row(s) skipped\n`);
  return skipped ? 1 : 0;
}
