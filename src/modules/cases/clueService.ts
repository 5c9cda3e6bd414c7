import { writeSourceOutcome } from './feedback';
import { escapeLike } from '../../platform/db/like';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition, unitInScope } from '../../platform/scope/dataScope';
import { issueNumber } from './numbering';
import { type DeadlineRule, computeDue, deadlineState, findRule, violation } from './rules';
import { type Clock, loadClock, loadRules } from './ruleTableService';
import type { clueConclusion, clueCreate, clueDisposal, clueInquiry, listQuery } from './schema';
import { approvalLevelFor, auditActor, checkApprover, dateOrder, refuse } from './support';

const GZ21 = '监督执纪工作规则（2019） 第二十一条';
const ruleIn = (rules: readonly DeadlineRule[], key: string) => findRule(rules, key)!;
const WARN_DAYS = 5;

/** A clue in the caller's data scope (its handling unit), or 404. */
export async function findClue(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db.selectFrom('clues').selectAll().where('id', '=', id).where(scopeCondition(actor, 'clues.unit_id', 'clues.created_by')).executeTakeFirst();
  if (!row) throw AppError.notFound('what.clue');
  return row;
}

async function clueView(db: Kysely<DB>, actor: Actor, id: string) {
  const clue = await findClue(db, actor, id);
  const sources = await db.selectFrom('clue_sources').select(['id', 'source_type', 'source_id', 'note', 'outcome', 'outcome_on']).where('clue_id', '=', id).orderBy('id').execute();
  const accused = await db.selectFrom('clue_accused as a').innerJoin('officials as o', 'o.id', 'a.official_id').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['a.id', 'a.official_id', 'o.name', 'o.post', 'u.name as unitName', 'a.rank_at_time', 'a.managed_by_at_time']).where('a.clue_id', '=', id).orderBy('o.name').execute();
  const today = todayInShanghai();
  const rules = await loadRules(db, clue.county_code);
  const rule = (key: string) => ruleIn(rules, key);
  const deadlines = [
    { key: 'clueDisposalOpinion', due: clue.disposal_due, done: clue.disposal_on },
    ...(clue.inquiry_reply_due ? [{ key: 'inquiryReply', due: clue.inquiry_reply_due, done: clue.inquiry_replied_on }] : []),
  ].map((d) => ({ ...d, source: rule(d.key).source, state: d.done ? 'done' : deadlineState(d.due, today, WARN_DAYS) }));
  return { ...clue, approvalLevel: clue.approval_level ?? approvalLevelFor(accused.map((a) => a.managed_by_at_time)), sources, accused, deadlines };
}

const setSourceOutcome = writeSourceOutcome;

export const clueService = {
  view: clueView,

  async list(db: Kysely<DB>, actor: Actor, q: z.infer<typeof listQuery>) {
    let base = db.selectFrom('clues').where(scopeCondition(actor, 'clues.unit_id', 'clues.created_by'));
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`;
      base = base.where((eb) => eb.or([eb('clues.title', 'like', like), eb('clues.serial', 'like', like)]));
    }
    const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const items = await base.select(['id', 'serial', 'title', 'received_on', 'disposal_due', 'disposal', 'disposal_on', 'outcome', 'outcome_on', 'unit_id', 'case_id'])
      .orderBy('received_on', 'desc').orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return { items, total, page: q.page, pageSize: q.pageSize };
  },

  async create(ctx: AppContext, actor: Actor, input: z.infer<typeof clueCreate>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute((trx) => clueService.createIn(trx, ctx, actor, input, clock));
  },

  /**
   * Registers a clue inside the caller's transaction, for hand-overs that change their own record in the same
   * transaction (a risk hit becoming a clue). Load the clock (`loadClock`) before opening the transaction.
   */
  async createIn(trx: Kysely<DB>, ctx: Pick<AppContext, 'audit'>, actor: Actor, input: z.infer<typeof clueCreate>, { calendar, rules }: Clock) {
    if (!(await unitInScope(trx, actor, input.unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
    const unit = await trx.selectFrom('units').select('county_code').where('id', '=', input.unitId).executeTakeFirstOrThrow();
    const officials = input.accused.length
      ? await trx.selectFrom('officials').select(['id', 'rank', 'managed_by']).where('id', 'in', input.accused).where('county_code', '=', unit.county_code).execute()
      : [];
    if (officials.length !== new Set(input.accused).size) throw AppError.field('body.accused', 'cases.official.notFound');
    const year = Number(input.receivedOn.slice(0, 4));
    const { seq, docNo } = await issueNumber(trx, unit.county_code, 'clue', year);
    const due = computeDue(ruleIn(rules, 'clueDisposalOpinion'), input.receivedOn, calendar).due!;
    const clue = await trx.insertInto('clues').values({
      county_code: unit.county_code, unit_id: input.unitId, serial: docNo, year, seq, title: input.title, summary: input.summary ?? null,
      received_on: input.receivedOn, disposal_due: due, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('clue_sources').values(input.sources.map((s) => ({ clue_id: clue.id, county_code: unit.county_code, source_type: s.type, source_id: s.id ?? null, note: s.note ?? null }))).execute();
    if (officials.length) {
      await trx.insertInto('clue_accused').values(officials.map((o) => ({ clue_id: clue.id, official_id: o.id, rank_at_time: o.rank, managed_by_at_time: o.managed_by }))).execute();
    }
    await ctx.audit.record(trx, auditActor(actor), { action: 'cases.clue.create', objectType: 'clue', objectId: clue.id, detail: { serial: docNo, sources: input.sources.length } });
    return clueView(trx, actor, clue.id);
  },

  async dispose(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof clueDisposal>) {
    return ctx.db.transaction().execute(async (trx) => {
      const clue = await findClue(trx, actor, id);
      if (clue.disposal) refuse([violation('cases.clue.alreadyDisposed', GZ21, 'S', { date: clue.disposal_on ?? '' })]);
      const accused = await trx.selectFrom('clue_accused').select('managed_by_at_time').where('clue_id', '=', id).execute();
      const managedBy = accused.map((a) => a.managed_by_at_time);
      const level = approvalLevelFor(managedBy);
      refuse([
        ...dateOrder(['处置', 'disposal'], input.decidedOn, clue.received_on, GZ21),
        ...(await checkApprover(trx, level, 'cases.clue.approve', input.approverId, input.higherApprovalRef, managedBy.join('、'))),
      ]);
      await trx.updateTable('clues').set({
        disposal: input.disposal, disposal_opinion: input.opinion, disposal_on: input.decidedOn, approval_level: level,
        approved_by: level === 'higherOrgan' ? null : input.approverId!, higher_approval_ref: input.higherApprovalRef ?? null, updated_at: new Date(),
      }).where('id', '=', id).execute();
      await setSourceOutcome(trx, id, `disposal.${input.disposal}`, input.decidedOn);
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.clue.dispose', objectType: 'clue', objectId: id, detail: { disposal: input.disposal, level } });
      return clueView(trx, actor, id);
    });
  },

  async inquiry(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof clueInquiry>) {
    const { calendar, rules } = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      const clue = await findClue(trx, actor, id);
      if (clue.disposal !== 'inquiry') refuse([violation('cases.clue.notInquiry', GZ21, 'S')]);
      const r = ruleIn(rules, 'inquiryReply');
      refuse([
        ...dateOrder(['函询送达', 'letter served'], input.servedOn, clue.disposal_on!, r.source),
        ...(input.repliedOn ? dateOrder(['函询回复', 'reply'], input.repliedOn, input.servedOn, r.source) : []),
      ]);
      const due = computeDue(r, input.servedOn, calendar).due!;
      await trx.updateTable('clues').set({ inquiry_served_on: input.servedOn, inquiry_reply_due: due, inquiry_replied_on: input.repliedOn ?? null, updated_at: new Date() })
        .where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.clue.inquiry', objectType: 'clue', objectId: id, detail: { servedOn: input.servedOn, replyDue: due, repliedOn: input.repliedOn ?? null } });
      return clueView(trx, actor, id);
    });
  },

  async conclude(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof clueConclusion>) {
    return ctx.db.transaction().execute(async (trx) => {
      const clue = await findClue(trx, actor, id);
      if (!clue.disposal) refuse([violation('cases.clue.notDisposed', GZ21, 'S')]);
      if (clue.outcome) refuse([violation('cases.clue.alreadyConcluded', GZ21, 'S')]);
      refuse(dateOrder(['办结', 'conclusion'], input.concludedOn, clue.disposal_on!, GZ21));
      await trx.updateTable('clues').set({ outcome: input.outcome as never, outcome_measure: input.measure ?? null, outcome_on: input.concludedOn, updated_at: new Date() })
        .where('id', '=', id).execute();
      await setSourceOutcome(trx, id, input.outcome, input.concludedOn);
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.clue.conclude', objectType: 'clue', objectId: id, detail: { outcome: input.outcome, measure: input.measure ?? null } });
      return clueView(trx, actor, id);
    });
  },

  /** Opening a case concludes its clue: the outcome flows back to the clue's sources (the reports read it). */
  async markCaseOpened(trx: Kysely<DB>, actor: Actor, clueId: string, caseId: string, on: string) {
    const clue = await findClue(trx, actor, clueId);
    if (!clue.disposal) refuse([violation('cases.clue.notDisposed', GZ21, 'S')], 'body.clueId');
    if (clue.outcome) refuse([violation('cases.clue.alreadyConcluded', GZ21, 'S')], 'body.clueId');
    refuse(dateOrder(['立案', 'opening'], on, clue.disposal_on!, GZ21));
    await trx.updateTable('clues').set({ outcome: 'caseOpened', outcome_on: on, case_id: caseId, updated_at: new Date() }).where('id', '=', clueId).execute();
    await setSourceOutcome(trx, clueId, 'caseOpened', on);
  },
};
