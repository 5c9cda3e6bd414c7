import type { LightMyRequestResponse } from 'fastify';
import type { ScopedOp } from '../../../platform/http/route';
import { loadCalendar } from '../../../platform/calendar/calendarRepository';
import { todayInShanghai } from '../../../platform/calendar';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { TestApp } from '../../../../test/helpers';
import { insertReport } from '../intakeService';

/**
 * Scope fixtures for reports: a report handled by township B. Each op's probe tries every route of that op
 * and counts as "reached" if any of them succeeds, so township A must fail on all of them.
 */
type Inject = (req: { method: string; url: string; payload?: unknown }) => Promise<LightMyRequestResponse>;
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
let seq = 0;

async function reportIn(t: TestApp, townshipCode: string): Promise<Record<string, string>> {
  const unit = await t.ctx.db.selectFrom('units').select(['id', 'county_code']).where('code', '=', townshipCode).executeTakeFirstOrThrow();
  const cal = await loadCalendar(t.ctx.db);
  const title = `范围测试举报${++seq}`;
  const r = await t.ctx.db.transaction().execute((trx) => insertReport(trx, t.ctx, cal, {
    countyCode: unit.county_code, unitId: unit.id, channel: 'letter', kind: 'appeal', title, content: '关于低保评定不公的反映', townshipCode,
    reporter: { name: '张某某', phone: '13800000000' }, receivedOn: todayInShanghai(), createdBy: null,
  }));
  return { id: r.id, unitId: unit.id, title };
}

const anyOk = async (inject: Inject, reqs: Array<{ method: string; url: string; payload?: unknown }>) => {
  let reached = false;
  for (const r of reqs) if (ok(await inject(r))) reached = true;
  return reached;
};

const snapshot = async (t: TestApp, rec: Record<string, string>) => ({
  report: await t.ctx.db.selectFrom('reports').select(['unit_id', 'status', 'kind', 'category', 'answer', 'result', 'extended_due', 'repeat_of', 'matter_group', 'satisfaction'])
    .where('id', '=', rec.id).executeTakeFirst(),
  events: (await t.ctx.db.selectFrom('report_events').select('id').where('report_id', '=', rec.id).execute()).length,
  messages: (await t.ctx.db.selectFrom('report_messages').select('id').where('report_id', '=', rec.id).execute()).length,
});

const reports: Partial<Record<ScopedOp, ScopeFixture>> = {
  list: {
    setup: reportIn,
    reaches: async (inject, rec) => {
      const res = await inject({ method: 'GET', url: `/api/v1/reports?q=${encodeURIComponent(rec.title)}` });
      const due = await inject({ method: 'GET', url: '/api/v1/reports/deadlines?state=dueSoon&withinWorkingDays=30' });
      const hot = await inject({ method: 'GET', url: `/api/v1/reports/hotspots?period=${todayInShanghai().slice(0, 4)}&minSize=1&limit=50` });
      return (ok(res) && res.json().items.some((i: { id: string }) => i.id === rec.id)) || (ok(due) && due.json().items.some((i: { id: string }) => i.id === rec.id))
        || (ok(hot) && hot.json().items.some((c: { memberIds: string[] }) => c.memberIds.includes(rec.id)));
    },
  },
  read: {
    setup: reportIn,
    reaches: (inject, rec) => anyOk(inject, [
      { method: 'GET', url: `/api/v1/reports/${rec.id}` },
      { method: 'GET', url: `/api/v1/reports/${rec.id}/repeat-candidates` },
      { method: 'GET', url: `/api/v1/reports/${rec.id}/route-suggestion` },
      { method: 'POST', url: `/api/v1/reports/${rec.id}/identity/reveal`, payload: { reason: '范围测试：核实举报人身份' } },
    ]),
  },
  create: {
    setup: reportIn,
    reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/reports', payload: {
      channel: 'visit', kind: 'accusation', title: '来访反映', content: '反映村干部优亲厚友', anonymous: true, unitId: rec.unitId,
    } })),
  },
  update: {
    setup: reportIn, snapshot,
    reaches: async (inject, rec, t) => {
      const other = await reportIn(t, '530125103');
      return anyOk(inject, [
        { method: 'PATCH', url: `/api/v1/reports/${rec.id}/triage`, payload: { category: '范围' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/actions`, payload: { note: '调查' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/supervision`, payload: { note: '督办' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/messages`, payload: { body: '您好' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/reply`, payload: { answer: '答复' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/repeat`, payload: { repeatOf: other.id } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/decision`, payload: { accept: true } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/extensions`, payload: { days: 10, reason: '情况复杂' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/close`, payload: { result: '办结' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/feedback`, payload: { satisfaction: 'satisfied', via: 'phone' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/reopen`, payload: { note: '重新办理' } },
        { method: 'POST', url: `/api/v1/reports/${rec.id}/route`, payload: { unitId: rec.unitId, mode: 'transfer' } },
      ]);
    },
  },
};

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = { reports };
