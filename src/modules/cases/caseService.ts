import { escapeLike } from '../../platform/db/like';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { caseAccess, caseView, findCase } from './caseAccess';
import { clueService } from './clueService';
import { startDeadline } from './deadlineStore';
import { issueNumber } from './numbering';
import { loadClock } from './ruleTableService';
import { resolveCaseType } from './caseTypeService';
import type { CaseOpen, listQuery, memberAdd } from './schema';
import { approvalLevelFor, auditActor, checkApprover, dateOrder, forbidRecusal, recusalViolations, refuse } from './support';

async function activeUsers(trx: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('users').select(['id']).where('id', 'in', ids).where('active', '=', true).execute();
}

export const caseService = {
  async list(db: Kysely<DB>, actor: Actor, q: z.infer<typeof listQuery>) {
    let base = db.selectFrom('cases').where(caseAccess(actor));
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`;
      base = base.where((eb) => eb.or([eb('cases.title', 'like', like), eb('cases.doc_no', 'like', like)]));
    }
    const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const items = await base.select(['id', 'doc_no', 'title', 'stage', 'stage_since', 'opened_on', 'case_type_code', 'economic', 'suspended_since', 'closed_on', 'unit_id'])
      .orderBy('opened_on', 'desc').orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return { items, total, page: q.page, pageSize: q.pageSize };
  },

  /** Opening a case file is audited every time (need-to-know). */
  async read(ctx: AppContext, actor: Actor, id: string) {
    const view = await caseView(ctx.db, actor, id);
    await ctx.audit.record(ctx.db, auditActor(actor), { action: 'cases.case.read', objectType: 'case', objectId: id });
    return view;
  },

  async open(ctx: AppContext, actor: Actor, input: CaseOpen) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      if (!(await unitInScope(trx, actor, input.unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
      const caseType = await resolveCaseType(trx, input.caseTypeCode, 'body.caseTypeCode');
      const unit = await trx.selectFrom('units').select('county_code').where('id', '=', input.unitId).executeTakeFirstOrThrow();
      const officialIds = [...new Set(input.subjects.map((s) => s.officialId))];
      const officials = await trx.selectFrom('officials').select(['id', 'rank', 'managed_by', 'unit_id', 'post', 'party_member'])
        .where('id', 'in', officialIds).where('county_code', '=', unit.county_code).execute();
      if (officials.length !== officialIds.length || officialIds.length !== input.subjects.length) throw AppError.field('body.subjects', 'cases.official.notFound');
      const teamIds = [...new Set(input.team.map((m) => m.userId))];
      if ((await activeUsers(trx, teamIds)).length !== teamIds.length) throw AppError.field('body.team', 'cases.user.notFound');
      forbidRecusal(await recusalViolations(trx, [actor.userId, ...teamIds], officialIds));
      const level = approvalLevelFor(officials.map((o) => o.managed_by));
      refuse(await checkApprover(trx, level, 'cases.case.approve', input.approverId, input.higherApprovalRef, officials.map((o) => o.managed_by).join('、')));

      const year = Number(input.openedOn.slice(0, 4));
      const { seq, docNo } = await issueNumber(trx, unit.county_code, 'case', year);
      const row = await trx.insertInto('cases').values({
        county_code: unit.county_code, unit_id: input.unitId, doc_no: docNo, year, seq, title: input.title, summary: input.summary ?? null,
        clue_id: input.clueId ?? null, case_type_code: input.caseTypeCode, economic: caseType.economic,
        opened_on: input.openedOn, approved_by: input.approverId, stage_since: input.openedOn, created_by: actor.userId,
      }).returning('id').executeTakeFirstOrThrow();
      if (input.clueId) await clueService.markCaseOpened(trx, actor, input.clueId, row.id, input.openedOn);
      await trx.insertInto('case_subjects').values(input.subjects.map((s) => {
        const o = officials.find((x) => x.id === s.officialId)!;
        return {
          case_id: row.id, official_id: o.id, rank_at_time: o.rank, managed_by_at_time: o.managed_by, unit_id_at_time: o.unit_id, post_at_time: o.post,
          person_category: s.personCategory, party_member: o.party_member, holds_party_post: s.holdsPartyPost,
          village_secretary: s.villageSecretary ?? null, village_director: s.villageDirector ?? null,
        };
      })).execute();
      const team = [...input.team];
      if (!team.some((m) => m.userId === actor.userId)) team.push({ userId: actor.userId, role: 'investigator' });
      await trx.insertInto('case_members').values(team.map((m) => ({ case_id: row.id, user_id: m.userId, role: m.role, added_on: input.openedOn }))).execute();
      await trx.insertInto('case_events').values({ case_id: row.id, kind: 'opened', on_date: input.openedOn, to_stage: 'investigation', created_by: actor.userId, detail: JSON.stringify({ docNo, approverId: input.approverId, level }) }).execute();
      await startDeadline(trx, clock, row.id, 'investigationDecision', input.openedOn);
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.open', objectType: 'case', objectId: row.id, detail: { docNo, subjects: officialIds.length, clueId: input.clueId ?? null } });
      return caseView(trx, actor, row.id);
    });
  },

  async addMember(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof memberAdd>) {
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      if ((await activeUsers(trx, [input.userId])).length === 0) throw AppError.field('body.userId', 'cases.user.notFound');
      refuse(dateOrder(['加入办案组', 'joining'], input.addedOn, c.opened_on));
      const subjects = await trx.selectFrom('case_subjects').select('official_id').where('case_id', '=', id).execute();
      forbidRecusal(await recusalViolations(trx, [input.userId], subjects.map((s) => s.official_id)));
      await trx.insertInto('case_members').values({ case_id: id, user_id: input.userId, role: input.role, added_on: input.addedOn })
        .onConflict((oc) => oc.columns(['case_id', 'user_id', 'role']).doNothing()).execute();
      await trx.insertInto('case_events').values({ case_id: id, kind: 'memberAdded', on_date: input.addedOn, created_by: actor.userId, detail: JSON.stringify({ userId: input.userId, role: input.role }) }).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.member', objectType: 'case', objectId: id, detail: { userId: input.userId, role: input.role } });
      return caseView(trx, actor, id);
    });
  },
};
