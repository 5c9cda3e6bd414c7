import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';
import { ensureCasesRoles } from '../permissions';
import { newOfficial, unitId, userId } from './fixtures';

/**
 * Scope fixtures for clues, cases, integrity records and recusal relations owned by township B. Each op's probe
 * tries every route of that op and counts as "reached" if any succeeds, so township A must fail on all of them.
 * Records are inserted directly (the probes, not the setup, exercise the API).
 */
type Inject = (req: { method: string; url: string; payload?: unknown }) => Promise<LightMyRequestResponse>;
type Req = { method: string; url: string; payload?: unknown };
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
let seq = 0;

async function anyOk(inject: Inject, reqs: Req[]): Promise<boolean> {
  let reached = false;
  for (const r of reqs) if (ok(await inject(r))) reached = true;
  return reached;
}

async function clueIn(t: TestApp, code: string): Promise<Record<string, string>> {
  await ensureCasesRoles(t.ctx.db);
  const unit = await unitId(t, code);
  const o = await newOfficial(t, code);
  const n = 9000 + ++seq;
  const row = await t.ctx.db.insertInto('clues').values({
    county_code: '530125', unit_id: unit, serial: `宜纪线〔2026〕${n}号`, year: 2026, seq: n, title: `范围测试线索${n}`, received_on: '2026-03-02', disposal_due: '2026-04-02',
    disposal: 'inquiry', disposal_on: '2026-03-05', approval_level: 'cdiDeputy',
  }).returning('id').executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('clue_accused').values({ clue_id: row.id, official_id: o.id, rank_at_time: 'township', managed_by_at_time: 'county' }).execute();
  await t.ctx.db.insertInto('clue_sources').values({ clue_id: row.id, county_code: '530125', source_type: 'report', source_id: `R${n}` }).execute();
  return { id: row.id, serial: `宜纪线〔2026〕${n}号`, unitId: unit, officialId: o.id, approver: await userId(t, 'cdi') };
}

async function caseIn(t: TestApp, code: string): Promise<Record<string, string>> {
  await ensureCasesRoles(t.ctx.db);
  const unit = await unitId(t, code);
  const o = await newOfficial(t, code);
  const approver = await userId(t, 'cdi');
  const n = 9000 + ++seq;
  const docNo = `宜纪立〔2026〕${n}号`;
  const row = await t.ctx.db.insertInto('cases').values({
    county_code: '530125', unit_id: unit, doc_no: docNo, year: 2026, seq: n, title: `范围测试案件${n}`, case_type_code: 'duty.neglect', opened_on: '2026-03-02',
    approved_by: approver, stage_since: '2026-03-02',
  }).returning('id').executeTakeFirstOrThrow();
  const s = await t.ctx.db.insertInto('case_subjects').values({ case_id: row.id, official_id: o.id, rank_at_time: 'township', managed_by_at_time: 'county', unit_id_at_time: unit, person_category: 'civilServant', party_member: true })
    .returning('id').executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('case_deadlines').values({ case_id: row.id, rule_key: 'investigationDecision', started_on: '2026-03-02', due_on: '2027-03-02' }).execute();
  const m = await t.ctx.db.insertInto('case_measures').values({ case_id: row.id, subject_id: s.id, kind: 'exitRestriction', rule_key: 'exitRestriction', started_on: '2026-03-02', approval_ref: '范围测试', due_on: '2026-06-02' })
    .returning('id').executeTakeFirstOrThrow();
  const out = await t.ctx.db.insertInto('case_outcomes').values({ case_id: row.id, subject_id: s.id, official_id: o.id, type: 'sanction', track: 'admin', kind: 'warning', decided_on: '2026-03-05', effect_until: '2026-09-05', detail: '{}' })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, docNo, unitId: unit, officialId: o.id, subjectId: s.id, approver, user: await userId(t, 'intake'), measureId: m.id, outcomeId: out.id };
}

const clueSnapshot = async (t: TestApp, rec: Record<string, string>) => ({
  clue: await t.ctx.db.selectFrom('clues').select(['disposal', 'disposal_on', 'inquiry_served_on', 'outcome', 'unit_id']).where('id', '=', rec.id).executeTakeFirst(),
  sources: await t.ctx.db.selectFrom('clue_sources').select(['outcome']).where('clue_id', '=', rec.id).execute(),
});

const caseSnapshot = async (t: TestApp, rec: Record<string, string>) => ({
  row: await t.ctx.db.selectFrom('cases').select(['stage', 'stage_since', 'suspended_since', 'economic']).where('id', '=', rec.id).executeTakeFirst(),
  members: (await t.ctx.db.selectFrom('case_members').select('user_id').where('case_id', '=', rec.id).execute()).length,
  events: (await t.ctx.db.selectFrom('case_events').select('id').where('case_id', '=', rec.id).execute()).length,
  deadlines: await t.ctx.db.selectFrom('case_deadlines').select(['rule_key', 'due_on', 'fulfilled_on']).where('case_id', '=', rec.id).execute(),
  outcomes: (await t.ctx.db.selectFrom('case_outcomes').select('id').where('case_id', '=', rec.id).execute()).length,
  violations: (await t.ctx.db.selectFrom('case_violations').select('id').where('case_id', '=', rec.id).execute()).length,
  recoveries: (await t.ctx.db.selectFrom('case_recoveries').select('id').where('case_id', '=', rec.id).execute()).length,
  measures: await t.ctx.db.selectFrom('case_measures').select(['id', 'ended_on']).where('case_id', '=', rec.id).execute(),
  reviews: (await t.ctx.db.selectFrom('case_reviews').select('id').where('case_id', '=', rec.id).execute()).length,
});

async function officialInB(t: TestApp, code: string) {
  const o = await newOfficial(t, code);
  return { id: o.id, unitId: o.unitId, user: await userId(t, 'intake') };
}

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  clues: {
    list: { setup: clueIn, reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: `/api/v1/cases/clues?q=${encodeURIComponent(rec.serial)}` }); return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id); } },
    read: { setup: clueIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/cases/clues/${rec.id}` })) },
    export: { setup: clueIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/cases/clues/${rec.id}/inquiry-notice.docx` })) },
    create: {
      setup: clueIn,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/cases/clues', payload: { title: '范围测试新线索', receivedOn: '2026-03-02', unitId: rec.unitId, sources: [{ type: 'audit' }], accused: [rec.officialId] } })),
    },
    update: {
      setup: clueIn, snapshot: clueSnapshot,
      reaches: async (inject, rec) => anyOk(inject, [
        { method: 'POST', url: `/api/v1/cases/clues/${rec.id}/inquiry`, payload: { servedOn: '2026-03-06' } },
        { method: 'POST', url: `/api/v1/cases/clues/${rec.id}/conclusion`, payload: { outcome: 'education', concludedOn: '2026-03-20', measure: 'criticism' } },
        { method: 'POST', url: `/api/v1/cases/clues/${rec.id}/disposal`, payload: { disposal: 'verification', opinion: '初核', decidedOn: '2026-03-05', approverId: rec.approver } },
      ]),
    },
  },
  cases: {
    list: { setup: caseIn, reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: `/api/v1/cases/cases?q=${encodeURIComponent(rec.docNo)}` }); return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id); } },
    read: { setup: caseIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/cases/cases/${rec.id}` })) },
    export: {
      setup: caseIn,
      reaches: async (inject, rec) => anyOk(inject, [
        { method: 'GET', url: `/api/v1/cases/cases/${rec.id}/opening-decision.docx` },
        { method: 'GET', url: `/api/v1/cases/cases/${rec.id}/subjects/${rec.subjectId}/sanction-decision.docx` },
      ]),
    },
    create: {
      setup: caseIn,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/cases/cases', payload: {
        title: '范围测试立案', unitId: rec.unitId, caseTypeCode: 'duty.neglect', openedOn: '2026-03-02', approverId: rec.approver, subjects: [{ officialId: rec.officialId, personCategory: 'civilServant' }],
      } })),
    },
    update: {
      setup: caseIn, snapshot: caseSnapshot,
      reaches: async (inject, rec) => anyOk(inject, [
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/members`, payload: { userId: rec.user, role: 'reviewer', addedOn: '2026-03-03' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/violations`, payload: { subjectId: rec.subjectId, discipline: 'work', regulation: 'cpcDisciplinary2023', article: 133, caseTypeCode: 'duty.neglect' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/recoveries`, payload: { amountFen: 100, recoveredOn: '2026-03-04' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/deadlines/investigationDecision/extensions`, payload: { approvedOn: '2026-03-05', approvalRef: '批复1号' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/subjects/${rec.subjectId}/outcomes`, payload: { decidedOn: '2026-03-05', outcome: { type: 'cleared' } } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/stage`, payload: { to: 'closed', on: '2026-03-06', withdrawalApproved: true } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/suspension`, payload: { on: '2026-03-10' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/resumption`, payload: { on: '2026-03-12' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/deadlines/investigationDecision/fulfilment`, payload: { on: '2026-03-12' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/measures`, payload: { subjectId: rec.subjectId, kind: 'detention', startedOn: '2026-03-03', approvalRef: '范围测试留置' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/measures/${rec.measureId}/end`, payload: { endedOn: '2026-03-04' } },
        { method: 'POST', url: `/api/v1/cases/cases/${rec.id}/subjects/${rec.subjectId}/outcomes/${rec.outcomeId}/reviews`, payload: { level: 'reexamination', decisionReceivedOn: '2026-03-06', appliedOn: '2026-03-07' } },
      ]),
    },
  },
  caseDeadlines: {
    list: {
      setup: async (t, code) => ({ ...(await caseIn(t, code)), clue: (await clueIn(t, code)).id }),
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: '/api/v1/cases/deadlines?state=all' });
        return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id || i.id === rec.clue);
      },
    },
  },
  integrity: {
    read: { setup: officialInB, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/cases/officials/${rec.id}/integrity` })) },
    export: { setup: officialInB, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/cases/officials/${rec.id}/integrity-opinion.docx` })) },
  },
  officialRelations: {
    list: {
      setup: async (t, code) => {
        const o = await officialInB(t, code);
        await t.ctx.db.insertInto('official_relations').values({ county_code: '530125', unit_id: o.unitId, official_id: o.id, user_id: o.user, kind: 'relative' }).execute();
        return o;
      },
      reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: `/api/v1/cases/relations?officialId=${rec.id}` }); return ok(r) && r.json().items.length > 0; },
    },
    create: {
      setup: officialInB,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/cases/relations', payload: { officialId: rec.id, userId: rec.user, kind: 'interest' } })),
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('official_relations').select('id').where('official_id', '=', rec.id).execute()).length,
    },
  },
};
