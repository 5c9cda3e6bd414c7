import { loadConfig } from '../platform/config';
import { closeContext, createContext } from '../platform/context';
import { migrate } from '../platform/db/migrate';

export async function migrateCommand(): Promise<number> {
  const ctx = await createContext(loadConfig(), { migrate: false });
  try {
    const result = await migrate(ctx.db);
    process.stdout.write(`Applied ${result.applied.length} migration(s); ${result.alreadyApplied} already applied.\n`);
    for (const name of result.applied) process.stdout.write(`  + ${name}\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
