import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { measuresOf, reviewsOf } from './caseFileParts';
import { withState } from './deadlineStore';
import { loadRules } from './ruleTableService';

/**
 * Need-to-know: a case is visible only inside the caller's data scope AND to members of its team, unless the
 * caller supervises cases (案件监督管理). Both conditions are in SQL, so lists and reads agree.
 */
export function caseAccess(actor: Pick<Actor, 'scope' | 'userId' | 'permissions'>) {
  const member = actor.permissions.has('cases.case.supervise')
    ? sql<SqlBool>`true`
    // The caller's own cases, read once as an id list: the list then fetches just those by primary key, instead of
    // probing membership case by case along the whole table (slow when the office has many cases and a handler few).
    : sql<SqlBool>`cases.id = any(array(select cm.case_id from case_members cm where cm.user_id = ${actor.userId}))`;
  return sql<SqlBool>`(${scopeCondition(actor, 'cases.unit_id', 'cases.created_by')} and ${member})`;
}

export async function findCase(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).where(caseAccess(actor)).executeTakeFirst();
  if (!row) throw AppError.notFound('what.case');
  return row;
}

export async function caseView(db: Kysely<DB>, actor: Actor, id: string) {
  const c = await findCase(db, actor, id);
  const subjects = await db.selectFrom('case_subjects as s').innerJoin('officials as o', 'o.id', 's.official_id').innerJoin('units as u', 'u.id', 's.unit_id_at_time')
    .select(['s.id', 's.official_id', 'o.name', 's.post_at_time', 'u.name as unitName', 's.rank_at_time', 's.managed_by_at_time', 's.person_category',
      's.party_member', 's.holds_party_post', 's.village_secretary', 's.village_director'])
    .where('s.case_id', '=', id).orderBy('o.name').execute();
  const members = await db.selectFrom('case_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name', 'm.role', 'm.added_on']).where('m.case_id', '=', id).orderBy('m.added_on').execute();
  const events = await db.selectFrom('case_events').select(['id', 'kind', 'on_date', 'from_stage', 'to_stage', 'rule_key', 'detail']).where('case_id', '=', id)
    .orderBy('on_date').orderBy('created_at').execute();
  const deadlines = withState(await db.selectFrom('case_deadlines').selectAll().where('case_id', '=', id).orderBy('started_on').execute(), await loadRules(db, c.county_code));
  const violations = await db.selectFrom('case_violations').selectAll().where('case_id', '=', id).execute();
  const outcomes = await db.selectFrom('case_outcomes').select(['id', 'subject_id', 'type', 'track', 'kind', 'decided_on', 'effect_until', 'permanent', 'merged', 'detail', 'superseded_by', 'revoked_on'])
    .where('case_id', '=', id).orderBy('decided_on').execute();
  const recoveries = await db.selectFrom('case_recoveries').selectAll().where('case_id', '=', id).orderBy('recovered_on').execute();
  const recoveredFen = recoveries.reduce((a, r) => a + Number(r.amount_fen), 0);
  const [measures, reviews] = [await measuresOf(db, id), await reviewsOf(db, id)];
  return { ...c, subjects, members, events, deadlines, violations, outcomes, measures, reviews, recoveries, recoveredFen, recoveredWan: (recoveredFen / 1_000_000).toFixed(2) };
}
