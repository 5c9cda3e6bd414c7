import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { type NoticeState, deadlineState, noticeDueAt, noticeState } from './rules';

// Parts of the case file added with measures and 复审/复核 (read by caseView, written by their services).
/** The measures of a case with the state of each running limit (for the case file). */
export async function measuresOf(db: Kysely<DB>, caseId: string, today = todayInShanghai()) {
  const rows = await db.selectFrom('case_measures as m').innerJoin('case_subjects as s', 's.id', 'm.subject_id').innerJoin('officials as o', 'o.id', 's.official_id')
    .select(['m.id', 'm.subject_id', 'o.name as subjectName', 'm.kind', 'm.rule_key', 'm.started_on', 'm.started_at', 'm.approval_ref', 'm.approved_by', 'm.due_on', 'm.extensions',
      'm.ended_on', 'm.end_reason', 'm.note'])
    .where('m.case_id', '=', caseId).orderBy('m.started_on').orderBy('m.created_at').execute();
  const notices = rows.some((m) => m.started_at)
    ? await db.selectFrom('case_detention_notices').selectAll().where('measure_id', 'in', rows.map((m) => m.id)).orderBy('party').execute() : [];
  return rows.map((m) => {
    const own = notices.filter((n) => n.measure_id === m.id);
    const started = m.started_at ? new Date(m.started_at) : null;
    return {
      ...m,
      state: m.ended_on ? (m.due_on && m.ended_on > m.due_on ? 'overran' : 'ended') : m.due_on ? deadlineState(m.due_on, today, 7) : 'noPeriod',
      // 留置 only: the 24-hour notice to the unit and family (第五十条) and its state.
      notices: own.map((n) => ({ party: n.party, notifiedAt: n.notified_at, method: n.method, note: n.note, withheldReason: n.withheld_reason })),
      noticeDueAt: started ? noticeDueAt(started) : null,
      noticeState: started ? noticeState(started, own.map((n) => ({ party: n.party, notifiedAt: n.notified_at, withheldReason: n.withheld_reason }))) : null as NoticeState | null,
    };
  });
}

/** 复审/复核 applications of a case, in order of application, with the state of the decision limit. */
export async function reviewsOf(db: Kysely<DB>, caseId: string, today = todayInShanghai()) {
  const rows = await db.selectFrom('case_reviews').selectAll().where('case_id', '=', caseId).orderBy('applied_on').orderBy('created_at').execute();
  const ids = [...new Set(rows.flatMap((r) => r.handler_ids))];
  const users = ids.length ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute() : [];
  return rows.map((r) => ({
    ...r, state: r.decision ? 'done' : deadlineState(r.decision_due, today, 7),
    handlers: r.handler_ids.map((id) => ({ id, displayName: users.find((u) => u.id === id)?.display_name ?? '' })),
  }));
}
