import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Coverage } from '../modules/risk/cardinal/coverage';
import { ISSUE_CSV_HEADER, issueCsv, prepareRelease } from '../modules/risk/cardinal/prepare';
import { describeRejection, limitedPrinter, runIndicators } from '../modules/risk/cardinal/runIndicators';
import { defaultSettings, INDICATOR_CODES, parseSettings, SettingsError, type Settings } from '../modules/risk/cardinal/settings';
import { ingest } from '../modules/risk/ocds/ingest';

const usage = `Usage: lianjian risk <indicators|prepare|coverage|init> [options] FILE

Red-flag screening of procurement data (OCDS), compatible with OCP's Cardinal (ocdscardinal 0.0.8).
FILE is JSON lines of OCDS compiled releases, one per line ("-" = standard input); a FILE ending in .json is
read as a release or record package (releases of one ocid are compiled into one process first).

  risk indicators [--settings FILE.ini] [--map] [--no-meta] [--count] [--extended]
                  [--evidence FILE.jsonl] [--report FILE.json] [--threads N] FILE
      Prints Cardinal's result JSON: {"OCID":{..},"Buyer":{..},"ProcuringEntity":{..},"Tenderer":{..},"Meta":{..}}
      (groups without results omitted). --map adds "Maps": per ocid, its tenderers, the tenderers each
      indicator flagged, and the buyer / procuring entity of processes with a disqualified bid.
      Without --settings every indicator runs on its defaults (${INDICATOR_CODES.join(', ')}).
      Beyond Cardinal (the result JSON stays Cardinal's unless --extended is given):
        --extended   R030 compares instants, not strings; R003 accepts bare dates; R018 counts bidders
                     when numberOfTenderers is absent; lots (relatedLots) and consortia for R024/R025/R035/R058
        --evidence   one JSON line per hit: rule, threshold, values, ocids, bid and award ids
        --report     applicability per indicator (applicable / flagged / not applicable with reasons),
                     exclusions and rejected lines; without it this summary goes to standard error
        --threads N  worker threads that parse and fold JSON lines (default: the available cores;
                     1 = all in this process); the output is the same whatever N
  risk prepare [--settings FILE.ini] [--output FILE] [--errors FILE.csv] [--compile] FILE
      Fills defaults, re-maps codelists ([codelists.bid_status] qualified = valid), applies redactions,
      corrections and modifications; writes prepared JSON lines (default standard output) and Cardinal's
      issue CSV (line, ocid, path, array indexes, incorrect value, error description; default standard error).
      --compile merges JSON lines of (uncompiled) releases per ocid first (reads the whole input).
  risk coverage FILE
      Prints {path: count} of non-empty fields ("" = lines, "/x/" = objects, "[]" = array elements).
  risk init
      Prints a settings file enabling every indicator with its defaults.

Bad input (invalid UTF-8, invalid JSON, not an object with a string ocid, wrong field types, absurd
numbers) is reported on standard error with its line number; the rest is processed.

Exit codes: 0 every line processed cleanly; 1 some lines rejected or some fields ignored (results still
printed); 2 usage error (unknown option, unreadable settings or input file).
`;

function fail(message: string): number {
  process.stderr.write(`lianjian risk: ${message}\n\n${usage}`);
  return 2;
}

function loadSettings(file: string | undefined): Settings {
  if (!file) return defaultSettings();
  return parseSettings(fs.readFileSync(file, 'utf8'));
}

/** Buffered writer to standard output (synchronous on Linux for files and pipes, so memory stays flat). */
function stdoutWriter(): { write: (s: string) => void; flush: () => void } {
  let buf = '';
  return {
    write: (s) => { buf += s; if (buf.length > 1 << 16) { process.stdout.write(buf); buf = ''; } },
    flush: () => { if (buf) process.stdout.write(buf); buf = ''; },
  };
}

const err = (line: string) => process.stderr.write(`${line}\n`);

export async function riskCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(usage);
    return sub ? 0 : 2;
  }
  if (sub === 'init') {
    process.stdout.write(`; Lianjian risk settings (Cardinal format). A section enables its indicator.\n; currency = CNY\n${INDICATOR_CODES.map((c) => `[${c}]`).join('\n')}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: {
        settings: { type: 'string', short: 's' }, map: { type: 'boolean' }, 'no-meta': { type: 'boolean' },
        count: { type: 'boolean', short: 'c' }, extended: { type: 'boolean' }, evidence: { type: 'string' },
        report: { type: 'string' }, output: { type: 'string', short: 'o' }, errors: { type: 'string', short: 'e' },
        compile: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, threads: { type: 'string', short: 'j' },
      },
    });
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const { values: o, positionals } = parsed;
  if (o.help) { process.stdout.write(usage); return 0; }
  if (positionals.length !== 1) return fail('expected exactly one input FILE (or - for standard input)');
  const file = positionals[0];
  if (file !== '-' && !fs.existsSync(file)) return fail(`${file}: no such file`);
  let settings: Settings;
  try {
    settings = loadSettings(o.settings);
  } catch (e) {
    return fail(`settings ${o.settings}: ${e instanceof SettingsError || e instanceof Error ? e.message : String(e)}`);
  }

  if (sub === 'indicators') {
    const threads = o.threads === undefined ? os.availableParallelism() : Number(o.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) return fail(`--threads ${o.threads}: expected a whole number from 1 to 64`);
    const out = stdoutWriter();
    const { problems } = await runIndicators({
      file, settings, map: o.map, meta: !o['no-meta'], extended: o.extended, count: o.count,
      evidenceFile: o.evidence ?? null, reportFile: o.report ?? null, out: out.write, err, threads,
    });
    out.flush();
    return problems.rejected.length || problems.linesWithFieldIssues ? 1 : 0;
  }
  if (sub === 'prepare') return prepare(file, settings, o.output, o.errors, o.compile ?? false);
  if (sub === 'coverage') {
    const cov = new Coverage();
    const printer = limitedPrinter(err, 100);
    const p = await ingest(file, { raw: (v) => cov.add(v), rejection: (r) => printer.print(describeRejection(r)) });
    printer.flush();
    process.stdout.write(`${JSON.stringify(cov.toJSON())}\n`);
    return p.rejected.length ? 1 : 0;
  }
  return fail(`unknown subcommand ${sub}`);
}

async function prepare(file: string, settings: Settings, output: string | undefined, errors: string | undefined, compile: boolean): Promise<number> {
  const outFd = output && output !== '-' ? fs.openSync(output, 'w') : null;
  const errFd = errors && errors !== '-' ? fs.openSync(errors, 'w') : null;
  const out = outFd === null ? stdoutWriter() : { write: (s: string) => fs.writeSync(outFd, s), flush: () => {} };
  const errOut = (s: string) => (errFd === null ? process.stderr.write(s) : fs.writeSync(errFd, s));
  errOut(`${ISSUE_CSV_HEADER}\n`);
  let issues = 0;
  const printer = limitedPrinter(err, 100);
  const p = await ingest(file, {
    raw: (v, line) => {
      if (!v || typeof v !== 'object' || Array.isArray(v) || typeof (v as { ocid?: unknown }).ocid !== 'string') {
        printer.print(`line ${line}: not an OCDS release (no string ocid); line skipped`);
        issues += 1;
        return;
      }
      for (const i of prepareRelease(v as Record<string, unknown>, line, settings)) { errOut(`${issueCsv(i)}\n`); issues += 1; }
      out.write(`${JSON.stringify(v)}\n`);
    },
    rejection: (r) => printer.print(describeRejection(r)),
  }, compile);
  printer.flush();
  out.flush();
  if (outFd !== null) fs.closeSync(outFd);
  if (errFd !== null) fs.closeSync(errFd);
  err(`prepared ${p.linesSeen - p.rejected.length} line(s); ${p.rejected.length} rejected; ${issues} issue row(s)`);
  return p.rejected.length ? 1 : 0;
}
