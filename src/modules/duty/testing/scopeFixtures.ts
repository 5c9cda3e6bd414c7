import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';

/**
 * Scope fixtures for the duty module: a task of township B, a secretary of B (with a report at a county meeting),
 * a meeting and a round organised by B, and a county-wide round appraising B's secretary — inserted directly (the
 * probes, not the setup, exercise the API). Township A must reach none of B's records.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
let seq = 0;

async function recordsIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const db = t.ctx.db;
  const n = ++seq;
  const unit = await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', '530125').where('kind', '=', 'cdi').executeTakeFirstOrThrow();
  const task = await db.insertInto('duty_tasks').values({
    county_code: '530125', unit_id: unit.id, batch_id: crypto.randomUUID(), year, title: `范围测试任务${n}`, assigned_on: `${year}-01-02`, deadline: `${year}-12-31`,
  }).returning('id').executeTakeFirstOrThrow();
  const official = await db.insertInto('officials').values({
    county_code: '530125', unit_id: unit.id, name: `范围测试书记${n}`, gender: 'male', rank: 'township', managed_by: 'county', post: '党委书记',
  }).returning(['id', 'name']).executeTakeFirstOrThrow();
  const meeting = (unitId: string, name: string) => db.insertInto('duty_meetings').values({ county_code: '530125', unit_id: unitId, name, held_on: `${year}-01-10` })
    .returning('id').executeTakeFirstOrThrow();
  const own = await meeting(unit.id, `范围测试乡镇会议${n}`);
  const county = await meeting(cdi.id, `范围测试全县会议${n}`);
  const round = (unitId: string) => db.insertInto('duty_appraisal_rounds').values({ county_code: '530125', unit_id: unitId, name: `范围测试评议${n}`, held_on: `${year}-01-10` })
    .returning('id').executeTakeFirstOrThrow();
  const ownRound = await round(unit.id);
  const countyRound = await round(cdi.id);
  const subject = await db.insertInto('duty_appraisal_subjects').values({
    county_code: '530125', unit_id: unit.id, round_id: countyRound.id, official_id: official.id, official_name: official.name, official_post: '党委书记',
  }).returning('id').executeTakeFirstOrThrow();
  return { unitId: unit.id, taskId: task.id, officialId: official.id, officialName: official.name, ownMeetingId: own.id, countyMeetingId: county.id,
    ownRoundId: ownRound.id, countyRoundId: countyRound.id, subjectId: subject.id };
}

const listed = async (res: LightMyRequestResponse, id: string) => ok(res) && res.json().items.some((i: { id: string }) => i.id === id);
const countBy = async (t: TestApp, table: 'duty_tasks' | 'duty_meetings' | 'duty_reports' | 'duty_appraisal_rounds' | 'duty_appraisals', rec: Record<string, string>) =>
  (await t.ctx.db.selectFrom(table).select('id').where('unit_id', '=', rec.unitId).execute()).length;

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  dutyTasks: {
    list: { setup: recordsIn, reaches: async (inject, rec) => listed(await inject({ method: 'GET', url: `/api/v1/duty/tasks?pageSize=200&unitId=${rec.unitId}` }), rec.taskId) },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/duty/tasks/${rec.taskId}` })) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => countBy(t, 'duty_tasks', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/duty/tasks', payload: {
        year, title: '范围测试新任务', unitIds: [rec.unitId], assignedOn: today, deadline: `${year}-12-31` } })),
    },
    update: {
      setup: recordsIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('duty_tasks').select(['status', 'completed_on', 'completion_note']).where('id', '=', rec.taskId).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/duty/tasks/${rec.taskId}/complete`, payload: { completionNote: '范围测试', completedOn: today } })),
    },
  },
  dutySecretaries: {
    list: { setup: recordsIn, reaches: async (inject, rec) => listed(await inject({ method: 'GET', url: `/api/v1/duty/secretaries?q=${encodeURIComponent(rec.officialName)}` }), rec.officialId) },
  },
  dutyMeetings: {
    list: { setup: recordsIn, reaches: async (inject, rec) => listed(await inject({ method: 'GET', url: '/api/v1/duty/meetings?pageSize=200' }), rec.ownMeetingId) },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/duty/meetings/${rec.ownMeetingId}` })) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => countBy(t, 'duty_meetings', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/duty/meetings', payload: { meetingName: '范围测试新会议', heldOn: today, unitId: rec.unitId } })),
    },
  },
  dutyReports: {
    create: {
      setup: recordsIn, snapshot: (t, rec) => countBy(t, 'duty_reports', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/duty/meetings/${rec.countyMeetingId}/reports`, payload: { officialId: rec.officialId, summary: '范围测试汇报' } })),
    },
  },
  dutyRounds: {
    list: { setup: recordsIn, reaches: async (inject, rec) => listed(await inject({ method: 'GET', url: '/api/v1/duty/rounds?pageSize=200' }), rec.ownRoundId) },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/duty/rounds/${rec.ownRoundId}` })) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => countBy(t, 'duty_appraisal_rounds', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/duty/rounds', payload: { roundName: '范围测试新评议', heldOn: today, unitId: rec.unitId, officialIds: [rec.officialId] } })),
    },
    update: {
      setup: recordsIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('duty_appraisal_rounds').select(['status', 'closed_by']).where('id', '=', rec.ownRoundId).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/duty/rounds/${rec.ownRoundId}/close` })),
    },
  },
  dutyAppraisals: {
    create: {
      setup: recordsIn, snapshot: (t, rec) => countBy(t, 'duty_appraisals', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/duty/rounds/${rec.countyRoundId}/ratings`, payload: { ratings: [{ subjectId: rec.subjectId, rating: 'good' }] } })),
    },
  },
};
