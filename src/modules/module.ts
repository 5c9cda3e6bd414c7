import type { PermissionInfo } from '../platform/auth/permissions';
import type { RouteDef } from '../platform/http/route';
import type { DimensionSpec } from './analysis/dimensions';
import type { MetricDefinition } from './analysis/registry';
import type { RoleGrants } from './org/builtinRoles';

/**
 * What a business module contributes to the server. Each module exports one from its `module.ts`;
 * `src/modules/index.ts` lists them. Its tables come from its own migrations, and its table types join
 * the query layer by declaration merging on `DB` (see src/platform/db/schema.ts).
 */
export interface ServerModule {
  name: string;
  routes: RouteDef[];
  permissions?: readonly PermissionInfo[];
  messages?: { zh: Record<string, string>; en: Record<string, string>; fieldLabelsZh?: Record<string, string>; fieldLabelsEn?: Record<string, string> };
  /** Named counts the situation analysis publishes (see src/modules/analysis/registry.ts). */
  metrics?: readonly MetricDefinition[];
  /** How the breakdowns of those metrics read: dimension names and the words for their keys (analysis/dimensions.ts). */
  dimensions?: Readonly<Record<string, DimensionSpec>>;
  /** Permissions this module adds to the built-in roles, one set per version (each applied once per database). */
  roleGrants?: RoleGrants[];
  /** Tables that `lianjian demo --reset` must empty, children before parents. */
  resetTables?: string[];
}
