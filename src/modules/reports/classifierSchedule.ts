import type { Kysely } from 'kysely';
import type { PermissionInfo } from '../../platform/auth/permissions';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { applyRoleGrants, type RoleGrants } from '../org/builtinRoles';
import { retrainIfStale } from './classifierService';

export const classifierPermissions: PermissionInfo[] = [
  { code: 'reports.classifier.train', group: 'reports', labelZh: '训练问题类别建议模型', labelEn: 'Train the category suggestion model' },
];

/**
 * The intake office and the CDI leadership may train: a grant set of its own, so databases that already
 * received the first reports grants get this one too (each set is applied once per database).
 */
export const classifierRoleGrants: RoleGrants = {
  key: 'reports.classifier.v1',
  grants: { intakeOfficer: ['reports.classifier.train'], cdiLeader: ['reports.classifier.train'] },
};

export function ensureClassifierGrants(db: Kysely<DB>): Promise<void> {
  return applyRoleGrants(db, classifierRoleGrants);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Called once from `serve`: retrains at start (this is also what gives the demo county its first model)
 * and then every 24 h, only where closed reports are newer than the active model. The timer is unref'd
 * so it never keeps the process alive; failures are logged, never thrown.
 */
export function startClassifierRetraining(ctx: AppContext, log: (msg: string) => void = (m) => process.stdout.write(`${m}\n`)): { stop: () => void } {
  let busy = false;
  let first = true;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      // A job still 'running' at start belonged to a process that died: say so instead of showing it forever.
      if (first) {
        first = false;
        await ctx.db.updateTable('report_classifier_jobs').set({ status: 'failed', error: 'interrupted (server restarted)', finished_at: new Date() })
          .where('status', 'in', ['queued', 'running']).execute();
      }
      await retrainIfStale(ctx, log);
    } catch (err) {
      log(`report classifier retraining failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally { busy = false; }
  };
  const initial = setTimeout(() => void run(), 1000);
  initial.unref();
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return { stop: () => { clearTimeout(initial); clearInterval(timer); } };
}
