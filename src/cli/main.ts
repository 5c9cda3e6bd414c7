import { adminCommand } from './adminCommand';
import { auditCommand } from './auditCommand';
import { backupCommand, restoreCommand } from './backupCommand';
import { demoCommand } from './demoCommand';
import { migrateCommand } from './migrateCommand';
import { riskCommand } from './riskCommand';
import { reportCommand } from './reportCommand';
import { reportsCommand } from './reportsCommand';
import { serveCommand } from './serveCommand';

const usage = `廉鉴 Lianjian — 县纪委监委工作平台

Usage: lianjian <command> [options]

  serve [--build-web] [--no-demo]   Start the web UI and API (PORT, LIANJIAN_DATA_DIR, DATABASE_URL)
  migrate                           Apply database migrations
  demo [--county CODE] [--reset]    Create the demo county (default 530125 宜良县)
  admin create --username NAME --county CODE [--display-name NAME] [--password-file FILE]
                                    Create the first system administrator of a production install
  audit verify                      Verify the audit hash chain (exit 0 when intact)
  backup FILE                       Write a consistent backup (database and uploaded files)
  restore FILE                      Restore a backup into an empty data folder or database
  risk indicators|prepare|coverage  Procurement red flags on OCDS data, Cardinal-compatible (risk --help)
  report quarterly --period 2026Q1 [--county CODE] [--cumulative] --out FILE.docx [--json FILE.json]
                                    Generate the quarterly situation analysis (official document format)
  reports train|classify|hotspots   Report category classifier and hot-spot clusters (reports --help)
`;

export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  admin: adminCommand,
  audit: auditCommand,
  backup: backupCommand,
  restore: restoreCommand,
  risk: riskCommand,
  report: reportCommand,
  reports: reportsCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${usage}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    process.stderr.write(`lianjian ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
