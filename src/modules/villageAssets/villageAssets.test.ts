import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { todayInShanghai } from '../../platform/calendar/dates';
import { parsePeriod } from '../analysis/periods';
import { countyActor, metricDefinition } from '../analysis/registry';
import { createDemoVillageAssets } from './demo';
import { waitForImport } from './importService';
import { ledgerWorkbook, multipartBody, splitRows, villageOf } from './testing/fixtures';

/**
 * The village ledgers through the API on the demo county (with its demo books): an import with errors writes
 * nothing and names sheet, row and column; a good import is screened and its split payment flagged with the rows as
 * evidence; data scope; re-screening keeps decided hits; the figures against independent SQL; the demo itself.
 */
let t: TestApp;
const c: Record<'cdi' | 'cases' | 'a' | 'admin', string> = { cdi: '', cases: '', a: '', admin: '' };
let vA = { id: '', name: '' };
let vB = { id: '', name: '' };
let demo = { villages: 0, entries: 0, contracts: 0, disposals: 0, hits: 0 };
const year = Number(todayInShanghai().slice(0, 4));
const supplier = '宜良县测试建材经营部';

beforeAll(async () => {
  t = await createTestApp();
  demo = await createDemoVillageAssets(t.ctx.db, '530125');
  [c.cdi, c.cases, c.a, c.admin] = await Promise.all([t.login('cdi'), t.login('cases'), t.login('t530125102'), t.login('admin')]);
  vA = await villageOf(t, '530125102', 3);
  vB = await villageOf(t, '530125103', 3);
}, 240_000);
afterAll(async () => { await t?.close(); });

const tables = ['village_fund_entries', 'village_contracts', 'village_disposals', 'audit_log'];
const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (x) => [x, await countRows(t.ctx, x)])));

async function upload(cookie: string, villageId: string, content: Buffer) {
  const { payload, headers } = multipartBody({ name: '台账.xlsx', content }, { villageId });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/village-assets/imports', payload, headers: { ...headers, cookie } });
  if (res.statusCode !== 202) return { res, batch: null };
  await waitForImport(res.json().id);
  return { res, batch: (await injectAs(t, cookie, 'GET', `/api/v1/village-assets/imports/${res.json().id}`)).json() };
}
const villageHits = async (cookie: string, q = '') =>
  (await injectAs(t, cookie, 'GET', `/api/v1/risk/hits?domain=villageAssets&pageSize=200${q}`)).json().items as Array<{ id: string; code: string; status: string; unitId: string; subjectTitle: string }>;

describe('import', () => {
  it('refuses a workbook with bad rows as a whole, naming sheet, row and column, and writes nothing', async () => {
    const before = await snapshot();
    const content = await ledgerWorkbook({
      资金收支: [...splitRows(supplier), { date: '2026-02-30', voucherNo: '记-02-009', direction: '支出', amount: 500, counterparty: '某店', paymentMethod: '微信', category: '办公' }],
      合同: [{ contractNo: 'HT-1', objectType: '土地', objectName: '机动地', area: 10, areaUnit: '亩', counterparty: '张三', startOn: '2025-01-01', endOn: '2024-01-01', annualRent: 5000, awardMethod: '公开竞价' }],
    });
    const { batch } = await upload(c.cases, vA.id, content);
    expect(batch.status).toBe('failed');
    expect(batch.errors.map((e: { sheet: string; row: number; column: string }) => `${e.sheet}/${e.row}/${e.column}`)).toEqual(['资金收支/5/日期', '资金收支/5/支付方式', '合同/2/截止日期']);
    expect(batch.errors[1].message).toContain('“微信”不是可选值（现金、转账）');
    const after = await snapshot();
    expect(after).toEqual(before);
  });

  it('imports a good workbook, screens it, flags the split payment with its rows; importing it again is refused', async () => {
    const before = await countRows(t.ctx, 'village_fund_entries');
    const content = await ledgerWorkbook({ 资金收支: splitRows(supplier), 资产处置: [{ assetName: '旧电脑', disposedOn: '2026-03-05', appraisedValue: 2000, salePrice: 1900, buyer: '回收站', method: '公开竞价' }] });
    const { batch } = await upload(c.cases, vA.id, content);
    expect(batch.status, JSON.stringify(batch.errors)).toBe('done');
    expect(batch.counts).toEqual(expect.objectContaining({ entries: 3, contracts: 0, disposals: 1 }));
    expect(await countRows(t.ctx, 'village_fund_entries')).toBe(before + 3);
    const rows = await t.ctx.db.selectFrom('village_fund_entries').select(['id', 'unit_id', 'township_code']).where('counterparty', '=', supplier).execute();
    expect(rows.every((r) => r.unit_id === vA.id && r.township_code === '530125102')).toBe(true);
    const split = (await villageHits(c.cdi, '&code=VILLAGE_SPLIT_PAYMENT')).filter((h) => h.unitId === vA.id);
    expect(split).toHaveLength(1);
    const detail = (await injectAs(t, c.cdi, 'GET', `/api/v1/risk/hits/${split[0].id}`)).json();
    expect(detail.evidence.values).toEqual(expect.objectContaining({ count: 3, total: 7800 }));
    expect(detail.evidence.records.map((r: { id: string }) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const href = detail.evidence.records[0].href as string;
    expect(href).toMatch(new RegExp(`^/village-assets/ledger\\?village=${vA.id}&tab=funds&ids=`));
    // The link's rows open through the ledger API.
    const ids = rows.map((r) => r.id).join(',');
    const opened = (await injectAs(t, c.cdi, 'GET', `/api/v1/village-assets/entries?villageId=${vA.id}&ids=${ids}`)).json();
    expect(opened.total).toBe(3);
    const again = await upload(c.cases, vA.id, content);
    expect(again.batch.status).toBe('failed');
    expect(again.batch.errors[0]).toEqual(expect.objectContaining({ sheet: '资金收支', row: 2, column: '凭证号' }));
  });

  it('records one fund row by form, refusing a future date on its field', async () => {
    const body = { villageId: vA.id, entryDate: `${year + 1}-01-01`, voucherNo: '记-手工-1', direction: 'expense', amount: 1500, counterparty: '张国华', paymentMethod: 'cash', fundCategory: 'labour' };
    const before = await snapshot();
    const future = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/entries', body);
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0]).toEqual(expect.objectContaining({ field: 'body.entryDate' }));
    expect(future.json().issues[0].message).toContain('日期（');
    expect(await snapshot()).toEqual(before);
    const ok = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/entries', { ...body, entryDate: todayInShanghai() });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual(expect.objectContaining({ amount: 1500, paymentMethod: 'cash', category: 'labour' }));
    const cash = (await villageHits(c.cdi, '&code=VILLAGE_CASH_OVER_LIMIT')).filter((h) => h.subjectTitle.includes('张国华') && h.unitId === vA.id);
    expect(cash).toHaveLength(1);
  });
});

describe('data scope', () => {
  it('a township committee sees and imports only its own villages; the CDI sees all', async () => {
    const mine = (await injectAs(t, c.a, 'GET', '/api/v1/village-assets/villages')).json();
    expect(mine.townships.map((x: { code: string }) => x.code)).toEqual(['530125102']);
    const all = (await injectAs(t, c.cdi, 'GET', '/api/v1/village-assets/villages')).json();
    expect(all.townships.length).toBeGreaterThan(3);
    expect((await injectAs(t, c.a, 'GET', `/api/v1/village-assets/entries?villageId=${vB.id}`)).json().total).toBe(0);
    expect((await injectAs(t, c.cdi, 'GET', `/api/v1/village-assets/entries?villageId=${vB.id}`)).json().total).toBeGreaterThan(0);
    const before = await snapshot();
    const { res } = await upload(c.a, vB.id, await ledgerWorkbook({ 资金收支: splitRows('越权测试') }));
    expect(res.statusCode).toBe(400);
    expect(issueKeys(res)).toEqual(['field.unitNotFound']);
    expect(await snapshot()).toEqual(before);
    const hits = await villageHits(c.a);
    expect(hits.length).toBeGreaterThan(0);
    const allowed = new Set(mine.townships[0].villages.map((v: { id: string }) => v.id));
    expect(hits.every((h) => allowed.has(h.unitId))).toBe(true);
    expect((await injectAs(t, c.admin, 'GET', '/api/v1/village-assets/villages')).statusCode).toBe(403);
    expect((await injectAs(t, c.a, 'POST', '/api/v1/village-assets/screening')).statusCode).toBe(403);
  });
});

describe('screening', () => {
  it('replaces undecided hits and keeps decided ones; thresholds change what is found', async () => {
    const hits = await villageHits(c.cdi);
    const dismissed = hits.find((h) => h.code === 'VILLAGE_SPLIT_PAYMENT')!;
    expect((await injectAs(t, c.cdi, 'POST', `/api/v1/risk/hits/${dismissed.id}/dismiss`, { reason: '经核实为三次独立采购' })).statusCode).toBe(200);
    const run = await injectAs(t, c.cdi, 'POST', '/api/v1/village-assets/screening');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().kept).toBe(1);
    const after = await villageHits(c.cdi);
    expect(after.length).toBe(hits.length);
    expect(after.find((h) => h.id === dismissed.id)?.status).toBe('dismissed');
    const undecided = hits.filter((h) => h.status === 'new' && h.id !== dismissed.id).map((h) => h.id);
    expect(after.filter((h) => undecided.includes(h.id))).toEqual([]);
    // A higher cash limit: the ¥1,500 form entry is no longer flagged; the dismissed split stays as decided.
    const settings = (await injectAs(t, c.cdi, 'GET', '/api/v1/village-assets/thresholds')).json();
    expect(settings.thresholds.cashLimit).toBe(1000);
    expect(settings.basis.cashLimit).toContain('现金管理暂行条例');
    const put = await injectAs(t, c.cdi, 'PUT', '/api/v1/village-assets/thresholds', { ...settings.thresholds, cashLimit: 2000 });
    expect(put.statusCode, put.body).toBe(200);
    await injectAs(t, c.cdi, 'POST', '/api/v1/village-assets/screening');
    const cash = (await villageHits(c.cdi, '&code=VILLAGE_CASH_OVER_LIMIT')).filter((h) => h.subjectTitle.includes('张国华') && h.unitId === vA.id);
    expect(cash).toEqual([]);
    expect((await villageHits(c.cdi)).find((h) => h.id === dismissed.id)?.status).toBe('dismissed');
    await injectAs(t, c.cdi, 'PUT', '/api/v1/village-assets/thresholds', settings.thresholds);
  });
});

describe('figures', () => {
  for (const label of ['last year', 'this year to date']) {
    it(`entries, amount and anomalies equal independent SQL (${label})`, async () => {
      const period = label === 'last year' ? parsePeriod(`${year - 1}`) : parsePeriod(`${year}-01-01..${todayInShanghai()}`);
      const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
      const rows = (await sql<{ id: string; amount: string; township_code: string }>`select id, amount, township_code from village_fund_entries
        where county_code = '530125' and entry_date >= ${period.from} and entry_date < ${period.to}`.execute(t.ctx.db)).rows;
      const n = await metricDefinition('villageAssets.fundEntries')!.compute(q);
      expect(n.value).toBe(rows.length);
      expect(n.value).toBeGreaterThan(0);
      expect(new Set(n.recordIds)).toEqual(new Set(rows.map((r) => r.id)));
      for (const g of n.breakdown!.township) expect(g.value).toBe(rows.filter((r) => r.township_code === g.key).length);
      const wan = await metricDefinition('villageAssets.fundAmountWan')!.compute(q);
      expect(wan.value).toBeCloseTo(rows.reduce((s, r) => s + Number(r.amount), 0) / 10_000, 2);
      const hits = (await sql<{ id: string }>`select id from risk_hits where domain = 'villageAssets' and status <> 'dismissed'
        and evidence->'values'->>'记录日期' >= ${period.from} and evidence->'values'->>'记录日期' < ${period.to}`.execute(t.ctx.db)).rows;
      const a = await metricDefinition('villageAssets.anomalies')!.compute(q);
      expect(new Set(a.recordIds)).toEqual(new Set(hits.map((h) => h.id)));
      expect(a.breakdown!.township.every((g) => ['530125102', '530125103', '530125104', 'unknown'].includes(g.key) || /^530125\d{3}$/.test(g.key))).toBe(true);
    });
  }

  it('the summary counts anomalies by township and rule, and the cash share per village', async () => {
    const s = (await injectAs(t, c.cdi, 'GET', `/api/v1/village-assets/summary?year=${year}`)).json();
    expect(s.byTownship.reduce((n: number, x: { hits: number }) => n + x.hits, 0)).toBe(s.hits);
    expect(s.byRule.reduce((n: number, x: { hits: number }) => n + x.hits, 0)).toBe(s.hits);
    const v = s.cashShare.find((x: { villageId: string }) => x.villageId === vA.id);
    const sums = (await sql<{ cash: string; total: string }>`select coalesce(sum(amount) filter (where payment_method = 'cash'), 0) as cash, sum(amount) as total
      from village_fund_entries where unit_id = ${vA.id} and direction = 'expense' and entry_date >= ${`${year}-01-01`} and entry_date < ${`${year + 1}-01-01`}`.execute(t.ctx.db)).rows[0];
    expect(v.share).toBeCloseTo(Number(sums.cash) / Number(sums.total), 3);
  });
});

describe('demo books', () => {
  it('three townships\' villages with a year of books, each planted anomaly found, loaded once', async () => {
    expect(demo.villages).toBeGreaterThan(10);
    expect(demo.entries).toBeGreaterThan(demo.villages * 40);
    expect(demo.hits).toBeGreaterThan(5);
    const codes = new Set((await t.ctx.db.selectFrom('risk_hits').select('code').where('domain', '=', 'villageAssets').execute()).map((r) => r.code));
    for (const code of ['VILLAGE_SPLIT_PAYMENT', 'VILLAGE_CASH_OVER_LIMIT', 'VILLAGE_MAJOR_NO_DECISION', 'VILLAGE_DISPOSAL_BELOW_APPRAISAL', 'VILLAGE_RENT_BELOW_PEERS',
      'VILLAGE_CONTRACT_TERM_LONG', 'VILLAGE_NEGOTIATED_OVER_LIMIT', 'VILLAGE_PAYEE_CONCENTRATED']) expect(codes).toContain(code);
    expect(await createDemoVillageAssets(t.ctx.db, '530125')).toEqual(expect.objectContaining({ villages: 0, entries: 0 }));
  });
});
