import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, type TestApp } from '../../../test/helpers';
import { invalidateCalendar } from '../../platform/calendar/calendarRepository';
import { ensureCasesRoles } from './permissions';
import { newOfficial, unitId, userId } from './testing/fixtures';

/** Deadlines follow the office's versions of the rule table and of the statutory calendar, without code. */
let t: TestApp;
let cases = '';
let cdi = '';
let cdiUnit = '';
let approver = '';
const api = (method: string, url: string, cookie: string, payload?: unknown) => injectAs(t, cookie, method, url, payload);

beforeAll(async () => {
  t = await createTestApp();
  await ensureCasesRoles(t.ctx.db);
  cases = await t.login('cases');
  cdi = await t.login('cdi');
  cdiUnit = await unitId(t, '530125CDI');
  approver = await userId(t, 'cdi');
}, 60_000);
afterAll(async () => { await t?.close(); });

async function inquiryDue(servedOn: string): Promise<string> {
  const o = await newOfficial(t, '530125103');
  const clue = (await api('POST', '/api/v1/cases/clues', cases, { title: '规则测试', receivedOn: '2026-01-05', unitId: cdiUnit, sources: [{ type: 'audit' }], accused: [o.id] })).json();
  await api('POST', `/api/v1/cases/clues/${clue.id}/disposal`, cases, { disposal: 'inquiry', opinion: '函询', decidedOn: '2026-01-06', approverId: approver });
  return (await api('POST', `/api/v1/cases/clues/${clue.id}/inquiry`, cases, { servedOn })).json().inquiry_reply_due;
}

describe('office rule table and calendar', () => {
  it('computes the inquiry reply limit from the built-in rule, then from an office override; bad overrides are refused whole', async () => {
    expect(await inquiryDue('2026-01-20')).toBe('2026-02-10');
    const bad = await api('PUT', '/api/v1/cases/rules', cdi, { overrides: [{ key: 'inquiryReply', period: { amount: 10, unit: 'workingDays' } }, { key: 'noSuchRule' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { key: string }) => i.key)).toEqual(['cases.ruleTable.unknownKey']);
    expect((await api('GET', '/api/v1/cases/rules', cases)).json().overrides).toEqual([]);
    const okRes = await api('PUT', '/api/v1/cases/rules', cdi, { overrides: [{ key: 'inquiryReply', period: { amount: 10, unit: 'workingDays' }, confirmedBy: '县纪委常委会', confirmedOn: '2026-01-15' }] });
    expect(okRes.statusCode, okRes.body).toBe(200);
    expect(okRes.json().rules.find((r: { key: string }) => r.key === 'inquiryReply')).toMatchObject({ period: { amount: 10 }, confirmedBy: '县纪委常委会' });
    expect(await inquiryDue('2026-01-20')).toBe('2026-02-03');
    expect((await api('PUT', '/api/v1/cases/rules', cases, { overrides: [] })).statusCode).toBe(403);
    await api('PUT', '/api/v1/cases/rules', cdi, { overrides: [] });
  });

  it('moves a due date when the office records an extra holiday in its calendar', async () => {
    await t.ctx.db.insertInto('calendar_overrides').values({ date: '2026-01-30', kind: 'holiday', name: '地方性假日（测试）' }).execute();
    invalidateCalendar(t.ctx.db);
    expect(await inquiryDue('2026-01-20')).toBe('2026-02-11');
  });
});
