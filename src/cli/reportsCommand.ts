import { UsageError, classifyCommand, hotspotsCommand, trainCommand } from '../modules/reports/text/commands';
import { rotateKeyCommand } from '../modules/reports/rotateKeyCli';

/**
 * `lianjian reports <subcommand>`: report tooling run on the server. Each subcommand is one entry in the
 * table below (its runner and usage lines); adding one is adding one entry.
 * Exit codes: 0 ok; 1 some input rows or lines skipped (named on stderr); 2 usage error or unreadable file.
 */
type Subcommand = { run: (args: string[]) => Promise<number>; usage: string };

const subcommands: Record<string, Subcommand> = {
  'rotate-key': {
    run: (args) => rotateKeyCommand(args),
    usage: `rotate-key --new-key-file FILE
      Re-wrap every reporter-identity data key under the master key in FILE, in one transaction (safe to re-run);
      then point LIANJIAN_MASTER_KEY_FILE at FILE.`,
  },
  train: {
    run: (args) => trainCommand(args),
    usage: `train --data FILE.csv --out model.json [--label-column label] [--text-columns title,detail] [--folds 5] [--c 0.5]
      Train the category classifier on the office's labelled history (CSV with a header row). The first text
      column is the title, the others the body. --folds N cross-validates first (0 skips) and prints per-label F1.`,
  },
  classify: {
    run: (args) => classifyCommand(args),
    usage: `classify --model model.json [--alternatives 2] < in.jsonl > out.jsonl
      Lines {"id","title","body"} in, lines {"id","label","confidence","alternatives":[{"label","confidence"}]} out.
      Invalid lines are named on stderr with their line number and skipped (exit 1).`,
  },
  hotspots: {
    run: (args) => hotspotsCommand(args),
    usage: `hotspots --in FILE.csv [--text-columns title,detail] [--id-column id] > clusters.json
      Hot-spot clusters, largest first: [{"id","size","title","memberIds":[...]}]. Texts with identical bodies
      (ignoring spacing and punctuation) always share a cluster.`,
  },
};

export const reportsUsage = `Usage: lianjian reports <subcommand> [options]

${Object.entries(subcommands).map(([, s]) => `  ${s.usage}`).join('\n\n')}

Exit codes: 0 ok, 1 some input rows or lines skipped (named on stderr), 2 usage error or unreadable file.
`;

export async function reportsCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const sub = name ? subcommands[name] : undefined;
  if (!sub) {
    if (name && name !== '--help' && name !== '-h') process.stderr.write(`Unknown subcommand: reports ${name}\n\n`);
    process.stderr.write(reportsUsage);
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  try {
    return await sub.run(rest);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`lianjian reports ${name}: ${err.message}\n\n  ${sub.usage}\n`);
    return 2;
  }
}
