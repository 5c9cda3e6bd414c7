import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { caseView, findCase } from './caseAccess';
import { resolveCaseType } from './caseTypeService';
import {
  type RuleViolation, type SanctionSubject, type SubjectOutcome, addDuringRunningPeriod, checkOutcome, checkSanctionAllowed, disciplineByCode,
  formatArticleRef, regulations, sanctionEffect, violation,
} from './rules';
import type { outcomeBody, recoveryBody, violationBody } from './schema';
import { FLOW, auditActor, dateOrder, refuse } from './support';

type Trx = Kysely<DB>;

async function subjectOf(trx: Trx, caseId: string, subjectId: string, field: string) {
  const s = await trx.selectFrom('case_subjects').selectAll().where('case_id', '=', caseId).where('id', '=', subjectId).executeTakeFirst();
  if (!s) throw AppError.field(field, 'cases.subject.notInCase');
  return s;
}

/** The person's standing from earlier decisions (running 留党察看, expulsion), for the sanction checks. */
export async function sanctionSubject(trx: Trx, s: { official_id: string; person_category: SanctionSubject['category']; party_member: boolean; holds_party_post: boolean }): Promise<SanctionSubject> {
  const prior = await trx.selectFrom('case_outcomes').select(['kind', 'track', 'detail', 'decided_on']).where('official_id', '=', s.official_id).where('type', '=', 'sanction')
    .where('superseded_by', 'is', null).where('revoked_on', 'is', null).execute();
  let probationTermEnds: string | null = null;
  for (const p of prior) {
    const d = p.detail as { termEnds?: string };
    if (p.track === 'party' && p.kind === 'probation' && d.termEnds && (!probationTermEnds || d.termEnds > probationTermEnds)) probationTermEnds = d.termEnds;
  }
  return {
    category: s.person_category, partyMember: s.party_member, holdsPartyPost: s.holds_party_post, probationTermEnds,
    expelledFromParty: prior.some((p) => p.track === 'party' && p.kind === 'expulsion'),
  };
}

export const outcomeService = {
  async addViolation(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof violationBody>) {
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      await subjectOf(trx, id, input.subjectId, 'body.subjectId');
      const { economic } = await resolveCaseType(trx, input.caseTypeCode, 'body.caseTypeCode');
      const d = disciplineByCode(input.discipline);
      const problems: RuleViolation[] = [];
      const src = `${regulations[d.regulation].labelZh}（${regulations[d.regulation].version}） ${d.chapter}`;
      const params = { disciplineZh: d.labelZh, disciplineEn: d.labelEn, regulationZh: regulations[d.regulation].labelZh, regulationEn: regulations[d.regulation].labelEn };
      if (input.regulation !== d.regulation) problems.push(violation('cases.violation.regulationMismatch', src, 'S', params));
      else if (!d.ranges.some((r) => input.article >= r.from && input.article <= r.to)) {
        problems.push(violation('cases.violation.articleOutsideDiscipline', src, d.ranges[0].toConfidence, { ...params, ref: formatArticleRef({ regulation: input.regulation, article: input.article }) }));
      }
      refuse(problems);
      const row = await trx.insertInto('case_violations').values({
        case_id: id, subject_id: input.subjectId, discipline: input.discipline, regulation: input.regulation, article: input.article,
        case_type_code: input.caseTypeCode, economic, description: input.description ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      if (economic && !c.economic) await trx.updateTable('cases').set({ economic: true, updated_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.violation', objectType: 'case', objectId: id, detail: { violationId: row.id, discipline: input.discipline, article: input.article } });
      return caseView(trx, actor, id);
    });
  },

  async addOutcome(ctx: AppContext, actor: Actor, id: string, subjectId: string, input: z.infer<typeof outcomeBody>) {
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      const s = await subjectOf(trx, id, subjectId, 'params.subjectId');
      const outcome = input.outcome as SubjectOutcome;
      refuse([...checkSanctionAllowed(c.stage), ...dateOrder(['决定', 'decision'], input.decidedOn, c.stage_since)]);
      const track = outcome.type === 'sanction' ? outcome.sanction.track : outcome.type === 'exempted' ? outcome.track : null;
      // Outcomes replaced or revoked on 复审/复核 are history, not a standing decision.
      const existing = await trx.selectFrom('case_outcomes').select(['type', 'track']).where('subject_id', '=', subjectId).where('superseded_by', 'is', null).where('revoked_on', 'is', null).execute();
      const dup = existing.some((e) => e.type === outcome.type && (e.track ?? null) === track);
      refuse([
        ...checkOutcome(outcome, await sanctionSubject(trx, s), input.decidedOn),
        ...(dup ? [violation('cases.outcome.duplicate', FLOW, 'S', { typeZh: outcome.type, typeEn: outcome.type })] : []),
      ]);
      let effectUntil: string | null = null;
      let permanent = false;
      let merged = false;
      const detail: Record<string, unknown> = { outcome };
      if (outcome.type === 'sanction') {
        const effect = sanctionEffect(outcome.sanction, input.decidedOn);
        const running = await trx.selectFrom('case_outcomes').select('effect_until').where('official_id', '=', s.official_id).where('type', '=', 'sanction')
          .where('track', '=', outcome.sanction.track).where('effect_until', '>', input.decidedOn).where('superseded_by', 'is', null).where('revoked_on', 'is', null).orderBy('effect_until', 'desc').executeTakeFirst();
        const r = addDuringRunningPeriod(running?.effect_until ?? null, outcome.sanction, input.decidedOn);
        effectUntil = r.effectUntil;
        permanent = effect.permanent;
        merged = r.merged;
        Object.assign(detail, { termEnds: effect.termEnds ?? null, readmissionBarredUntil: effect.readmissionBarredUntil ?? null, mergeSource: r.source ?? null, aggravationToConsider: r.aggravationToConsider });
      }
      const kind = outcome.type === 'sanction' ? outcome.sanction.kind : 'measure' in outcome ? outcome.measure : null;
      const row = await trx.insertInto('case_outcomes').values({
        case_id: id, subject_id: subjectId, official_id: s.official_id, type: outcome.type, track, kind, decided_on: input.decidedOn,
        effect_until: effectUntil, permanent, merged, detail: JSON.stringify(detail), created_by: actor.userId,
      }).returning('id').executeTakeFirstOrThrow();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.outcome', objectType: 'case', objectId: id, detail: { outcomeId: row.id, subjectId, type: outcome.type, track, kind, effectUntil } });
      return caseView(trx, actor, id);
    });
  },

  async addRecovery(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof recoveryBody>) {
    return ctx.db.transaction().execute(async (trx) => {
      const c = await findCase(trx, actor, id);
      if (input.subjectId) await subjectOf(trx, id, input.subjectId, 'body.subjectId');
      refuse(dateOrder(['挽回损失', 'recovery'], input.recoveredOn, c.opened_on));
      const row = await trx.insertInto('case_recoveries').values({ case_id: id, subject_id: input.subjectId ?? null, amount_fen: input.amountFen, recovered_on: input.recoveredOn, note: input.note ?? null })
        .returning('id').executeTakeFirstOrThrow();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.case.recovery', objectType: 'case', objectId: id, detail: { recoveryId: row.id, amountFen: input.amountFen } });
      return caseView(trx, actor, id);
    });
  },
};
