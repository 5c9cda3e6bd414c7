import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB, DataScope } from '../db/schema';
import type { Actor, ScopeFilter } from './actor';
import { emptyScope } from './actor';

/**
 * Data scope is enforced where SQL is built: every repository query over unit-owned rows adds
 * `scopeCondition(actor, '<table>.unit_id', '<table>.created_by')`. No scope means no rows (deny by default).
 */
export function scopeCondition(actor: Pick<Actor, 'scope' | 'userId'>, unitIdColumn: string, createdByColumn?: string): RawBuilder<SqlBool> {
  const s = actor.scope;
  if (s.all) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  const col = sql.ref(unitIdColumn);
  for (const id of s.unitIds) parts.push(sql<SqlBool>`${col} = ${id}`);
  if (s.pathPrefixes.length > 0) {
    const likes = sql.join(s.pathPrefixes.map((p) => sql`scope_u.path like ${p + '%'}`), sql` or `);
    parts.push(sql<SqlBool>`${col} in (select scope_u.id from units scope_u where ${likes})`);
  }
  if (s.self && createdByColumn) parts.push(sql<SqlBool>`${sql.ref(createdByColumn)} = ${actor.userId}`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Whether the actor may place or keep a record in `unitId` (writes check the target unit, not just the row). */
export async function unitInScope(db: Kysely<DB>, actor: Actor, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('units')
    .select('units.id')
    .where('units.id', '=', unitId)
    .where(scopeCondition({ ...actor, scope: { ...actor.scope, self: false } }, 'units.id'))
    .executeTakeFirst();
  return row !== undefined;
}

interface RoleScope { data_scope: DataScope; custom_unit_ids: string[] }
interface CustomUnitPath { id: string; path: string }

/** Combine the user's roles into one filter: the union of what each role allows. */
export function buildScopeFilter(roles: RoleScope[], unit: { id: string; path: string }, customUnits: CustomUnitPath[]): ScopeFilter {
  const f = emptyScope();
  for (const role of roles) {
    switch (role.data_scope) {
      case 'all': f.all = true; break;
      case 'unit': f.unitIds.push(unit.id); break;
      case 'unitAndBelow': f.pathPrefixes.push(unit.path); break;
      case 'self': f.self = true; break;
      case 'custom':
        for (const id of role.custom_unit_ids) {
          const cu = customUnits.find((u) => u.id === id);
          if (cu) f.pathPrefixes.push(cu.path);
        }
        break;
    }
  }
  f.unitIds = [...new Set(f.unitIds)];
  f.pathPrefixes = [...new Set(f.pathPrefixes)];
  return f;
}

const breadth: Record<DataScope, number> = { all: 4, custom: 3, unitAndBelow: 2, unit: 1, self: 0 };

export function broadestScope(scopes: DataScope[]): DataScope {
  return scopes.reduce<DataScope>((a, b) => (breadth[b] > breadth[a] ? b : a), 'self');
}
