import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { waitForImport } from './importService';

/**
 * The spending module on the real database: entry screens at once, an import with a bad row writes nothing and
 * names the cell, a township sees only its own records, a re-run keeps decided hits, the metrics count by the
 * expense's date, and a changed standard changes the screening.
 */
let t: TestApp;
const c: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [c.cases, c.a, c.b] = await Promise.all([t.login('cases'), t.login('t530125102'), t.login('t530125103')]);
  for (const code of ['530125102', '530125103', '530125D19']) units[code] = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t?.close(); });

const as = (who: string) => ({
  get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: c[who] } }),
  post: (url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: { cookie: c[who] }, payload }),
  put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { cookie: c[who] }, payload }),
});
const spendingHits = () => t.ctx.db.selectFrom('risk_hits').select(['id', 'code', 'status', 'subject_id', 'unit_id', 'evidence']).where('domain', '=', 'spending').execute();

async function workbook(rows: Array<Array<string | number>>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支出记录');
  ws.addRow(['单位（名称或编码）*', '支出日期*', '支出类别*', '金额(元)*', '人数', '陪餐人数', '天数', '有无公函', '收款方', '场所']);
  for (const r of rows) ws.addRow(r);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----spendingTest';
  return {
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="expenses.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
async function importAs(who: string, rows: Array<Array<string | number>>) {
  const { payload, headers } = await workbook(rows);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/spending/imports', headers: { ...headers, cookie: c[who] }, payload });
  expect(res.statusCode, res.body).toBe(202);
  await waitForImport(res.json().id);
  return (await as(who).get(`/api/v1/spending/imports/${res.json().id}`)).json();
}

describe('standards', () => {
  it('seeds the reference figures with their basis on first read', async () => {
    const res = await as('cases').get('/api/v1/spending/standards');
    expect(res.statusCode).toBe(200);
    const byCode = new Map((res.json() as Array<{ code: string; value: number; basis: string }>).map((s) => [s.code, s]));
    expect(byCode.get('meeting.class1')).toMatchObject({ value: 760 });
    expect(byCode.get('meeting.class3')?.basis).toContain('财行〔2016〕214号');
    expect(byCode.get('reception.accompanyMax')?.basis).toContain('第十条');
  });
  it('refuses a township committee changing a standard', async () => {
    expect((await as('a').put('/api/v1/spending/standards', { items: [{ code: 'meeting.class3', value: 1, basis: 'x' }] })).statusCode).toBe(403);
  });
});

describe('entry and screening', () => {
  let receptionId = '';
  it('screens a record when it is entered: a reception over the meal standard is flagged in the shared hits', async () => {
    const res = await as('a').post('/api/v1/spending/expenses', {
      unitId: units['530125102'], spentOn: '2026-03-04', spendingCategory: 'reception', amount: 3680, persons: 6, accompanying: 4, hasLetter: true, payee: '宜良某饭店',
    });
    expect(res.statusCode, res.body).toBe(201);
    receptionId = res.json().id;
    expect(res.json().hits.map((h: { code: string }) => h.code)).toEqual(['RECEPTION_ACCOMPANY_OVER_LIMIT', 'RECEPTION_MEAL_OVER_STANDARD']);
    const meal = (await spendingHits()).find((h) => h.code === 'RECEPTION_MEAL_OVER_STANDARD')!;
    expect(meal).toMatchObject({ status: 'new', subject_id: `expense:${receptionId}`, unit_id: units['530125102'] });
    expect(meal.evidence).toMatchObject({ threshold: { '标准（元/人·餐）': 120 }, values: { '人均（元/人·餐）': 368, '超标金额（元）': 2480 } });
    const list = await as('a').get('/api/v1/spending/expenses?flaggedOnly=true');
    expect(list.json().items.map((i: { id: string; flags: number }) => [i.id, i.flags])).toEqual([[receptionId, 2]]);
  });

  it('refuses a record for a unit outside the caller\'s scope and names the field', async () => {
    const res = await as('a').post('/api/v1/spending/expenses', { unitId: units['530125103'], spentOn: '2026-03-04', spendingCategory: 'meeting', amount: 100 });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.unitId');
  });

  it('keeps a dismissed hit dismissed on a re-run and replaces the undecided ones', async () => {
    const accompany = (await spendingHits()).find((h) => h.code === 'RECEPTION_ACCOMPANY_OVER_LIMIT')!;
    expect((await as('a').post(`/api/v1/risk/hits/${accompany.id}/dismiss`, { reason: '经核实接待对象人数登记有误' })).statusCode).toBe(200);
    const meal = (await spendingHits()).find((h) => h.code === 'RECEPTION_MEAL_OVER_STANDARD')!;
    const run = await as('cases').post('/api/v1/spending/screening');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ kept: 1, hits: 1 });
    const after = await spendingHits();
    expect(after.find((h) => h.id === accompany.id)?.status).toBe('dismissed');
    const newMeal = after.find((h) => h.code === 'RECEPTION_MEAL_OVER_STANDARD')!;
    expect(newMeal.id).not.toBe(meal.id);
    expect(after).toHaveLength(2);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'spending.screening.run').execute();
    expect(audit).toHaveLength(1);
  });

  it('screens again with a changed standard', async () => {
    const res = await as('cases').put('/api/v1/spending/standards', { items: [{ code: 'reception.mealPerPerson', value: 400, basis: '县公务接待管理办法（测试）' }] });
    expect(res.statusCode, res.body).toBe(200);
    await as('cases').post('/api/v1/spending/screening');
    expect((await spendingHits()).filter((h) => h.status === 'new')).toEqual([]);
    await as('cases').put('/api/v1/spending/standards', { items: [{ code: 'reception.mealPerPerson', value: 120, basis: '县公务接待管理办法（测试）' }] });
    await as('cases').post('/api/v1/spending/screening');
  });
});

describe('import', () => {
  it('offers a template whose unit list is the caller\'s scope', async () => {
    const res = await as('a').get('/api/v1/spending/imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.getWorksheet('支出记录')!.getRow(1).getCell(1).value).toBe('单位（名称或编码）*');
    const codes = wb.getWorksheet('单位列表')!.getColumn(1).values.map(String);
    expect(codes).toContain('530125102');
    expect(codes).not.toContain('530125103');
  });

  it('writes nothing when a row has a problem and names sheet, row and column', async () => {
    const before = (await t.ctx.db.selectFrom('spending_expenses').select('id').execute()).length;
    const b = await importAs('a', [
      ['530125102', '2026-04-01', '会议费', '5000', 20, '', 1, '', '县城某宾馆', ''],
      ['530125102', '2026-04-31', '会议费', '5000', 20, '', 1, '', '县城某宾馆', ''],
      ['530125103', '2026-04-02', '公务接待', '12.345', 2, 1, '', '有', '', ''],
    ]);
    expect(b.status).toBe('failed');
    expect(b.errors).toEqual([
      expect.objectContaining({ sheet: '支出记录', row: 3, column: '支出日期' }),
      expect.objectContaining({ sheet: '支出记录', row: 4, column: '单位（名称或编码）' }),
      expect.objectContaining({ sheet: '支出记录', row: 4, column: '金额(元)' }),
    ]);
    expect((await t.ctx.db.selectFrom('spending_expenses').select('id').execute()).length).toBe(before);
  });

  it('imports a good file, screens it (splitting across rows) and audits it', async () => {
    const b = await importAs('a', [
      ['530125102', '2026-05-06', '会议费', '6000', 20, '', 1, '', '县城某印务公司', ''],
      ['530125102', '2026-05-20', '会议费', '4500', 20, '', 1, '', '县城某印务公司', ''],
      // 2026-05-16 is a Saturday (5-09 was a 调休 working day).
      ['530125102', '2026-05-16', '公务接待', '900', 4, 2, '', '无', '某农家乐', '景区内'],
    ]);
    expect(b).toMatchObject({ status: 'done', counts: { records: 3 }, errors: [] });
    const inMay = (h: { evidence: unknown }) => (h.evidence as { records: Array<{ label: string }> }).records.some((r) => r.label.includes(' 2026-05-'));
    const codes = (await spendingHits()).filter((h) => h.status === 'new' && inMay(h)).map((h) => h.code).sort();
    expect(codes).toEqual(['RECEPTION_MEAL_OVER_STANDARD', 'RECEPTION_ON_HOLIDAY', 'RECEPTION_WITHOUT_LETTER', 'SPENDING_BANNED_WORDS', 'SPENDING_SPLIT_PAYMENTS']);
    const split = (await spendingHits()).find((h) => h.code === 'SPENDING_SPLIT_PAYMENTS')!;
    expect((split.evidence as { records: unknown[] }).records).toHaveLength(2);
    expect(await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'spending.import').execute()).toHaveLength(1);
  });
});

describe('scope', () => {
  it('shows a township only its own records and hits', async () => {
    await as('b').post('/api/v1/spending/expenses', { unitId: units['530125103'], spentOn: '2026-03-10', spendingCategory: 'meeting', amount: 30000, persons: 20, days: 2 });
    const a = (await as('a').get('/api/v1/spending/expenses?pageSize=200')).json();
    const b = (await as('b').get('/api/v1/spending/expenses?pageSize=200')).json();
    const all = (await as('cases').get('/api/v1/spending/expenses?pageSize=200')).json();
    expect(a.items.every((i: { unitId: string }) => i.unitId === units['530125102'])).toBe(true);
    expect(b.items.map((i: { unitId: string }) => i.unitId)).toEqual([units['530125103']]);
    expect(all.total).toBe(a.total + b.total);
    expect((await as('a').get(`/api/v1/spending/expenses/${b.items[0].id}`)).statusCode).toBe(404);
    const hitsA = (await as('a').get('/api/v1/risk/hits?pageSize=200')).json().items as Array<{ code: string }>;
    expect(hitsA.some((h) => h.code === 'MEETING_OVER_STANDARD')).toBe(false);
    const hitsB = (await as('b').get('/api/v1/risk/hits?pageSize=200')).json().items as Array<{ code: string }>;
    expect(hitsB.map((h) => h.code)).toEqual(['MEETING_OVER_STANDARD']);
  });
});

describe('metrics', () => {
  it('counts over-standard records by the date of the expense, in the caller\'s scope', async () => {
    const q1 = (await as('cases').get('/api/v1/analysis/metrics?period=2026Q1&keys=spending.overStandard,spending.overStandardAmountWan,spending.recordsChecked')).json().metrics;
    // Q1: the reception of township A (meal over; its 陪餐 hit dismissed) and township B's meeting (30000 ÷ 40 = 750 > 550).
    expect(q1['spending.overStandard'].value).toBe(2);
    expect(q1['spending.recordsChecked'].value).toBe(2);
    expect(q1['spending.overStandardAmountWan'].value).toBe(Math.round((2480 + 8000) / 100) / 100);
    expect(q1['spending.overStandard'].breakdown.spendingCategory.map((x: { key: string; value: number }) => [x.key, x.value]).sort())
      .toEqual([['meeting', 1], ['reception', 1]]);
    const q2 = (await as('cases').get('/api/v1/analysis/metrics?period=2026Q2&keys=spending.overStandard,spending.recordsChecked')).json().metrics;
    expect(q2['spending.overStandard'].value).toBe(1);
    expect(q2['spending.recordsChecked'].value).toBe(3);
    const a = (await as('a').get('/api/v1/analysis/metrics?period=2026Q1&keys=spending.overStandard')).json().metrics;
    expect(a['spending.overStandard'].value).toBe(1);
  });

  it('summarises a year by category, unit and month', async () => {
    const s = (await as('cases').get('/api/v1/spending/summary?year=2026')).json();
    expect(s.total).toMatchObject({ records: 5, over: 3 });
    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth[2]).toMatchObject({ key: '2026-03', records: 2, over: 2 });
  });
});
