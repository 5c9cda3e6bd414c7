import type { DataScope } from '../db/schema';
import type { Permission } from '../auth/permissions';

/** The signed-in user as every service sees it: who, where in the org tree, and what they may touch. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  unitPath: string;
  countyCode: string;
  permissions: ReadonlySet<Permission>;
  scope: ScopeFilter;
  /** The broadest data scope among the user's roles (for display). */
  dataScope: DataScope;
  clientIp?: string;
}

/**
 * The union of the user's roles' data scopes, reduced to what SQL needs:
 * `all`, or a set of unit ids (exact), unit path prefixes (subtrees) and/or "rows I created".
 */
export interface ScopeFilter {
  all: boolean;
  unitIds: string[];
  pathPrefixes: string[];
  self: boolean;
}

export function emptyScope(): ScopeFilter {
  return { all: false, unitIds: [], pathPrefixes: [], self: false };
}
