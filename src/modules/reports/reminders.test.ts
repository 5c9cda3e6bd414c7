import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import { todayInShanghai } from '../../platform/calendar';
import { insertReport } from './intakeService';
import { ensureReportRoles } from './permissions';
import { sweepReportReminders } from './reminders';

/** Deadline reminders: the sweep notifies the handling unit's users once per deadline and state; the bell API reads and marks them. */
let t: TestApp;
let a = '';
let b = '';
let intake = '';
const towns: Array<{ id: string; code: string }> = [];
beforeAll(async () => {
  t = await createTestApp();
  await ensureReportRoles(t.ctx.db);
  towns.push(...await t.ctx.db.selectFrom('units').select(['id', 'code']).where('kind', '=', 'township').orderBy('code').limit(2).execute());
  a = await t.login(`t${towns[0].code}`);
  b = await t.login(`t${towns[1].code}`);
  intake = await t.login('intake');
});
afterAll(async () => { await t?.close(); });

const get = async (cookie: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { unread: number; items: Array<{ id: string; kind: string; link: string; objectId: string; params: { deadline: string; due: string } }> };
};
const read = (cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: { cookie }, payload: payload as object });

async function reportIn(unit: { id: string; code: string }, title: string) {
  const cal = await loadCalendar(t.ctx.db);
  return t.ctx.db.transaction().execute((trx) => insertReport(trx, t.ctx, cal, {
    countyCode: '530125', unitId: unit.id, channel: 'letter', kind: 'accusation', title, content: '反映村务不公开', townshipCode: unit.code,
    receivedOn: todayInShanghai(), createdBy: null,
  }));
}

describe('deadline reminders', () => {
  it('reminds only the handling unit, once per deadline and state, and the reader marks them read', async () => {
    const cal = await loadCalendar(t.ctx.db);
    const inA = await reportIn(towns[0], '提醒测试甲');
    const inB = await reportIn(towns[1], '提醒测试乙');
    const routeDue = (await t.ctx.db.selectFrom('reports').select('route_due').where('id', '=', inA.id).executeTakeFirstOrThrow()).route_due;

    // Four working days before the routing deadline: outside the default window of three.
    const early = await sweepReportReminders(t.ctx, { today: cal.addWorkingDays(routeDue, -4) });
    expect(early.created).toBe(0);
    expect((await get(a)).unread).toBe(0);

    const soon = cal.addWorkingDays(routeDue, -2);
    const first = await sweepReportReminders(t.ctx, { today: soon });
    expect(first.created).toBeGreaterThanOrEqual(2); // at least one user in each township
    expect((await sweepReportReminders(t.ctx, { today: soon })).created).toBe(0); // idempotent

    const mineA = await get(a);
    expect(mineA.items.map((i) => i.objectId)).toContain(inA.id);
    expect(mineA.items.map((i) => i.objectId)).not.toContain(inB.id);
    const itemA = mineA.items.find((i) => i.objectId === inA.id)!;
    expect(itemA).toMatchObject({ kind: 'reports.deadline.dueSoon', link: `/reports/${inA.id}`, params: { deadline: 'route', due: routeDue } });
    expect((await get(b)).items.map((i) => i.objectId)).not.toContain(inA.id);
    // The county intake office is not the handling unit of these two reports.
    expect((await get(intake)).items.map((i) => i.objectId)).not.toContain(inA.id);

    // Another user's notification cannot be marked; one's own can.
    expect((await read(b, { ids: [itemA.id] })).json()).toEqual({ marked: 0 });
    const unreadBefore = mineA.unread;
    expect((await read(a, { ids: [itemA.id] })).json()).toEqual({ marked: 1 });
    expect((await get(a)).unread).toBe(unreadBefore - 1);
    expect((await read(a, {})).statusCode).toBe(400);

    // Past the deadline: a new, overdue reminder (the due-soon one stays read).
    const late = await sweepReportReminders(t.ctx, { today: cal.addWorkingDays(routeDue, 1) });
    expect(late.created).toBeGreaterThanOrEqual(2);
    const afterA = await get(a);
    expect(afterA.items.filter((i) => i.objectId === inA.id).map((i) => i.kind).sort()).toEqual(['reports.deadline.dueSoon', 'reports.deadline.overdue']);
    expect((await read(a, { all: true })).json().marked).toBeGreaterThanOrEqual(1);
    expect((await get(a)).unread).toBe(0);
  });

  it('follows the report when it is transferred to another unit', async () => {
    const cal = await loadCalendar(t.ctx.db);
    const r = await reportIn(towns[0], '提醒测试丙');
    await t.ctx.db.updateTable('reports').set({ unit_id: towns[1].id }).where('id', '=', r.id).execute();
    const routeDue = (await t.ctx.db.selectFrom('reports').select('route_due').where('id', '=', r.id).executeTakeFirstOrThrow()).route_due;
    await sweepReportReminders(t.ctx, { today: cal.addWorkingDays(routeDue, -1) });
    expect((await get(b)).items.map((i) => i.objectId)).toContain(r.id);
    expect((await get(a)).items.map((i) => i.objectId)).not.toContain(r.id);
  });

  it('refuses to list without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
