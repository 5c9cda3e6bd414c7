import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { caseAccess } from './caseAccess';
import { ruleFor } from './deadlineStore';
import { daysLeft, deadlineState, noticeDueAt, splitExtensions } from './rules';
import { loadRules } from './ruleTableService';

export interface DeadlineWarning {
  kind: 'case' | 'clue';
  id: string;
  number: string;
  title: string;
  ruleKey: string;
  labelZh: string;
  labelEn: string;
  source: string;
  due: string;
  daysLeft: number;
  state: 'ok' | 'dueSoon' | 'overdue';
  /** Set for a measure (留置 …) or a 复审/复核 decision: the record the warning is about, and the subject. */
  measureId?: string;
  reviewId?: string;
  subjectName?: string;
  /** The 留置 notice (第五十条) is due to the hour: start + 24 h, as an instant. */
  dueAt?: string;
}

/**
 * Warnings before and after due dates: every running time limit of the cases the caller may open and of the
 * clues in their scope, with its state (dueSoon within `warnDays` calendar days, overdue after the due day).
 */
export async function deadlineWarnings(db: Kysely<DB>, actor: Actor, state: 'dueSoon' | 'overdue' | 'all', warnDays: number): Promise<DeadlineWarning[]> {
  const today = todayInShanghai();
  const rules = await loadRules(db, actor.countyCode);
  const caseRows = await db.selectFrom('case_deadlines as d').innerJoin('cases', 'cases.id', 'd.case_id')
    .select(['cases.id', 'cases.doc_no', 'cases.title', 'd.rule_key', 'd.due_on']).where('d.fulfilled_on', 'is', null).where('d.due_on', 'is not', null)
    .where(caseAccess(actor)).orderBy('d.due_on').limit(2000).execute();
  const clueRows = await db.selectFrom('clues').select(['id', 'serial', 'title', 'disposal', 'disposal_due', 'inquiry_reply_due', 'inquiry_replied_on'])
    .where(scopeCondition(actor, 'clues.unit_id', 'clues.created_by'))
    .where((eb) => eb.or([eb('disposal', 'is', null), eb.and([eb('inquiry_reply_due', 'is not', null), eb('inquiry_replied_on', 'is', null)])]))
    .orderBy('disposal_due').limit(2000).execute();
  const out: DeadlineWarning[] = [];
  const push = (kind: 'case' | 'clue', id: string, number: string, title: string, key: string, due: string) => {
    const r = ruleFor(key, rules);
    out.push({ kind, id, number, title, ruleKey: key, labelZh: r.labelZh, labelEn: r.labelEn, source: r.source, due, daysLeft: daysLeft(due, today), state: deadlineState(due, today, warnDays) });
  };
  for (const c of caseRows) push('case', c.id, c.doc_no, c.title, c.rule_key, c.due_on!);
  // Running measures and pending 复审/复核 decisions of the cases the caller may open.
  const measures = await db.selectFrom('case_measures as m').innerJoin('cases', 'cases.id', 'm.case_id').innerJoin('case_subjects as s', 's.id', 'm.subject_id')
    .innerJoin('officials as o', 'o.id', 's.official_id').select(['cases.id', 'cases.doc_no', 'cases.title', 'm.id as measureId', 'm.rule_key', 'm.due_on', 'm.extensions', 'o.name'])
    .where('m.ended_on', 'is', null).where('m.due_on', 'is not', null).where(caseAccess(actor)).orderBy('m.due_on').limit(2000).execute();
  for (const m of measures) {
    // A specially extended 留置 is due under the special rule, which names its own approval (国家监察委员会).
    const key = splitExtensions(m.extensions).special.length ? 'detentionSpecialExtension' : m.rule_key!;
    push('case', m.id, m.doc_no, m.title, key, m.due_on!);
    Object.assign(out[out.length - 1], { measureId: m.measureId, subjectName: m.name });
  }
  // Running 留置 whose unit or family has not yet been told (nor a withholding recorded): due at start + 24 h.
  const unnotified = await db.selectFrom('case_measures as m').innerJoin('cases', 'cases.id', 'm.case_id').innerJoin('case_subjects as s', 's.id', 'm.subject_id')
    .innerJoin('officials as o', 'o.id', 's.official_id').select(['cases.id', 'cases.doc_no', 'cases.title', 'm.id as measureId', 'm.started_at', 'o.name'])
    .where('m.kind', '=', 'detention').where('m.ended_on', 'is', null).where('m.started_at', 'is not', null)
    .where(sql<boolean>`(select count(*) from case_detention_notices n where n.measure_id = m.id and (n.notified_at is not null or n.withheld_reason is not null)) < 2`)
    .where(caseAccess(actor)).orderBy('m.started_at').limit(2000).execute();
  const now = new Date();
  for (const m of unnotified) {
    const dueAt = noticeDueAt(new Date(m.started_at!));
    push('case', m.id, m.doc_no, m.title, 'detentionNotice', todayInShanghai(dueAt));
    // To the hour: 25 hours after the start is overdue even on the due calendar day; before that it is always near.
    const w = out[out.length - 1];
    Object.assign(w, { measureId: m.measureId, subjectName: m.name, dueAt: dueAt.toISOString(), state: now > dueAt ? 'overdue' : 'dueSoon' });
  }
  const reviews = await db.selectFrom('case_reviews as r').innerJoin('cases', 'cases.id', 'r.case_id').innerJoin('case_subjects as s', 's.id', 'r.subject_id')
    .innerJoin('officials as o', 'o.id', 's.official_id').select(['cases.id', 'cases.doc_no', 'cases.title', 'r.id as reviewId', 'r.level', 'r.decision_due', 'o.name'])
    .where('r.decision', 'is', null).where(caseAccess(actor)).orderBy('r.decision_due').limit(2000).execute();
  for (const r of reviews) {
    push('case', r.id, r.doc_no, r.title, r.level, r.decision_due);
    Object.assign(out[out.length - 1], { reviewId: r.reviewId, subjectName: r.name });
  }
  for (const c of clueRows) {
    if (!c.disposal) push('clue', c.id, c.serial, c.title, 'clueDisposalOpinion', c.disposal_due);
    else if (c.inquiry_reply_due && !c.inquiry_replied_on) push('clue', c.id, c.serial, c.title, 'inquiryReply', c.inquiry_reply_due);
  }
  return out.filter((w) => state === 'all' || w.state === state).sort((a, b) => a.due.localeCompare(b.due));
}
