import { parseArgs } from 'node:util';
import { recoverAttachments } from '../modules/reports/intakeService';
import { applyModuleRoleGrants } from '../modules';
import { startClassifierRetraining, startReportReminders } from '../modules/reports/module';
import { loadConfig } from '../platform/config';
import { closeContext, createContext } from '../platform/context';
import { buildApp } from '../platform/http/app';
import { createDemoData } from './demoData';
import { isEmpty } from './demoCommand';
import { buildWeb, webBuildNeeded } from './webBuild';

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'build-web': { type: 'boolean', default: false }, 'no-demo': { type: 'boolean', default: false } } });
  const started = Date.now();
  if (values['build-web'] && webBuildNeeded()) await buildWeb();
  const config = loadConfig();
  const ctx = await createContext(config);
  const demoWanted = !values['no-demo'] && process.env.LIANJIAN_DEMO !== '0';
  if (await isEmpty(ctx)) {
    if (demoWanted) {
      process.stdout.write('首次启动，正在创建演示县 First start: creating the demo county…\n');
      await createDemoData(ctx, process.env.LIANJIAN_DEMO_COUNTY ?? '530125');
    } else {
      process.stdout.write('数据库为空。请先创建系统管理员 The database is empty: create the first administrator with\n  npx lianjian admin create --username admin --county <6-digit county code>\n');
    }
  }
  // Attachment files a crash left under their temporary names: finish or remove them before serving.
  await recoverAttachments(ctx);
  // Built-in roles get each module's permissions once (an install created before a module landed too).
  await applyModuleRoleGrants(ctx.db);
  const app = await buildApp(ctx, { logger: process.env.LIANJIAN_QUIET !== '1' });
  ctx.audit.start();
  const reminders = startReportReminders(ctx); // deadline reminders: a sweep after start, then hourly (idempotent)
  const retraining = startClassifierRetraining(ctx); // category model: at start (the demo's first model) and every 24 h when closed reports changed
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`廉鉴 Lianjian is serving http://localhost:${config.port} (database: ${ctx.engine}${ctx.engine === 'pglite' ? `, ${config.dataDir}` : ''}) — ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Shutting down…\n');
  retraining.stop();
  reminders.stop();
  await app.close();
  await closeContext(ctx);
  return 0;
}
