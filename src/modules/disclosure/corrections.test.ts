import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { addCalendarDays, todayInShanghai } from '../../platform/calendar/dates';
import { dueOn, quarterOf } from './schedule';

/**
 * Correcting a disclosure record: the reason is required and named, bad content changes nothing, a correction
 * moves the matrix cell (a date after the due day makes it 逾期), the record says who corrected it and why, the
 * audit entry keeps the values before, and another township's record cannot be reached.
 */
let t: TestApp;
const c: Record<'cdi' | 'a' | 'b', string> = { cdi: '', a: '', b: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const quarter = `${year - 1}Q3`;
let village = '';
let recordId = '';

beforeAll(async () => {
  t = await createTestApp();
  [c.cdi, c.a, c.b] = await Promise.all([t.login('cdi'), t.login('t530125102'), t.login('t530125103')]);
  const town = await t.ctx.db.selectFrom('units').select('path').where('code', '=', '530125102').executeTakeFirstOrThrow();
  village = (await t.ctx.db.selectFrom('units').select('id').where('kind', '=', 'village').where(sql<boolean>`path like ${`${town.path}%`}`).orderBy('code').executeTakeFirstOrThrow()).id;
  await injectAs(t, c.cdi, 'PUT', '/api/v1/disclosure/settings', { dueDays: 10, firstQuarter: `${year - 1}Q1` });
  const r = await injectAs(t, c.a, 'POST', '/api/v1/disclosure/records', {
    unitId: village, kind: 'village', quarter, disclosedItems: ['finance'], publishedOn: `${year - 1}-10-05`, channels: ['noticeBoard'],
  });
  expect(r.statusCode, r.body).toBe(201);
  recordId = r.json().id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const status = async () => {
  const m = await injectAs(t, c.cdi, 'GET', `/api/v1/disclosure/matrix?kind=village&year=${year - 1}`);
  return (m.json().rows as Array<{ unitId: string; cells: Array<{ period: string; status: string }> }>).find((r) => r.unitId === village)?.cells.find((x) => x.period === quarter)?.status;
};
const fix = (over: object = {}) => ({ disclosedItems: ['finance', 'farmSubsidy'], publishedOn: addCalendarDays(dueOn(quarter, 10), 3), channels: ['noticeBoard', 'website'], correctionReason: '公开日期登记错误，以公开栏照片为准', ...over });

describe('correcting a disclosure record', () => {
  it('refuses a correction without a reason or with an item outside the checklist, naming the field, and changes nothing', async () => {
    expect(await status()).toBe('onTime');
    const before = { audit: await countRows(t.ctx, 'audit_log'), row: await t.ctx.db.selectFrom('disclosure_records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow() };
    const noReason = await injectAs(t, c.a, 'PATCH', `/api/v1/disclosure/records/${recordId}`, fix({ correctionReason: ' ' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues[0].field).toBe('body.correctionReason');
    expect(noReason.json().message).toContain('更正原因');
    const badItem = await injectAs(t, c.a, 'PATCH', `/api/v1/disclosure/records/${recordId}`, fix({ disclosedItems: ['partyDues'] }));
    expect(badItem.statusCode).toBe(400);
    expect(issueKeys(badItem)).toEqual(['disclosure.itemUnknown']);
    const early = await injectAs(t, c.a, 'PATCH', `/api/v1/disclosure/records/${recordId}`, fix({ publishedOn: `${year - 1}-06-30` }));
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0].field).toBe('body.publishedOn');
    expect(await countRows(t.ctx, 'audit_log')).toBe(before.audit);
    expect(await t.ctx.db.selectFrom('disclosure_records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow()).toEqual(before.row);
  });

  it('another township cannot reach the record', async () => {
    const other = await injectAs(t, c.b, 'PATCH', `/api/v1/disclosure/records/${recordId}`, fix());
    expect(other.statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('disclosure_records').select('corrected_at').where('id', '=', recordId).executeTakeFirstOrThrow()).corrected_at).toBeNull();
  });

  it('corrects the record: the cell turns 逾期, the record names the correction, the audit keeps the values before', async () => {
    const res = await injectAs(t, c.a, 'PATCH', `/api/v1/disclosure/records/${recordId}`, fix());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: recordId, quarter, disclosedItems: ['finance', 'farmSubsidy'], publishedOn: fix().publishedOn, correctionReason: fix().correctionReason });
    expect(res.json().correctedByName).toBeTruthy();
    expect(await status()).toBe('late');
    const entry = await t.ctx.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'disclosure.record.correct').where('object_id', '=', recordId).executeTakeFirstOrThrow();
    expect(entry.detail).toMatchObject({ reason: fix().correctionReason, before: { items: ['finance'], publishedOn: `${year - 1}-10-05` }, after: { publishedOn: fix().publishedOn } });
    expect(quarterOf(fix().publishedOn)).toBe(`${year - 1}Q4`);
  });
});
