import type { AppContext } from '../platform/context';
import { createDemoAccountability, printDemoAccountability } from '../modules/accountability/demo';
import { createDemoCampaigns, printDemoCampaigns } from '../modules/campaigns/demo';
import { createDemoCases, printDemoCases } from '../modules/cases/demo';
import { createDemoDisclosure, printDemoDisclosure } from '../modules/disclosure/demo';
import { createDemoDuty, printDemoDuty } from '../modules/duty/demo';
import { createDemoPenalty, printDemoPenalty } from '../modules/penaltyDiscretion/demo';
import { createDemoCounty, DEMO_PASSWORD, type DemoResult } from '../modules/org/demo/createDemoCounty';
import { createDemoPrevention, printDemoPrevention } from '../modules/prevention/demo';
import { createDemoReports, printDemoReports } from '../modules/reports/demo';
import { createDemoRisk, printDemoRisk } from '../modules/risk/demo';
import { createDemoSpending, printDemoSpending } from '../modules/spending/demo';
import { createDemoVillageAssets, printDemoVillageAssets } from '../modules/villageAssets/demo';

export function printDemo(result: DemoResult): void {
  const out = process.stdout;
  out.write(`\n演示数据已创建 Demo county created: ${result.countyName} (${result.countyCode}) — ${result.units} units, ${result.officials} officials, ${result.companies} companies\n`);
  out.write(`演示账号 Demo accounts (password ${DEMO_PASSWORD}):\n`);
  for (const a of result.accounts) out.write(`  ${a.username.padEnd(12)} ${a.displayName}\n`);
  out.write('\n');
}

/**
 * The whole demo county, the same for `npm start` on an empty database and `lianjian demo`: its organisation and
 * accounts, then every module's history in an order that lets later ones link to earlier ones (cases to reports,
 * accountability to cases and campaign findings).
 */
export async function createDemoData(ctx: AppContext, countyCode: string): Promise<void> {
  printDemo(await createDemoCounty(ctx.db, countyCode));
  printDemoReports(await createDemoReports(ctx.db, countyCode, { config: ctx.config }));
  printDemoCases(await createDemoCases(ctx.db, countyCode));
  printDemoRisk(await createDemoRisk(ctx.db, countyCode));
  printDemoCampaigns(await createDemoCampaigns(ctx.db, countyCode));
  printDemoDisclosure(await createDemoDisclosure(ctx.db, countyCode));
  printDemoPrevention(await createDemoPrevention(ctx.db, countyCode));
  printDemoAccountability(await createDemoAccountability(ctx.db, countyCode));
  printDemoDuty(await createDemoDuty(ctx.db, countyCode));
  printDemoSpending(await createDemoSpending(ctx.db, countyCode));
  printDemoPenalty(await createDemoPenalty(ctx.db, countyCode));
  // After disclosure: the village books are screened against the villages' 村务公开 records.
  printDemoVillageAssets(await createDemoVillageAssets(ctx.db, countyCode));
}
