import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { caseView, findCase } from './caseAccess';
import { dueFor, ruleFor } from './deadlineStore';
import { sanctionSubject } from './outcomeService';
import { type OriginalRole, type Sanction, type SubjectOutcome, checkOutcome, checkReviewApplication, checkReviewDecision, checkReviewHandlers, sanctionEffect } from './rules';
import { loadClock } from './ruleTableService';
import type { reviewApply, reviewDecide } from './schema';
import { auditActor, refuse } from './support';

type Trx = Kysely<DB>;

const APPLICATION_RULE = { reexamination: 'reexaminationApplication', recheck: 'recheckApplication' } as const;
const DECISION_RULE = { reexamination: 'reexamination', recheck: 'recheck' } as const;

/** Follows superseded_by to the outcome that stands now (a 复审 may have changed it before the 复核). */
async function standingOutcome(trx: Trx, outcomeId: string) {
  let o = await trx.selectFrom('case_outcomes').selectAll().where('id', '=', outcomeId).executeTakeFirstOrThrow();
  for (let i = 0; o.superseded_by && i < 10; i++) o = await trx.selectFrom('case_outcomes').selectAll().where('id', '=', o.superseded_by).executeTakeFirstOrThrow();
  return o;
}

/**
 * The handlers of a review: active users of the office's county, none of whom was on the original case (its team
 * members, investigators or 审理, and the approver of its opening). Refusals name the field and each person.
 */
async function checkHandlers(trx: Trx, actor: Actor, c: { id: string; approved_by: string }, level: 'reexamination' | 'recheck', ids: readonly string[]) {
  if (!ids.length) return;
  const users = await trx.selectFrom('users as u').innerJoin('units as n', 'n.id', 'u.unit_id').select(['u.id', 'u.display_name'])
    .where('u.id', 'in', [...ids]).where('u.active', '=', true).where('n.county_code', '=', actor.countyCode).execute();
  if (users.length !== new Set(ids).size) throw AppError.field('body.handlerIds', 'cases.review.handlerNotFound');
  const members = await trx.selectFrom('case_members').select(['user_id', 'role']).where('case_id', '=', c.id).execute();
  const original: { userId: string; role: OriginalRole }[] = [...members.map((m) => ({ userId: m.user_id, role: m.role })), { userId: c.approved_by, role: 'approver' }];
  refuse(checkReviewHandlers(level, users.map((u) => ({ id: u.id, name: u.display_name })), original), 'body.handlerIds');
}

/**
 * 复审/复核 of a sanction. Applications and decisions run on the statutory calendar with the periods of the rule
 * table (reexaminationApplication, reexamination, recheckApplication, recheck); a pending decision shows in the
 * deadline warnings. A change (变更) inserts the new sanction and points the old row at it, a revocation (撤销)
 * dates the old row: history is never overwritten. The changed sanction's period runs from the original
 * decision date, because execution was not suspended during the review (政务处分法 第五十五条) [R: the reference
 * does not state how the period of a changed sanction is counted; the office should confirm].
 */
export const reviewService = {
  async apply(ctx: AppContext, actor: Actor, caseId: string, subjectId: string, outcomeId: string, input: z.infer<typeof reviewApply>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, caseId);
      const original = await trx.selectFrom('case_outcomes').selectAll().where('id', '=', outcomeId).where('case_id', '=', caseId).where('subject_id', '=', subjectId).executeTakeFirst();
      if (!original) throw AppError.notFound('what.caseOutcome');
      const current = await standingOutcome(trx, outcomeId);
      const prior = await trx.selectFrom('case_reviews').select(['level', 'decision', 'decided_on']).where('outcome_id', '=', outcomeId).execute();
      const appRule = ruleFor(APPLICATION_RULE[input.level], clock.rules);
      const applicationDue = dueFor(appRule, input.decisionReceivedOn, clock.calendar, [], [])!;
      const acceptedOn = input.acceptedOn ?? input.appliedOn;
      refuse(checkReviewApplication(input.level, { type: original.type, decidedOn: original.decided_on, revoked: current.revoked_on !== null },
        prior.map((p) => ({ level: p.level, decision: p.decision, decidedOn: p.decided_on })),
        { decisionReceivedOn: input.decisionReceivedOn, appliedOn: input.appliedOn, applicationDue, acceptedOn }, appRule.source));
      const decisionDue = dueFor(ruleFor(DECISION_RULE[input.level], clock.rules), acceptedOn, clock.calendar, [], [])!;
      const handlerIds = [...new Set(input.handlerIds)];
      await checkHandlers(trx, actor, c, input.level, handlerIds);
      const row = await trx.insertInto('case_reviews').values({
        case_id: caseId, subject_id: subjectId, outcome_id: outcomeId, level: input.level, decision_received_on: input.decisionReceivedOn, application_due: applicationDue,
        applied_on: input.appliedOn, accepted_on: acceptedOn, decision_due: decisionDue, created_by: actor.userId,
        statement: input.statement || null, handler_ids: JSON.stringify(handlerIds),
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('case_events').values({ case_id: caseId, kind: 'reviewApplied', on_date: input.appliedOn, rule_key: DECISION_RULE[input.level], created_by: actor.userId,
        detail: JSON.stringify({ reviewId: row.id, level: input.level, outcomeId, decisionDue }) }).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.review.apply', objectType: 'case', objectId: caseId, detail: { reviewId: row.id, level: input.level, outcomeId, decisionDue, handlerIds } });
      return caseView(trx, actor, caseId);
    });
  },

  async decide(ctx: AppContext, actor: Actor, caseId: string, reviewId: string, input: z.infer<typeof reviewDecide>) {
    return ctx.db.transaction().execute(async (trx) => {
      await findCase(trx, actor, caseId);
      const review = await trx.selectFrom('case_reviews').selectAll().where('id', '=', reviewId).where('case_id', '=', caseId).executeTakeFirst();
      if (!review) throw AppError.notFound('what.caseReview');
      const current = await standingOutcome(trx, review.outcome_id);
      refuse(checkReviewDecision({ level: review.level, decision: review.decision, acceptedOn: review.accepted_on },
        { decision: input.decision, decidedOn: input.decidedOn, hasSanction: !!input.sanction, sameTrack: input.sanction?.track === current.track }));
      let newOutcomeId: string | null = null;
      if (input.decision === 'changed') {
        const sanction = input.sanction as Sanction;
        const outcome: SubjectOutcome = { type: 'sanction', sanction };
        const subject = await trx.selectFrom('case_subjects').selectAll().where('id', '=', review.subject_id).executeTakeFirstOrThrow();
        // The person's standing apart from the decision under review, which the change replaces.
        const standing = await sanctionSubject(trx, subject);
        const replacesParty = (kind: string) => current.track === 'party' && current.kind === kind;
        refuse(checkOutcome(outcome, {
          ...standing, expelledFromParty: standing.expelledFromParty && !replacesParty('expulsion'), probationTermEnds: replacesParty('probation') ? null : standing.probationTermEnds,
        }, current.decided_on));
        const effect = sanctionEffect(sanction, current.decided_on);
        const created = await trx.insertInto('case_outcomes').values({
          case_id: caseId, subject_id: review.subject_id, official_id: current.official_id, type: 'sanction', track: sanction.track, kind: sanction.kind, decided_on: current.decided_on,
          effect_until: effect.effectUntil ?? null, permanent: effect.permanent, merged: false, created_by: actor.userId,
          detail: JSON.stringify({ outcome, termEnds: effect.termEnds ?? null, readmissionBarredUntil: effect.readmissionBarredUntil ?? null, changedBy: { reviewId, level: review.level, on: input.decidedOn, replaces: current.id } }),
        }).returning('id').executeTakeFirstOrThrow();
        newOutcomeId = created.id;
        await trx.updateTable('case_outcomes').set({ superseded_by: created.id }).where('id', '=', current.id).execute();
      }
      if (input.decision === 'revoked') await trx.updateTable('case_outcomes').set({ revoked_on: input.decidedOn }).where('id', '=', current.id).execute();
      await trx.updateTable('case_reviews').set({ decision: input.decision, decided_on: input.decidedOn, reason: input.reason, new_outcome_id: newOutcomeId }).where('id', '=', reviewId).execute();
      await trx.insertInto('case_events').values({ case_id: caseId, kind: 'reviewDecided', on_date: input.decidedOn, rule_key: DECISION_RULE[review.level], created_by: actor.userId,
        detail: JSON.stringify({ reviewId, level: review.level, decision: input.decision, outcomeId: current.id, newOutcomeId }) }).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.review.decide', objectType: 'case', objectId: caseId,
        detail: { reviewId, level: review.level, decision: input.decision, outcomeId: current.id, newOutcomeId } });
      return caseView(trx, actor, caseId);
    });
  },
};
