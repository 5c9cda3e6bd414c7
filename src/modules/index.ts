import { auditRoutes } from '../platform/audit/routes';
import { registerPermissions } from '../platform/auth/permissions';
import { authRoutes } from '../platform/auth/routes';
import { calendarRoutes } from '../platform/calendar/routes';
import { healthRoutes } from '../platform/http/healthRoutes';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema';
import type { RouteDef } from '../platform/http/route';
import { registerMessages } from '../platform/i18n/messages';
import { notificationRoutes } from '../platform/notifications/routes';
import type { ServerModule } from './module';
import { accountabilityModule } from './accountability/module';
import { analysisModule } from './analysis/module';
import { campaignsModule } from './campaigns/module';
import { casesModule } from './cases/module';
import { disclosureModule } from './disclosure/module';
import { dutyModule } from './duty/module';
import { registerDimensions } from './analysis/dimensions';
import { registerMetrics } from './analysis/registry';
import { applyRoleGrants } from './org/builtinRoles';
import { orgMetrics } from './org/metrics';
import { orgRoutes } from './org/routes';
import { preventionModule } from './prevention/module';
import { reportsModule } from './reports/module';
import { riskModule } from './risk/module';
import { spendingModule } from './spending/module';
import { penaltyDiscretionModule } from './penaltyDiscretion/module';
import { villageAssetsModule } from './villageAssets/module';

/**
 * Every business module, in one list: the server mounts their routes, OpenAPI documents them, the
 * permission catalogue and messages include theirs, and the cross-module tests walk them.
 * Add a module with one import and one entry.
 */
export const serverModules: ServerModule[] = [
  { name: 'org', routes: orgRoutes, metrics: orgMetrics },
  analysisModule,
  casesModule,
  reportsModule,
  riskModule,
  campaignsModule,
  disclosureModule,
  dutyModule,
  preventionModule,
  accountabilityModule,
  spendingModule,
  penaltyDiscretionModule,
  villageAssetsModule,
];

for (const m of serverModules) {
  if (m.permissions) registerPermissions(m.permissions);
  if (m.messages) registerMessages(m.messages);
  if (m.metrics) registerMetrics(m.metrics);
  if (m.dimensions) registerDimensions(m.dimensions);
}

export function allRoutes(): RouteDef[] {
  return [...healthRoutes, ...authRoutes, ...auditRoutes, ...calendarRoutes, ...notificationRoutes, ...serverModules.flatMap((m) => m.routes)];
}

/** Tables of the modules after org, later modules first (they reference earlier ones). */
export function moduleResetTables(): string[] {
  return [...serverModules].reverse().flatMap((m) => m.resetTables ?? []);
}

/** Give the built-in roles every module's permissions (once per database and module version). */
export async function applyModuleRoleGrants(db: Kysely<DB>): Promise<void> {
  for (const m of serverModules) for (const g of m.roleGrants ?? []) await applyRoleGrants(db, g);
}
