import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { caseView, findCase } from './caseAccess';
import type { StoredExtension } from './db';
import { dueFor, ruleFor, startDeadline } from './deadlineStore';
import { type CaseMeasureKind, checkMeasureEnd, checkMeasureExtension, checkNewMeasure, measureRuleKey, splitExtensions, violation } from './rules';
import { type Clock, loadClock } from './ruleTableService';
import type { measureEnd, measureExtension, measureStart } from './schema';
import { FLOW, auditActor, refuse } from './support';

type Trx = Kysely<DB>;

/**
 * 留置 and the other 措施 per case subject. The due day comes from the office's rule table (留置 3 months, one
 * extension of 3 months with the higher organ's approval, no roll-over to a working day) on the statutory
 * calendar; running measures appear in the deadline warnings. Ending a 留置 starts the one-year limit that
 * runs from its lifting (实施条例 第一百八十五条).
 */
export async function measureOf(trx: Trx, caseId: string, measureId: string) {
  const m = await trx.selectFrom('case_measures').selectAll().where('case_id', '=', caseId).where('id', '=', measureId).executeTakeFirst();
  if (!m) throw AppError.notFound('what.caseMeasure');
  return m;
}

export async function event(trx: Trx, actor: Actor, caseId: string, kind: string, on: string, ruleKey: string | null, detail: unknown) {
  await trx.insertInto('case_events').values({ case_id: caseId, kind, on_date: on, rule_key: ruleKey, detail: JSON.stringify(detail), created_by: actor.userId }).execute();
}

/**
 * The due day from the rule table. A 留置's special further extension is not one of the detention rule's
 * extensions (that rule allows one): it runs under its own rule from the end of the extended period, both
 * without roll-over to a working day.
 */
export function dueOf(clock: Clock, kind: CaseMeasureKind, startedOn: string, extensions: StoredExtension[]) {
  const key = measureRuleKey[kind];
  if (!key) return null;
  const { ordinary, special } = splitExtensions(extensions);
  const due = dueFor(ruleFor(key, clock.rules), startedOn, clock.calendar, [], ordinary);
  if (!special.length || !due) return due;
  return dueFor(ruleFor('detentionSpecialExtension', clock.rules), due, clock.calendar, [], []);
}

/** The start of a 留置 to the minute: as given, else the start day's midnight in China (the earliest it can be). */
function detentionStart(input: z.infer<typeof measureStart>): string | null {
  if (input.kind !== 'detention') return null;
  if (!input.startedAt) return `${input.startedOn}T00:00:00+08:00`;
  if (todayInShanghai(new Date(input.startedAt)) !== input.startedOn) throw AppError.field('body.startedAt', 'cases.detention.startedAtDate');
  return input.startedAt;
}

export const measureService = {
  async start(ctx: AppContext, actor: Actor, caseId: string, input: z.infer<typeof measureStart>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, caseId);
      const s = await trx.selectFrom('case_subjects').select('id').where('case_id', '=', caseId).where('id', '=', input.subjectId).executeTakeFirst();
      if (!s) throw AppError.field('body.subjectId', 'cases.subject.notInCase');
      if (c.stage === 'closed') refuse([violation('cases.caseMeasure.caseClosed', FLOW, 'S', { date: c.closed_on ?? '' })]);
      if (input.approverId && !(await trx.selectFrom('users').select('id').where('id', '=', input.approverId).where('active', '=', true).executeTakeFirst())) {
        throw AppError.field('body.approverId', 'cases.user.notFound');
      }
      const existing = await trx.selectFrom('case_measures').select(['id', 'kind', 'started_on', 'ended_on']).where('subject_id', '=', input.subjectId).execute();
      refuse(checkNewMeasure(input, c.opened_on, existing.map((m) => ({ id: m.id, kind: m.kind, startedOn: m.started_on, endedOn: m.ended_on }))));
      const due = dueOf(clock, input.kind, input.startedOn, []);
      const startedAt = detentionStart(input);
      const row = await trx.insertInto('case_measures').values({
        case_id: caseId, subject_id: input.subjectId, kind: input.kind, rule_key: measureRuleKey[input.kind], started_on: input.startedOn, approved_by: input.approverId ?? null,
        approval_ref: input.approvalRef, due_on: due, extensions: '[]', note: input.note ?? null, created_by: actor.userId, started_at: startedAt,
      }).returning('id').executeTakeFirstOrThrow();
      await event(trx, actor, caseId, 'measureStarted', input.startedOn, measureRuleKey[input.kind], { measureId: row.id, kind: input.kind, subjectId: input.subjectId, approvalRef: input.approvalRef, due });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.measure.start', objectType: 'case', objectId: caseId, detail: { measureId: row.id, kind: input.kind, subjectId: input.subjectId, due } });
      return caseView(trx, actor, caseId);
    });
  },

  async extend(ctx: AppContext, actor: Actor, caseId: string, measureId: string, input: z.infer<typeof measureExtension>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      await findCase(trx, actor, caseId);
      const m = await measureOf(trx, caseId, measureId);
      const source = m.rule_key ? ruleFor(m.rule_key, clock.rules).source : FLOW;
      refuse(checkMeasureExtension({ kind: m.kind, startedOn: m.started_on, dueOn: m.due_on, endedOn: m.ended_on }, input.approvedOn, source));
      const extensions = [...m.extensions, { approvedOn: input.approvedOn, approvalRef: input.approvalRef, ...(input.amount ? { amount: input.amount } : {}), ...(input.unit ? { unit: input.unit } : {}) }];
      // computeDue refuses a second 留置 extension and one longer than the rule allows, naming the article.
      const due = dueOf(clock, m.kind, m.started_on, extensions);
      await trx.updateTable('case_measures').set({ extensions: JSON.stringify(extensions), due_on: due }).where('id', '=', measureId).execute();
      await event(trx, actor, caseId, 'measureExtended', input.approvedOn, m.rule_key, { measureId, approvalRef: input.approvalRef, due });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.measure.extend', objectType: 'case', objectId: caseId, detail: { measureId, approvalRef: input.approvalRef, due } });
      return caseView(trx, actor, caseId);
    });
  },

  async end(ctx: AppContext, actor: Actor, caseId: string, measureId: string, input: z.infer<typeof measureEnd>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, caseId);
      const m = await measureOf(trx, caseId, measureId);
      refuse(checkMeasureEnd({ kind: m.kind, startedOn: m.started_on, endedOn: m.ended_on }, input.endedOn));
      await trx.updateTable('case_measures').set({ ended_on: input.endedOn, end_reason: input.reason ?? null }).where('id', '=', measureId).execute();
      if (m.kind === 'detention' && c.stage === 'investigation') await startDeadline(trx, clock, caseId, 'investigationDecisionAfterDetention', input.endedOn);
      await event(trx, actor, caseId, 'measureEnded', input.endedOn, m.rule_key, { measureId, reason: input.reason ?? null, overran: !!(m.due_on && input.endedOn > m.due_on) });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.measure.end', objectType: 'case', objectId: caseId, detail: { measureId, endedOn: input.endedOn } });
      return caseView(trx, actor, caseId);
    });
  },
};
