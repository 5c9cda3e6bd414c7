import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { moduleResetTables } from '../modules';
import { loadConfig } from '../platform/config';
import { createDemoData } from './demoData';
import { demoScale, scaleOptions } from './demoProvince';
import { closeContext, createContext, type AppContext } from '../platform/context';

/** The organisation and accounts, emptied after every other module's tables; migrations stay. */
const resetTables = ['sessions', 'user_roles', 'users', 'roles', 'companies', 'officials', 'units'];

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from units`.execute(ctx.db);
  return r.rows[0].n === 0;
}

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { county: { type: 'string', default: '530125' }, reset: { type: 'boolean', default: false }, ...scaleOptions } });
  if (values.scale && values.scale !== 'province' && values.scale !== 'county') {
    process.stderr.write('--scale is province or county\n');
    return 2;
  }
  const ctx = await createContext(loadConfig());
  try {
    if (!(await isEmpty(ctx))) {
      if (!values.reset) {
        process.stderr.write('The database already holds data. Use --reset to replace it with the demo county.\n');
        return 1;
      }
      await ctx.db.transaction().execute(async (trx) => {
        for (const t of [...moduleResetTables(), ...resetTables]) await sql`delete from ${sql.table(t)}`.execute(trx);
        await ctx.audit.record(trx, null, { action: 'system.demoReset', detail: { county: values.county } });
      });
    }
    if (values.scale) return await demoScale(ctx, values);
    await createDemoData(ctx, values.county);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
