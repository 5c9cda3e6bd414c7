import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../platform/calendar/dates';
import { createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { ensureCasesRoles } from './permissions';
import { loadClock } from './ruleTableService';
import { newOfficial, unitId, userId } from './testing/fixtures';

/** 留置 特别延长 and the 24-hour notice (监察法（2024） 第四十八条、第五十条); independent 复审/复核 handlers and the statement. */
let t: TestApp;
const c: Record<string, string> = {};
const ids: Record<string, string> = {};
const api = (method: string, url: string, payload?: unknown) => injectAs(t, c.cases, method, url, payload);
const keys = issueKeys;
const messages = (res: { json(): { issues?: Array<{ message: string }> } }) => (res.json().issues ?? []).map((i) => i.message).join('\n');

interface Measure { id: string; due_on: string; extensions: Array<{ approvalRef: string; special?: true }>; noticeState: string | null; noticeDueAt: string | null; notices: unknown[] }
interface Warning { measureId?: string; ruleKey: string; due: string; state: string; dueAt?: string; source: string }

beforeAll(async () => {
  t = await createTestApp();
  await ensureCasesRoles(t.ctx.db);
  c.cases = await t.login('cases');
  for (const who of ['cases', 'cdi', 'intake', 't530125103']) ids[who] = await userId(t, who);
  ids.cdiUnit = await unitId(t, '530125CDI');
}, 60_000);
afterAll(async () => { await t?.close(); });

async function openCase(openedOn: string, team: Array<{ userId: string; role: 'investigator' | 'reviewer' }> = []) {
  const o = await newOfficial(t, '530125102');
  const res = await api('POST', '/api/v1/cases/cases', {
    title: '留置测试', unitId: ids.cdiUnit, caseTypeCode: 'economic.bribeTaking', openedOn, approverId: ids.cdi, subjects: [{ officialId: o.id, personCategory: 'civilServant' }], team,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, subjectId: res.json().subjects[0].id as string, officialId: o.id };
}

const warnings = async () => (await api('GET', '/api/v1/cases/deadlines?state=all')).json().items as Warning[];

describe('留置 特别延长', () => {
  it('is refused before the ordinary extension and without the ≥10-year confirmation, adds 2 months without roll-over once, then refuses again', async () => {
    const k = await openCase('2026-01-15');
    const base = `/api/v1/cases/cases/${k.id}/measures`;
    const started = await api('POST', base, { subjectId: k.subjectId, kind: 'detention', startedOn: '2026-02-01', approvalRef: '昆纪留〔2026〕5号' });
    expect(started.statusCode, started.body).toBe(201);
    const m = started.json().measures[0] as Measure;
    expect(m.due_on).toBe('2026-05-01');
    const special = `${base}/${m.id}/special-extension`;
    const body = { approvedOn: '2026-04-20', approvalRef: '国监批〔2026〕1号', tenYearSentencePossible: true };

    const tooEarly = await api('POST', special, body);
    expect(tooEarly.statusCode).toBe(400);
    expect(keys(tooEarly)).toEqual(['cases.detention.specialBeforeExtension']);
    expect(messages(tooEarly)).toContain('第四十八条');

    const ext = await api('POST', `${base}/${m.id}/extensions`, { approvedOn: '2026-04-20', approvalRef: '市纪批〔2026〕7号' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().measures[0].due_on).toBe('2026-08-01');

    const unconfirmed = await api('POST', special, { ...body, approvedOn: '2026-07-20', tenYearSentencePossible: false });
    expect(unconfirmed.statusCode).toBe(400);
    expect(keys(unconfirmed)).toEqual(['cases.detention.tenYearsRequired']);
    expect(unconfirmed.json().issues[0].field).toBe('body.tenYearSentencePossible');
    expect(messages(unconfirmed)).toContain('可能判处十年有期徒刑以上');
    expect(keys(await api('POST', special, { approvedOn: '2026-07-20', approvalRef: '国监批〔2026〕1号' }))).toEqual(['field.required']);

    const done = await api('POST', special, { ...body, approvedOn: '2026-07-20' });
    expect(done.statusCode, done.body).toBe(200);
    const after = done.json().measures[0] as Measure;
    // 2026-02-01 + 3 months = 05-01, + 3 = 08-01, + 2 = 10-01 (实施条例 第二百八十五条: corresponding day). 10-01 is the
    // National Day holiday: a rolled-over limit would move, the 留置 limit does not.
    const { calendar } = await loadClock(t.ctx.db, '530125');
    const expected = calendar.addMonths(calendar.addMonths(calendar.addMonths('2026-02-01', 3, { rollOver: false }), 3, { rollOver: false }), 2, { rollOver: false });
    expect(expected).toBe('2026-10-01');
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(after.due_on).toBe(expected);
    expect(after.extensions).toEqual([
      expect.objectContaining({ approvalRef: '市纪批〔2026〕7号' }),
      expect.objectContaining({ approvalRef: '国监批〔2026〕1号', approvedOn: '2026-07-20', special: true, tenYearSentencePossible: true, amount: 2, unit: 'months' }),
    ]);
    expect((await warnings()).find((w) => w.measureId === m.id && w.ruleKey !== 'detentionNotice'))
      .toMatchObject({ ruleKey: 'detentionSpecialExtension', due: '2026-10-01', source: '监察法（2024） 第四十八条' });

    const again = await api('POST', special, { ...body, approvedOn: '2026-09-01', approvalRef: '再次' });
    expect(keys(again)).toEqual(['cases.detention.specialAlready']);
    expect(messages(again)).toContain('第四十八条');
    expect(keys(await api('POST', `${base}/${m.id}/extensions`, { approvedOn: '2026-09-01', approvalRef: '再延' }))).toEqual(['cases.deadline.tooManyExtensions']);
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', k.id).where('action', '=', 'cases.measure.specialExtend').execute();
    expect(audits).toHaveLength(1);
  });

  it('is refused for a measure other than 留置', async () => {
    const k = await openCase('2026-03-02');
    const res = await api('POST', `/api/v1/cases/cases/${k.id}/measures`, { subjectId: k.subjectId, kind: 'exitRestriction', startedOn: '2026-03-05', approvalRef: '限出2号' });
    const m = res.json().measures[0] as Measure;
    const refused = await api('POST', `/api/v1/cases/cases/${k.id}/measures/${m.id}/special-extension`, { approvedOn: '2026-03-06', approvalRef: 'x', tenYearSentencePossible: true });
    expect(keys(refused)).toEqual(['cases.detention.specialOnlyDetention']);
  });
});

describe('留置 notice to the unit and family within 24 hours', () => {
  it('is overdue 24 h after the start until both are notified (or a withholding is recorded), in the case file and the deadline list', async () => {
    const k = await openCase('2026-03-02');
    const base = `/api/v1/cases/cases/${k.id}/measures`;
    const wrongDay = await api('POST', base, { subjectId: k.subjectId, kind: 'detention', startedOn: '2026-03-10', startedAt: '2026-03-11T09:30:00+08:00', approvalRef: '昆纪留〔2026〕8号' });
    expect(keys(wrongDay)).toEqual(['cases.detention.startedAtDate']);
    const started = await api('POST', base, { subjectId: k.subjectId, kind: 'detention', startedOn: '2026-03-10', startedAt: '2026-03-10T09:30:00+08:00', approvalRef: '昆纪留〔2026〕8号' });
    expect(started.statusCode, started.body).toBe(201);
    const m = started.json().measures[0] as Measure;
    expect(m).toMatchObject({ noticeState: 'overdue', noticeDueAt: '2026-03-11T01:30:00.000Z', notices: [] });
    expect((await warnings()).find((w) => w.measureId === m.id && w.ruleKey === 'detentionNotice'))
      .toMatchObject({ due: '2026-03-11', dueAt: '2026-03-11T01:30:00.000Z', state: 'overdue', source: '监察法（2024） 第五十条' });

    const notices = `${base}/${m.id}/notices`;
    expect(keys(await api('POST', notices, { party: 'unit', notifiedAt: '2026-03-10T15:00:00+08:00' }))).toEqual(['cases.detention.noticeNeedsMethod']);
    expect(keys(await api('POST', notices, { party: 'unit' }))).toEqual(['cases.detention.noticeOrReason']);
    const early = await api('POST', notices, { party: 'unit', notifiedAt: '2026-03-10T08:00:00+08:00', noticeMethod: '电话' });
    expect(keys(early)).toEqual(['cases.detention.noticeBeforeStart']);
    expect(messages(early)).toContain('2026-03-10 09:30');

    const unit = await api('POST', notices, { party: 'unit', notifiedAt: '2026-03-10T15:00:00+08:00', noticeMethod: '书面通知', note: '送达单位党委办公室' });
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json().measures[0].noticeState).toBe('overdue');
    expect((await warnings()).some((w) => w.measureId === m.id && w.ruleKey === 'detentionNotice')).toBe(true);

    const withheld = await api('POST', notices, { party: 'family', withheldReason: '有碍调查：可能串供' });
    expect(withheld.statusCode, withheld.body).toBe(200);
    expect(withheld.json().measures[0]).toMatchObject({ noticeState: 'withheld' });
    expect((await warnings()).some((w) => w.measureId === m.id && w.ruleKey === 'detentionNotice')).toBe(false);

    const family = await api('POST', notices, { party: 'family', notifiedAt: '2026-03-20T10:00:00+08:00', noticeMethod: '电话' });
    const shown = family.json().measures[0];
    expect(shown.noticeState).toBe('late');
    expect(shown.notices).toEqual([
      expect.objectContaining({ party: 'family', method: '电话', withheldReason: '有碍调查：可能串供' }),
      expect.objectContaining({ party: 'unit', method: '书面通知', note: '送达单位党委办公室', withheldReason: null }),
    ]);
    const events = family.json().events.map((e: { kind: string }) => e.kind);
    // The timeline is in date order: the withholding is dated the day it was recorded.
    expect(events.filter((e: string) => e.startsWith('detentionNot')).sort()).toEqual(['detentionNoticeWithheld', 'detentionNotified', 'detentionNotified']);
  });

  it('is pending within 24 h and notified in time when both are told; only a 留置 takes a notice', async () => {
    const k = await openCase('2026-03-02');
    const base = `/api/v1/cases/cases/${k.id}/measures`;
    const now = new Date();
    const started = await api('POST', base, { subjectId: k.subjectId, kind: 'detention', startedOn: todayInShanghai(now), startedAt: now.toISOString(), approvalRef: '昆纪留〔2026〕9号' });
    expect(started.statusCode, started.body).toBe(201);
    const m = started.json().measures[0] as Measure;
    expect(m.noticeState).toBe('pending');
    expect((await warnings()).find((w) => w.measureId === m.id && w.ruleKey === 'detentionNotice')).toMatchObject({ state: 'dueSoon' });
    for (const party of ['unit', 'family']) {
      const r = await api('POST', `${base}/${m.id}/notices`, { party, notifiedAt: now.toISOString(), noticeMethod: '当面告知' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await api('GET', `/api/v1/cases/cases/${k.id}`)).json().measures[0].noticeState).toBe('notified');
    expect((await warnings()).some((w) => w.measureId === m.id && w.ruleKey === 'detentionNotice')).toBe(false);

    const other = await api('POST', base, { subjectId: k.subjectId, kind: 'search', startedOn: '2026-03-05', approvalRef: '搜查证2号' });
    const search = (other.json().measures as Array<Measure & { kind: string }>).find((x) => x.kind === 'search')!;
    expect(search.noticeState).toBeNull();
    expect(keys(await api('POST', `${base}/${search.id}/notices`, { party: 'unit', withheldReason: 'x' }))).toEqual(['cases.detention.notDetention']);
  });
});

describe('复审/复核 handlers and statement', () => {
  it('refuses a handler from the original case team or its approver, naming the person; accepts another and stores the statement', async () => {
    const k = await openCase('2026-03-02', [{ userId: ids.intake, role: 'reviewer' }]);
    const o = await t.ctx.db.insertInto('case_outcomes').values({
      case_id: k.id, subject_id: k.subjectId, official_id: k.officialId, type: 'sanction', track: 'admin', kind: 'demerit', decided_on: '2026-06-01', effect_until: '2027-06-01',
      detail: JSON.stringify({ outcome: { type: 'sanction', sanction: { track: 'admin', kind: 'demerit' } } }),
    }).returning('id').executeTakeFirstOrThrow();
    const url = `/api/v1/cases/cases/${k.id}/subjects/${k.subjectId}/outcomes/${o.id}/reviews`;
    const base = { level: 'reexamination', decisionReceivedOn: '2026-06-03', appliedOn: '2026-06-10', statement: '认为情节认定过重，请求从轻' };

    const investigator = await api('POST', url, { ...base, handlerIds: [ids.cases] });
    expect(investigator.statusCode).toBe(400);
    expect(keys(investigator)).toEqual(['cases.review.handlerOnCase']);
    expect(investigator.json().issues[0].field).toBe('body.handlerIds');
    expect(messages(investigator)).toContain('复审复核承办人员');
    expect(messages(investigator)).toContain('审查调查室');
    expect(messages(investigator)).toContain('调查人员');
    const two = await api('POST', url, { ...base, handlerIds: [ids.intake, ids.cdi, ids.t530125103] });
    expect(keys(two)).toEqual(['cases.review.handlerOnCase', 'cases.review.handlerOnCase']);
    expect(messages(two)).toContain('信访室曾担任原案审理人员');
    expect(messages(two)).toContain('县纪委监委领导曾担任原案立案审批人');
    expect(keys(await api('POST', url, { ...base, handlerIds: ['00000000-0000-4000-8000-000000000000'] }))).toEqual(['cases.review.handlerNotFound']);
    expect(await t.ctx.db.selectFrom('case_reviews').select('id').where('case_id', '=', k.id).execute()).toEqual([]);

    const applied = await api('POST', url, { ...base, handlerIds: [ids.t530125103] });
    expect(applied.statusCode, applied.body).toBe(201);
    const review = applied.json().reviews[0];
    expect(review).toMatchObject({ statement: '认为情节认定过重，请求从轻', handler_ids: [ids.t530125103], handlers: [{ id: ids.t530125103, displayName: expect.stringContaining('纪委') }] });
    const read = (await api('GET', `/api/v1/cases/cases/${k.id}`)).json().reviews[0];
    expect(read.statement).toBe('认为情节认定过重，请求从轻');
  });
});
