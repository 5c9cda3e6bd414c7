import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';

/**
 * Correcting and removing expense records on the real database: a refused correction changes nothing; a correction
 * moves a record over or under the standard and its hit follows in the same transaction, the audit keeping the values
 * before; a removal takes the record's undecided hits with it; a record whose hit was dismissed or handed over as a
 * clue stays; another township can neither correct nor remove a record.
 */
let t: TestApp;
const c: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [c.cases, c.a, c.b] = await Promise.all([t.login('cases'), t.login('t530125102'), t.login('t530125103')]);
  for (const code of ['530125102', '530125103']) units[code] = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t?.close(); });

const meeting = (amount: number, payee: string) => ({ unitId: units['530125102'], spentOn: '2026-03-10', spendingCategory: 'meeting', amount, persons: 20, days: 1, payee });
const reception = (payee: string) => ({
  unitId: units['530125102'], spentOn: '2026-03-04', spendingCategory: 'reception', amount: 3680, persons: 6, accompanying: 4, hasLetter: true, payee,
});
async function enter(body: object): Promise<string> {
  const res = await injectAs(t, c.a, 'POST', '/api/v1/spending/expenses', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const stored = (id: string) => t.ctx.db.selectFrom('spending_expenses').selectAll().where('id', '=', id).executeTakeFirst();
/** The spending hits naming the record in their evidence. */
const hitsOf = async (id: string) => (await t.ctx.db.selectFrom('risk_hits').select(['id', 'code', 'status', 'evidence']).where('domain', '=', 'spending').execute())
  .filter((h) => (h.evidence as { records: Array<{ id: string }> }).records.some((r) => r.id === id));
const audits = (id: string, action: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', id).where('action', '=', action).execute();

describe('correcting a record', () => {
  it('refuses a future date or a unit outside the scope and changes nothing', async () => {
    const id = await enter(meeting(5000, '更正测试宾馆甲'));
    const before = await stored(id);
    const future = await injectAs(t, c.a, 'PATCH', `/api/v1/spending/expenses/${id}`, { ...meeting(15000, '更正测试宾馆甲'), spentOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues.map((i: { field: string; key: string }) => [i.field, i.key])).toEqual([['body.spentOn', 'spending.dateFuture']]);
    const outside = await injectAs(t, c.a, 'PATCH', `/api/v1/spending/expenses/${id}`, { ...meeting(15000, '更正测试宾馆甲'), unitId: units['530125103'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().issues[0].field).toBe('body.unitId');
    const unknown = await injectAs(t, c.a, 'PATCH', `/api/v1/spending/expenses/${id}`, { ...meeting(15000, '更正测试宾馆甲'), voucher: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(await stored(id)).toEqual(before);
    expect(await hitsOf(id)).toEqual([]);
    expect(await audits(id, 'spending.expense.update')).toEqual([]);
  });

  it('moves a record over the standard and back under it: the hit appears and goes, the audit keeps the values before', async () => {
    // 20 persons × 1 day at a 三类 meeting: 550 a head; 5000 is 250, 15000 is 750.
    const id = await enter(meeting(5000, '更正测试宾馆乙'));
    expect(await hitsOf(id)).toEqual([]);
    const over = await injectAs(t, c.a, 'PATCH', `/api/v1/spending/expenses/${id}`, { ...meeting(15000, '更正测试宾馆乙'), voucherNo: '记-2026-03-118' });
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json()).toMatchObject({ amount: 15000, voucherNo: '记-2026-03-118', flags: 1 });
    expect(over.json().hits.map((h: { code: string }) => h.code)).toEqual(['MEETING_OVER_STANDARD']);
    expect((await hitsOf(id)).map((h) => [h.code, h.status])).toEqual([['MEETING_OVER_STANDARD', 'new']]);
    const [audit] = await audits(id, 'spending.expense.update');
    expect(audit.detail).toMatchObject({ before: { amount: 5000, voucherNo: null }, after: { amount: 15000, voucherNo: '记-2026-03-118' } });

    const under = await injectAs(t, c.a, 'PATCH', `/api/v1/spending/expenses/${id}`, meeting(5000, '更正测试宾馆乙'));
    expect(under.statusCode, under.body).toBe(200);
    expect(under.json()).toMatchObject({ amount: 5000, voucherNo: null, flags: 0, hits: [] });
    expect(await hitsOf(id)).toEqual([]);
    expect(await audits(id, 'spending.expense.update')).toHaveLength(2);
  });
});

describe('removing a record', () => {
  it('removes a record entered by mistake with its undecided hits, audited', async () => {
    const id = await enter(reception('删除测试饭店甲'));
    expect((await hitsOf(id)).map((h) => h.status)).toEqual(['new', 'new']);
    const res = await injectAs(t, c.a, 'DELETE', `/api/v1/spending/expenses/${id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await stored(id)).toBeUndefined();
    expect(await hitsOf(id)).toEqual([]);
    const [audit] = await audits(id, 'spending.expense.delete');
    expect(audit.detail).toMatchObject({ amount: 3680, payee: '删除测试饭店甲', category: 'reception' });
    expect((await injectAs(t, c.a, 'GET', `/api/v1/spending/expenses/${id}`)).statusCode).toBe(404);
  });

  it('refuses to remove a record whose hit was handed over as a clue; the clue keeps its evidence', async () => {
    const id = await enter(reception('删除测试饭店乙'));
    const meal = (await hitsOf(id)).find((h) => h.code === 'RECEPTION_MEAL_OVER_STANDARD')!;
    const clue = await injectAs(t, c.cases, 'POST', `/api/v1/risk/hits/${meal.id}/clue`, {});
    expect(clue.statusCode, clue.body).toBe(201);
    const refused = await injectAs(t, c.a, 'DELETE', `/api/v1/spending/expenses/${id}`);
    expect(refused.statusCode).toBe(409);
    expect(issueKeys(refused)).toEqual(['spending.expenseClued']);
    expect(refused.body).toContain('转为问题线索');
    expect(await stored(id)).toBeTruthy();
    const after = await hitsOf(id);
    expect(after.find((h) => h.id === meal.id)).toMatchObject({ status: 'clued', evidence: meal.evidence });
    expect(after.map((h) => h.status).sort()).toEqual(['clued', 'new']);
    expect(await audits(id, 'spending.expense.delete')).toEqual([]);
  });

  it('refuses to remove a record whose hit was dismissed', async () => {
    const id = await enter(reception('删除测试饭店丙'));
    const accompany = (await hitsOf(id)).find((h) => h.code === 'RECEPTION_ACCOMPANY_OVER_LIMIT')!;
    expect((await injectAs(t, c.a, 'POST', `/api/v1/risk/hits/${accompany.id}/dismiss`, { reason: '陪同人员含驾驶员，经核实符合规定' })).statusCode).toBe(200);
    const refused = await injectAs(t, c.a, 'DELETE', `/api/v1/spending/expenses/${id}`);
    expect(refused.statusCode).toBe(409);
    expect(issueKeys(refused)).toEqual(['spending.expenseDismissed']);
    expect(await stored(id)).toBeTruthy();
  });
});

describe('scope', () => {
  it('lets neither another township correct nor remove a record; the county can', async () => {
    const id = await enter(meeting(5000, '范围测试宾馆'));
    const before = await stored(id);
    const patch = await injectAs(t, c.b, 'PATCH', `/api/v1/spending/expenses/${id}`, { ...meeting(15000, '范围测试宾馆'), unitId: units['530125103'] });
    expect(patch.statusCode).toBe(404);
    expect((await injectAs(t, c.b, 'DELETE', `/api/v1/spending/expenses/${id}`)).statusCode).toBe(404);
    expect(await stored(id)).toEqual(before);
    const county = await injectAs(t, c.cases, 'PATCH', `/api/v1/spending/expenses/${id}`, meeting(6000, '范围测试宾馆'));
    expect(county.statusCode, county.body).toBe(200);
    expect((await injectAs(t, c.cases, 'DELETE', `/api/v1/spending/expenses/${id}`)).statusCode).toBe(204);
  });

  it('lists past imports with who uploaded them, in the caller\'s scope', async () => {
    const unitA = units['530125102'];
    await t.ctx.db.insertInto('spending_imports').values({ county_code: '530125', unit_id: unitA, file_name: '三月支出.xlsx', sha256: '1'.repeat(64), status: 'failed', phase: 'done',
      errors: JSON.stringify([{ sheet: '支出记录', row: 3, column: '金额(元)', message: '金额应为数字' }]),
      created_by: (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 't530125102').executeTakeFirstOrThrow()).id }).execute();
    const a = (await injectAs(t, c.a, 'GET', '/api/v1/spending/imports')).json();
    expect(a.items).toEqual([expect.objectContaining({ fileName: '三月支出.xlsx', status: 'failed', createdByName: expect.any(String),
      errors: [expect.objectContaining({ row: 3, column: '金额(元)' })] })]);
    expect((await injectAs(t, c.b, 'GET', '/api/v1/spending/imports')).json().items).toEqual([]);
  });
});
