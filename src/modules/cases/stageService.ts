import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { caseView, findCase } from './caseAccess';
import { writeCaseEnd } from './feedback';
import { addExtension, fulfilDeadline, openDeadlines, resumeClocks, ruleFor, startDeadline, stopClocks } from './deadlineStore';
import { type CaseStage, transition, violation } from './rules';
import { loadClock } from './ruleTableService';
import type { extensionBody, fulfilBody, stageChange, suspensionBody } from './schema';
import { FLOW, auditActor, dateOrder, refuse } from './support';

type Trx = Kysely<DB>;

async function event(trx: Trx, actor: Actor, caseId: string, kind: string, on: string, extra: { from_stage?: string; to_stage?: string; rule_key?: string; detail?: unknown } = {}) {
  await trx.insertInto('case_events').values({
    case_id: caseId, kind, on_date: on, from_stage: extra.from_stage ?? null, to_stage: extra.to_stage ?? null, rule_key: extra.rule_key ?? null,
    detail: extra.detail === undefined ? null : JSON.stringify(extra.detail), created_by: actor.userId,
  }).execute();
}

/** The limits that run from the decision, only where they apply to what was decided. */
async function decisionRules(trx: Trx, caseId: string): Promise<string[]> {
  const outcomes = await trx.selectFrom('case_outcomes').select(['type', 'track']).where('case_id', '=', caseId).execute();
  const recoveries = await trx.selectFrom('case_recoveries').select('id').where('case_id', '=', caseId).execute();
  const keys: string[] = [];
  if (outcomes.some((o) => o.type === 'sanction' && o.track === 'party')) keys.push('partyDecisionAnnouncement');
  if (outcomes.some((o) => o.type === 'sanction' && o.track === 'admin')) keys.push('adminSanctionService', 'adminSanctionExecution');
  if (recoveries.length) keys.push('recoveryExecution');
  return keys;
}

export const stageService = {
  async change(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof stageChange>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      refuse([
        ...dateOrder(['阶段变更', 'stage change'], input.on, c.stage_since),
        ...(c.suspended_since ? [violation('cases.suspension.alreadyRunning', FLOW, 'S', { date: c.suspended_since })] : []),
      ]);
      const flags = {
        investigation_report_filed: input.investigationReportFiled ?? c.investigation_report_filed,
        review_report_filed: input.reviewReportFiled ?? c.review_report_filed,
        execution_complete: input.executionComplete ?? c.execution_complete,
      };
      const members = await trx.selectFrom('case_members').select(['user_id', 'role']).where('case_id', '=', id).execute();
      const subjects = await trx.selectFrom('case_subjects').select('id').where('case_id', '=', id).execute();
      const decided = new Set((await trx.selectFrom('case_outcomes').select('subject_id').where('case_id', '=', id).execute()).map((o) => o.subject_id));
      const open = await openDeadlines(trx, id);
      const result = transition(c.stage, input.to as CaseStage, {
        investigationReportFiled: flags.investigation_report_filed,
        reviewReportFiled: flags.review_report_filed,
        executionComplete: flags.execution_complete,
        investigatorIds: members.filter((m) => m.role === 'investigator').map((m) => m.user_id),
        reviewerIds: members.filter((m) => m.role === 'reviewer').map((m) => m.user_id),
        subjectsWithoutOutcome: subjects.filter((s) => !decided.has(s.id)).map((s) => s.id),
        openDeadlines: open.map((d) => ({ key: d.rule_key, labelZh: ruleFor(d.rule_key, clock.rules).labelZh, labelEn: ruleFor(d.rule_key, clock.rules).labelEn })),
        sendBackMode: input.sendBackMode,
        withdrawalApproved: input.withdrawalApproved,
      });
      if (!result.ok) refuse(result.violations);
      const { events, clock: clockEvents, withdrawn } = (result as Extract<typeof result, { ok: true }>).value;
      const on = input.on;
      if (c.stage === 'investigation' && input.to === 'review') {
        await fulfilDeadline(trx, id, 'investigationDecision', on);
        await fulfilDeadline(trx, id, 'investigationDecisionAfterDetention', on);
      }
      if (c.stage === 'review' && input.to === 'decision') await fulfilDeadline(trx, id, 'caseReview', on);
      if (withdrawn) for (const d of open) await fulfilDeadline(trx, id, d.rule_key, on);
      for (const e of events) {
        if (e === 'reviewAccepted') {
          const paused = open.find((d) => d.rule_key === 'caseReview' && d.suspensions.some((s) => s.to === null));
          if (paused) await resumeClocks(trx, clock, id, 'supplementaryInvestigation', on);
          else await startDeadline(trx, clock, id, 'caseReview', on);
        }
        if (e === 'decisionMade') for (const key of await decisionRules(trx, id)) await startDeadline(trx, clock, id, key, on);
        if (e === 'caseWithdrawn') await startDeadline(trx, clock, id, 'caseWithdrawalReport', on);
      }
      for (const k of clockEvents) {
        if (k === 'supplementaryInvestigation') await stopClocks(trx, clock, id, 'supplementaryInvestigation', on);
        if (k === 'reinvestigation') {
          // 重新调查: the review period starts afresh when the case comes back (实施条例 第一百九十六条).
          await trx.deleteFrom('case_deadlines').where('case_id', '=', id).where('rule_key', '=', 'caseReview').execute();
          await trx.updateTable('case_deadlines').set({ fulfilled_on: null }).where('case_id', '=', id).where('rule_key', '=', 'investigationDecision').execute();
        }
      }
      await trx.updateTable('cases').set({ ...flags, stage: input.to, stage_since: on, withdrawn, closed_on: input.to === 'closed' ? on : null, updated_at: new Date() })
        .where('id', '=', id).execute();
      if (input.to === 'closed') await writeCaseEnd(trx, id, on, withdrawn);
      await event(trx, actor, id, 'stage', on, { from_stage: c.stage, to_stage: input.to, detail: { events, clock: clockEvents, sendBackMode: input.sendBackMode ?? null } });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.stage', objectType: 'case', objectId: id, detail: { from: c.stage, to: input.to, on } });
      return caseView(trx, actor, id);
    });
  },

  async suspend(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof suspensionBody>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      if (c.suspended_since) refuse([violation('cases.suspension.alreadyRunning', FLOW, 'S', { date: c.suspended_since })]);
      refuse(dateOrder(['中止', 'suspension'], input.on, c.stage_since));
      const stopped = await stopClocks(trx, clock, id, 'suspension', input.on);
      await trx.updateTable('cases').set({ suspended_since: input.on, updated_at: new Date() }).where('id', '=', id).execute();
      await event(trx, actor, id, 'suspended', input.on, { detail: { reason: input.reason ?? null, stopped } });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.suspend', objectType: 'case', objectId: id, detail: { on: input.on, stopped } });
      return caseView(trx, actor, id);
    });
  },

  async resume(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof suspensionBody>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      if (!c.suspended_since) refuse([violation('cases.suspension.notRunning', FLOW, 'S')]);
      refuse(dateOrder(['恢复', 'resumption'], input.on, c.suspended_since!));
      const resumed = await resumeClocks(trx, clock, id, 'suspension', input.on);
      await trx.updateTable('cases').set({ suspended_since: null, updated_at: new Date() }).where('id', '=', id).execute();
      await event(trx, actor, id, 'resumed', input.on, { detail: { reason: input.reason ?? null, resumed } });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.resume', objectType: 'case', objectId: id, detail: { on: input.on, resumed } });
      return caseView(trx, actor, id);
    });
  },

  async extend(ctx: AppContext, actor: Actor, id: string, key: string, input: z.infer<typeof extensionBody>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      refuse(dateOrder(['延长审批', 'extension approval'], input.approvedOn, c.opened_on));
      const ok = await addExtension(trx, clock, id, key, { approvedOn: input.approvedOn, approvalRef: input.approvalRef, amount: input.amount, unit: input.unit });
      if (!ok) throw AppError.field('params.key', 'cases.deadline.unknown', { key });
      await event(trx, actor, id, 'extended', input.approvedOn, { rule_key: key, detail: { approvalRef: input.approvalRef, amount: input.amount ?? null, unit: input.unit ?? null } });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.deadline.extend', objectType: 'case', objectId: id, detail: { key, approvalRef: input.approvalRef } });
      return caseView(trx, actor, id);
    });
  },

  async fulfil(ctx: AppContext, actor: Actor, id: string, key: string, input: z.infer<typeof fulfilBody>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      await findCase(trx, actor, id);
      const d = (await openDeadlines(trx, id)).find((x) => x.rule_key === key);
      if (!d) throw AppError.field('params.key', 'cases.deadline.unknown', { key });
      const r = ruleFor(key, clock.rules);
      refuse(dateOrder([r.labelZh, r.labelEn], input.on, d.started_on, r.source));
      await fulfilDeadline(trx, id, key, input.on);
      await event(trx, actor, id, 'fulfilled', input.on, { rule_key: key });
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.deadline.fulfil', objectType: 'case', objectId: id, detail: { key, on: input.on } });
      return caseView(trx, actor, id);
    });
  },
};
