import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { addCalendarDays, todayInShanghai } from '../../platform/calendar/dates';
import { emptyScope } from '../../platform/scope/actor';
import { parsePeriod } from '../analysis/periods';
import { countyActor, metricDefinition } from '../analysis/registry';
import { createDemoDuty } from './demo';

/**
 * The duty module through its API on the demo county: township data scope on tasks, overdue, reports heard,
 * appraisal uniqueness and the closed round, the three analysis figures against independent SQL, the demo data.
 */
let t: TestApp;
const c: Record<'cdi' | 'a' | 'b' | 'admin' | 'intake', string> = { cdi: '', a: '', b: '', admin: '', intake: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const unitIds: Record<string, string> = {};
const secretaries: Array<{ id: string; name: string; unitId: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  await createDemoDuty(t.ctx.db, '530125');
  [c.cdi, c.a, c.b, c.admin, c.intake] = await Promise.all([t.login('cdi'), t.login('t530125102'), t.login('t530125103'), t.login('admin'), t.login('intake')]);
  for (const code of ['530125102', '530125103']) unitIds[code] = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const res = await injectAs(t, c.cdi, 'GET', '/api/v1/duty/secretaries');
  expect(res.statusCode, res.body).toBe(200);
  secretaries.push(...res.json().items);
}, 180_000);
afterAll(async () => { await t?.close(); });

const newTask = (units: string[], deadline: string, title = '测试：落实“一岗双责”责任清单') =>
  injectAs(t, c.cdi, 'POST', '/api/v1/duty/tasks', { year, title, content: '逐级签订责任书', leadLeader: '王某某', unitIds: units, assignedOn: `${year}-01-05`, deadline });

describe('责任分解 tasks', () => {
  it('creates one row per responsible unit; a township sees and completes only its own; another township cannot', async () => {
    const res = await newTask([unitIds['530125102'], unitIds['530125103']], `${year}-12-31`);
    expect(res.statusCode, res.body).toBe(201);
    const [own, other] = res.json().items as Array<{ id: string; unitId: string; status: string }>;
    expect(own).toEqual(expect.objectContaining({ unitId: unitIds['530125102'], status: 'pending', overdue: false }));
    const listA = (await injectAs(t, c.a, 'GET', '/api/v1/duty/tasks?pageSize=200')).json();
    expect(listA.items.map((i: { id: string }) => i.id)).toContain(own.id);
    expect(listA.items.map((i: { id: string }) => i.id)).not.toContain(other.id);
    const pathA = (await t.ctx.db.selectFrom('units').select('path').where('code', '=', '530125102').executeTakeFirstOrThrow()).path;
    const paths = await t.ctx.db.selectFrom('units').select('path').where('id', 'in', listA.items.map((i: { unitId: string }) => i.unitId)).execute();
    expect(paths.every((p) => p.path.startsWith(pathA))).toBe(true);
    // Township B can neither read nor complete A's task; nothing changes.
    expect((await injectAs(t, c.b, 'GET', `/api/v1/duty/tasks/${own.id}`)).statusCode).toBe(404);
    expect((await injectAs(t, c.b, 'POST', `/api/v1/duty/tasks/${own.id}/complete`, { completionNote: '越权', completedOn: today })).statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('duty_tasks').select('status').where('id', '=', own.id).executeTakeFirstOrThrow()).status).toBe('pending');
    // A township cannot assign tasks; the system administrator sees none.
    expect((await injectAs(t, c.a, 'POST', '/api/v1/duty/tasks', { year, title: 'x', unitIds: [unitIds['530125102']], deadline: `${year}-12-31` })).statusCode).toBe(403);
    expect((await injectAs(t, c.admin, 'GET', '/api/v1/duty/tasks')).statusCode).toBe(403);

    const done = await injectAs(t, c.a, 'POST', `/api/v1/duty/tasks/${own.id}/complete`, { completionNote: '已签订责任书23份', completedOn: today });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual(expect.objectContaining({ status: 'done', completedOn: today, completedByName: expect.stringContaining('纪委') }));
    const again = await injectAs(t, c.a, 'POST', `/api/v1/duty/tasks/${own.id}/complete`, { completionNote: '再次', completedOn: today });
    expect(again.statusCode).toBe(409);
    expect(issueKeys(again)).toEqual(['duty.alreadyDone']);
  });

  it('refuses a deadline before the assignment date and a future completion date, naming the field, writing nothing', async () => {
    const before = { tasks: await countRows(t.ctx, 'duty_tasks'), audit: await countRows(t.ctx, 'audit_log') };
    const early = await newTask([unitIds['530125102']], `${year - 1}-12-31`);
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0].field).toBe('body.deadline');
    expect(early.json().issues[0].message).toContain('完成时限');
    const noUnits = await injectAs(t, c.cdi, 'POST', '/api/v1/duty/tasks', { year, title: '无责任单位', unitIds: [], deadline: `${year}-12-31` });
    expect(noUnits.statusCode).toBe(400);
    expect(noUnits.json().issues[0].message).toContain('责任单位');
    expect({ tasks: await countRows(t.ctx, 'duty_tasks'), audit: await countRows(t.ctx, 'audit_log') }).toEqual(before);
    const task = (await newTask([unitIds['530125102']], `${year}-12-31`)).json().items[0];
    const future = await injectAs(t, c.a, 'POST', `/api/v1/duty/tasks/${task.id}/complete`, { completionNote: '已完成', completedOn: addCalendarDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].message).toContain('完成日期');
  });

  it('computes overdue: pending past the deadline, not once done; the filter lists exactly those', async () => {
    const yesterday = addCalendarDays(today, -1);
    const [late] = (await newTask([unitIds['530125103']], yesterday, '测试：逾期任务')).json().items;
    const [due] = (await newTask([unitIds['530125103']], today, '测试：今日到期任务')).json().items;
    expect(late.overdue).toBe(true);
    expect(due.overdue).toBe(false);
    const overdue = (await injectAs(t, c.b, 'GET', '/api/v1/duty/tasks?overdue=true&pageSize=200')).json();
    const ids = overdue.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(due.id);
    expect(overdue.items.every((i: { overdue: boolean; status: string; deadline: string }) => i.overdue && i.status === 'pending' && i.deadline < today)).toBe(true);
    expect(overdue.overdue).toBe(overdue.total);
    const done = await injectAs(t, c.b, 'POST', `/api/v1/duty/tasks/${late.id}/complete`, { completionNote: '补办完成', completedOn: today });
    expect(done.json().overdue).toBe(false);
  });
});

describe('履职情况汇报 and 评议', () => {
  it('records a meeting with secretaries\' reports, once each, and only township officials', async () => {
    expect(secretaries.length).toBeGreaterThanOrEqual(5);
    const future = await injectAs(t, c.cdi, 'POST', '/api/v1/duty/meetings', { meetingName: '测试：未来季度', heldOn: today, reviewedQuarter: `${year + 1}Q1` });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0]).toMatchObject({ field: 'body.reviewedQuarter', key: 'duty.quarterAfterMeeting' });
    expect(future.json().issues[0].message).toContain('所分析季度');
    const m = await injectAs(t, c.cdi, 'POST', '/api/v1/duty/meetings', { meetingName: '测试：第四季度形势分析会', heldOn: today });
    expect(m.statusCode, m.body).toBe(201);
    const id = m.json().id;
    const r1 = await injectAs(t, c.cdi, 'POST', `/api/v1/duty/meetings/${id}/reports`, { officialId: secretaries[0].id, summary: '认真履行主体责任' });
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json().reports).toHaveLength(1);
    const dup = await injectAs(t, c.cdi, 'POST', `/api/v1/duty/meetings/${id}/reports`, { officialId: secretaries[0].id, summary: '再次' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().issues[0].message).toContain('汇报人');
    const cdiOfficial = await t.ctx.db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select('o.id').where('u.kind', '=', 'cdi').executeTakeFirstOrThrow();
    const notTown = await injectAs(t, c.cdi, 'POST', `/api/v1/duty/meetings/${id}/reports`, { officialId: cdiOfficial.id, summary: '县纪委干部' });
    expect(notTown.statusCode).toBe(400);
    expect(issueKeys(notTown)).toEqual(['duty.notSecretary']);
    // A township sees the county's meeting but only its own secretary's report.
    const other = secretaries.find((s) => s.unitId !== unitIds['530125102'] && s.unitId !== secretaries[0].unitId)!;
    await injectAs(t, c.cdi, 'POST', `/api/v1/duty/meetings/${id}/reports`, { officialId: other.id, summary: '加强村级监督' });
    const seenByA = (await injectAs(t, c.a, 'GET', `/api/v1/duty/meetings/${id}`)).json();
    expect(seenByA.reports.every((r: { unitId: string }) => r.unitId === unitIds['530125102'])).toBe(true);
  });

  it('an appraiser rates each secretary once; a closed round refuses ratings with the field named', async () => {
    const round = await injectAs(t, c.cdi, 'POST', '/api/v1/duty/rounds', { roundName: '测试评议', heldOn: today });
    expect(round.statusCode, round.body).toBe(201);
    const r = round.json();
    expect(r.results.length).toBe(secretaries.length);
    const [s1, s2] = r.results as Array<{ subjectId: string; officialName: string }>;
    const rate = (cookie: string, ratings: unknown) => injectAs(t, cookie, 'POST', `/api/v1/duty/rounds/${r.id}/ratings`, { ratings });
    const first = await rate(c.cdi, [{ subjectId: s1.subjectId, rating: 'good' }, { subjectId: s2.subjectId, rating: 'average' }]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results.find((x: { subjectId: string }) => x.subjectId === s1.subjectId)).toEqual(expect.objectContaining({ mine: 'good', total: 1, goodShare: 100, rank: 1 }));
    const before = await countRows(t.ctx, 'duty_appraisals');
    const twice = await rate(c.cdi, [{ subjectId: s2.subjectId, rating: 'good' }]);
    expect(twice.statusCode).toBe(409);
    expect(issueKeys(twice)).toEqual(['duty.alreadyRated']);
    expect(twice.json().issues[0].message).toContain(s2.officialName);
    expect(await countRows(t.ctx, 'duty_appraisals')).toBe(before);
    // The unique key holds even past the service check.
    const appraiser = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirstOrThrow();
    await expect(t.ctx.db.insertInto('duty_appraisals').values({ county_code: '530125', unit_id: secretaries[0].unitId, round_id: r.id, subject_id: s1.subjectId,
      appraiser_id: appraiser.id, rating: 'poor' }).execute()).rejects.toThrow();
    // Without the appraise permission: refused.
    expect((await rate(c.intake, [{ subjectId: s1.subjectId, rating: 'good' }])).statusCode).toBe(403);
    expect((await injectAs(t, c.a, 'POST', `/api/v1/duty/rounds/${r.id}/close`)).statusCode).toBe(403);
    const closed = await injectAs(t, c.cdi, 'POST', `/api/v1/duty/rounds/${r.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const late = await rate(c.cdi, [{ subjectId: r.results[2].subjectId, rating: 'good' }]);
    expect(late.statusCode).toBe(409);
    expect(issueKeys(late)).toEqual(['duty.roundClosed']);
    expect(late.json().issues[0].field).toBe('body.ratings');
    expect(late.json().issues[0].message).toContain('评议结果');
    expect(await countRows(t.ctx, 'duty_appraisals')).toBe(before);
  });

  it('ranks the demo round by share of 好 with counts adding up to the ratings', async () => {
    const rounds = (await injectAs(t, c.cdi, 'GET', '/api/v1/duty/rounds')).json().items as Array<{ id: string; roundName: string; appraisers: number }>;
    const demo = rounds.find((x) => x.roundName.includes('一岗双责'))!;
    expect(demo.appraisers).toBe(8);
    const v = (await injectAs(t, c.cdi, 'GET', `/api/v1/duty/rounds/${demo.id}`)).json();
    const n = await sql<{ n: number }>`select count(*)::int as n from duty_appraisals where round_id = ${demo.id}`.execute(t.ctx.db);
    expect(v.results.reduce((s: number, x: { total: number }) => s + x.total, 0)).toBe(n.rows[0].n);
    const byRank = [...v.results].sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) expect(byRank[i].goodShare).toBeLessThanOrEqual(byRank[i - 1].goodShare);
    expect(byRank[0].rank).toBe(1);
  });
});

describe('analysis figures', () => {
  async function expected(from: string, to: string) {
    // A meeting's reports count in the quarter it analyses (the first-quarter meeting is held in April), else on its day.
    const reports = await sql<{ id: string; official_id: string; held_on: string; reviewed_quarter: string | null }>`select r.id, r.official_id, m.held_on, m.reviewed_quarter
      from duty_reports r join duty_meetings m on m.id = r.meeting_id where r.county_code = '530125' order by r.official_id, m.held_on desc, r.id`.execute(t.ctx.db);
    const latest = new Map<string, string>();
    for (const r of reports.rows) {
      const on = r.reviewed_quarter ? parsePeriod(r.reviewed_quarter).from : r.held_on;
      if (on >= from && on < to && !latest.has(r.official_id)) latest.set(r.official_id, r.id);
    }
    const heard = { rows: [...latest.values()].map((id) => ({ id })) };
    const appraised = await sql<{ id: string }>`select distinct on (s.official_id) s.id from duty_appraisal_subjects s join duty_appraisal_rounds ar on ar.id = s.round_id
      where s.county_code = '530125' and ar.held_on >= ${from} and ar.held_on < ${to} and s.id in (select subject_id from duty_appraisals)
      order by s.official_id, ar.held_on desc, s.id`.execute(t.ctx.db);
    const end = to < today ? to : today;
    const doneBy = to <= today ? to : addCalendarDays(today, 1);
    const overdue = await sql<{ id: string }>`select id from duty_tasks where county_code = '530125' and assigned_on < ${doneBy} and deadline < ${end}
      and (completed_on is null or completed_on >= ${doneBy})`.execute(t.ctx.db);
    const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
    return { heard: ids(heard.rows), appraised: ids(appraised.rows), overdue: ids(overdue.rows) };
  }

  for (const label of ['first quarter', 'this year to date', 'first half']) {
    it(`equal independent SQL counts with their ids (${label})`, async () => {
      const period = parsePeriod(label === 'first quarter' ? `${year}Q1` : label === 'first half' ? `${year}H1` : `${year}-01-01..${today}`);
      const want = await expected(period.from, period.to);
      const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
      const got: Record<string, Set<string>> = {};
      for (const [k, key] of [['heard', 'secretaryReportsHeard'], ['appraised', 'appraised'], ['overdue', 'tasks.overdue']] as const) {
        const v = await metricDefinition(`duty.${key}`)!.compute(q);
        expect(v.value).toBe(v.recordIds.length);
        expect(v.breakdown!.township.reduce((n, g) => n + g.value, 0)).toBe(v.value);
        got[k] = new Set(v.recordIds);
      }
      expect(got).toEqual(want);
      // The demo's first-quarter meeting is held in April and still counts in the first quarter.
      expect(want.heard.size).toBeGreaterThanOrEqual(3);
      if (label === 'this year to date') expect(want.overdue.size).toBeGreaterThan(0);
      const none = await metricDefinition('duty.secretaryReportsHeard')!.compute({ ...q, actor: { scope: emptyScope(), userId: 'x' } });
      expect(none.value).toBe(0);
    });
  }

  it('answers through the API with a value (not unavailable) and drills down to the reports', async () => {
    const res = await injectAs(t, c.cdi, 'GET', `/api/v1/analysis/metrics?period=${year}&keys=duty.secretaryReportsHeard,duty.tasks.overdue,duty.appraised`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json().metrics;
    expect(m['duty.secretaryReportsHeard']).toEqual(expect.objectContaining({ unit: '名', value: expect.any(Number) }));
    expect(m['duty.secretaryReportsHeard'].value).toBeGreaterThanOrEqual(7);
    expect(m['duty.tasks.overdue'].value).toBeGreaterThan(0);
    const records = await injectAs(t, c.cdi, 'GET', `/api/v1/analysis/metrics/duty.secretaryReportsHeard/records?period=${year}`);
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json().items[0].link).toMatch(/^\/duty\/meetings\//);
  });
});

describe('demo data', () => {
  it('loads ~20 tasks (most done, some overdue), two meetings with 3–4 reports each and a closed round rated by 8 users', async () => {
    const tasks = await t.ctx.db.selectFrom('duty_tasks').select(['status', 'deadline', 'title']).where('title', 'not like', '测试%').execute();
    expect(tasks.length).toBeGreaterThanOrEqual(18);
    expect(tasks.filter((x) => x.status === 'done').length).toBeGreaterThan(tasks.length / 2);
    expect(tasks.some((x) => x.status === 'pending' && x.deadline < today)).toBe(true);
    const meetings = await t.ctx.db.selectFrom('duty_meetings').select(['id', 'name']).where('name', 'like', '第%季度%').execute();
    expect(meetings.map((m) => m.name.slice(0, 3)).sort()).toEqual(['第一季', '第三季']);
    for (const m of meetings) {
      const n = (await t.ctx.db.selectFrom('duty_reports').select('id').where('meeting_id', '=', m.id).execute()).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(4);
    }
    expect(await createDemoDuty(t.ctx.db, '530125')).toEqual(expect.objectContaining({ tasks: 0 }));
  });
});
