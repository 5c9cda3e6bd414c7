import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { deadlineState } from './rules';

// Parts of the case file added with measures and 复审/复核 (read by caseView, written by their services).
/** The measures of a case with the state of each running limit (for the case file). */
export async function measuresOf(db: Kysely<DB>, caseId: string, today = todayInShanghai()) {
  const rows = await db.selectFrom('case_measures as m').innerJoin('case_subjects as s', 's.id', 'm.subject_id').innerJoin('officials as o', 'o.id', 's.official_id')
    .select(['m.id', 'm.subject_id', 'o.name as subjectName', 'm.kind', 'm.rule_key', 'm.started_on', 'm.approval_ref', 'm.approved_by', 'm.due_on', 'm.extensions', 'm.ended_on', 'm.end_reason', 'm.note'])
    .where('m.case_id', '=', caseId).orderBy('m.started_on').orderBy('m.created_at').execute();
  return rows.map((m) => ({
    ...m,
    state: m.ended_on ? (m.due_on && m.ended_on > m.due_on ? 'overran' : 'ended') : m.due_on ? deadlineState(m.due_on, today, 7) : 'noPeriod',
  }));
}

/** 复审/复核 applications of a case, in order of application, with the state of the decision limit. */
export async function reviewsOf(db: Kysely<DB>, caseId: string, today = todayInShanghai()) {
  const rows = await db.selectFrom('case_reviews').selectAll().where('case_id', '=', caseId).orderBy('applied_on').orderBy('created_at').execute();
  return rows.map((r) => ({ ...r, state: r.decision ? 'done' : deadlineState(r.decision_due, today, 7) }));
}
