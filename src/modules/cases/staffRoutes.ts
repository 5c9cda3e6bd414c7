import { sql } from 'kysely';
import { z } from 'zod';
import { escapeLike } from '../../platform/db/like';
import { defineRoute, type RouteDef } from '../../platform/http/route';

/**
 * Staff of the county who can be named on a clue or case: approvers (who hold the approval permissions) and
 * handling team members. Case handlers do not hold the account-administration permission, yet the forms must
 * name these people; only the display name, unit and the two approval flags are returned.
 */
export const staffRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/staff', summary: 'Active staff of the county for approver and team pickers (name, unit, approval flags)', tags: ['cases'],
    access: { permission: 'cases.clue.read', scope: 'global' },
    query: z.strictObject({ q: z.string().trim().max(50).optional() }),
    handler: async ({ ctx, actor, query }) => {
      let q = ctx.db.selectFrom('users as u').innerJoin('units as n', 'n.id', 'u.unit_id')
        .select(['u.id', 'u.display_name as displayName', 'n.name as unitName'])
        .select(sql<boolean>`exists (select 1 from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id and 'cases.clue.approve' = any(r.permissions))`.as('approvesClues'))
        .select(sql<boolean>`exists (select 1 from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id and 'cases.case.approve' = any(r.permissions))`.as('approvesCases'))
        .where('u.active', '=', true).where('n.county_code', '=', actor.countyCode);
      if (query.q) {
        const like = `%${escapeLike(query.q)}%`;
        q = q.where((eb) => eb.or([eb('u.display_name', 'like', like), eb('u.username', 'like', like)]));
      }
      return { items: await q.orderBy('u.display_name').limit(200).execute() };
    },
  }),
];
