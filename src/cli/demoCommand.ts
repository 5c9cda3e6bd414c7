import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { moduleResetTables } from '../modules';
import { createDemoCounty, DEMO_PASSWORD, type DemoResult } from '../modules/org/demo/createDemoCounty';
import { createDemoAccountability, printDemoAccountability } from '../modules/accountability/demo';
import { createDemoCampaigns, printDemoCampaigns } from '../modules/campaigns/demo';
import { createDemoCases, printDemoCases } from '../modules/cases/demo';
import { createDemoDisclosure, printDemoDisclosure } from '../modules/disclosure/demo';
import { createDemoDuty, printDemoDuty } from '../modules/duty/demo';
import { createDemoPrevention, printDemoPrevention } from '../modules/prevention/demo';
import { createDemoReports, printDemoReports } from '../modules/reports/demo';
import { createDemoRisk, printDemoRisk } from '../modules/risk/demo';
import { loadConfig } from '../platform/config';
import { demoScale, scaleOptions } from './demoProvince';
import { closeContext, createContext, type AppContext } from '../platform/context';

export function printDemo(result: DemoResult): void {
  const out = process.stdout;
  out.write(`\n演示数据已创建 Demo county created: ${result.countyName} (${result.countyCode}) — ${result.units} units, ${result.officials} officials, ${result.companies} companies\n`);
  out.write(`演示账号 Demo accounts (password ${DEMO_PASSWORD}):\n`);
  for (const a of result.accounts) out.write(`  ${a.username.padEnd(12)} ${a.displayName}\n`);
  out.write('\n');
}

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
    printDemo(await createDemoCounty(ctx.db, values.county));
    printDemoReports(await createDemoReports(ctx.db, values.county, { config: ctx.config }));
    printDemoCases(await createDemoCases(ctx.db, values.county));
    printDemoRisk(await createDemoRisk(ctx.db, values.county));
    printDemoCampaigns(await createDemoCampaigns(ctx.db, values.county));
    printDemoDisclosure(await createDemoDisclosure(ctx.db, values.county));
    printDemoPrevention(await createDemoPrevention(ctx.db, values.county));
    printDemoAccountability(await createDemoAccountability(ctx.db, values.county));
    printDemoDuty(await createDemoDuty(ctx.db, values.county));
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
