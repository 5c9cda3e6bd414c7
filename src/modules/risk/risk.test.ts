import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, type TestApp } from '../../../test/helpers';
import { readWorkbook } from './excelSheets';
import { loadReleases } from './loadReleases';
import { screenReleases } from './screening';
import { waitForImport } from './importService';
import { generated, importFile, multipartBody, unitOf, workbook } from './testing/fixtures';
import { jsonLines, recordPackage, releasePackage } from './testing/toOcds';

let t: TestApp;
const c: Record<string, string> = {};
const u: Record<string, { id: string; name: string }> = {};
const A = '530125102';
const B = '530125103';
const api = (method: string, url: string, who: string, payload?: unknown) => injectAs(t, c[who], method, url, payload);

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['cases', 'cdi', 'intake', `t${A}`]) c[who] = await t.login(who);
  u.cdi = await unitOf(t, '530125CDI');
  u.A = await unitOf(t, A);
  u.B = await unitOf(t, B);
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('OCDS import and screening', () => {
  it('imports a release package as a job, maps buyers to units, and screens the county', async () => {
    const releases = await generated(t, [A, B]);
    const r = await importFile(t, c.cases, { name: 'releases.json', content: releasePackage(releases) }, u.cdi.id);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ status: 'done', phase: 'done', source: 'ocds', processed: releases.length, total: releases.length });
    expect(r.body.counts.processes).toBe(releases.length);
    expect(r.body.counts.hits).toBeGreaterThan(0);
    const units = await t.ctx.db.selectFrom('risk_processes').select(['unit_id']).execute();
    expect(new Set(units.map((x) => x.unit_id))).toEqual(new Set([u.A.id, u.B.id]));
    // Bidders are the county's companies: the credit code links them.
    expect(await t.ctx.db.selectFrom('risk_bids').select('id').where('company_id', 'is', null).execute()).toEqual([]);
  });

  it('stores the model faithfully: the engine gives the same hits on stored data as on the file', async () => {
    const releases = await generated(t, [A, B]);
    const fromFile = screenReleases(releases.map((release, i) => ({ processId: String(i), unitId: '', release }))).hits.map((h) => `${h.code}|${h.key}`).sort();
    const stored = await loadReleases(t.ctx.db, '530125');
    expect(stored).toHaveLength(releases.length);
    const fromDb = screenReleases(stored).hits.map((h) => `${h.code}|${h.key}`).sort();
    expect(fromDb).toEqual(fromFile);
  });

  it('persists hits with evidence naming the records; the list filters and counts per indicator', async () => {
    const res = await api('GET', '/api/v1/risk/hits?code=SHARED_BID_BOND_ACCOUNT&pageSize=50', 'cases');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((h: { code: string }) => h.code === 'SHARED_BID_BOND_ACCOUNT')).toBe(true);
    expect(body.codes.find((x: { code: string }) => x.code === 'SHARED_BID_BOND_ACCOUNT').n).toBe(body.total);
    const one = (await api('GET', `/api/v1/risk/hits/${body.items[0].id}`, 'cases')).json();
    expect(one.evidence.records.filter((r: { kind: string }) => r.kind === 'bidder').length).toBeGreaterThanOrEqual(2);
    expect(one.processes).toHaveLength(1);
    const township = (await api('GET', `/api/v1/risk/hits?township=${A}&pageSize=200`, 'cases')).json();
    expect(township.items.length).toBeGreaterThan(0);
    expect(township.items.every((h: { townshipName: string }) => h.townshipName === u.A.name)).toBe(true);
  });

  it('re-screening replaces new hits and keeps dismissed ones', async () => {
    const first = (await api('GET', '/api/v1/risk/hits?status=new&pageSize=1', 'cases')).json();
    const dismissed = await api('POST', `/api/v1/risk/hits/${first.items[0].id}/dismiss`, 'cases', { reason: '经核实为同一集团下属企业的正常委托' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', dismissReason: '经核实为同一集团下属企业的正常委托' });
    const before = await countRows(t.ctx, 'risk_hits');
    const run = await api('POST', '/api/v1/risk/screening', 'cases');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().kept).toBe(1);
    expect(await countRows(t.ctx, 'risk_hits')).toBe(before);
    expect((await api('GET', `/api/v1/risk/hits/${first.items[0].id}`, 'cases')).json().status).toBe('dismissed');
    expect((await api('POST', `/api/v1/risk/hits/${first.items[0].id}/dismiss`, 'cases', { reason: '再次' })).statusCode).toBe(409);
  });

  it('accepts record packages and JSON lines; a re-imported ocid replaces its process', async () => {
    const releases = (await generated(t, [A, B])).slice(0, 5);
    const before = await countRows(t.ctx, 'risk_processes');
    const rec = await importFile(t, c.cases, { name: 'records.json', content: recordPackage(releases) }, u.cdi.id, false);
    expect(rec.body).toMatchObject({ status: 'done', counts: { processes: 5 } });
    const lines = await importFile(t, c.cases, { name: 'releases.jsonl', content: jsonLines(releases) }, u.cdi.id, false);
    expect(lines.body).toMatchObject({ status: 'done', counts: { processes: 5 } });
    expect(await countRows(t.ctx, 'risk_processes')).toBe(before);
  });

  it("puts processes whose buyer matches no unit under the caller's unit when no unit is chosen", async () => {
    const release = { ocid: 'ocds-lj-530125-OWN-1', buyer: { id: 'X1', name: '某某农业开发有限公司' }, tender: { id: 'OWN-1', title: '某某采购' } };
    const { payload, headers } = multipartBody({ name: 'own.jsonl', content: `${JSON.stringify(release)}\n` }, { screen: 'false' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/risk/imports', payload, headers: { ...headers, cookie: c[`t${A}`] } });
    expect(res.statusCode, res.body).toBe(202);
    await waitForImport(res.json().id);
    const p = await t.ctx.db.selectFrom('risk_processes').select('unit_id').where('ocid', '=', release.ocid).executeTakeFirstOrThrow();
    expect(p.unit_id).toBe(u.A.id);
    // A unit outside the caller's scope is refused before any batch exists.
    const refused = multipartBody({ name: 'own.jsonl', content: `${JSON.stringify(release)}\n` }, { unitId: u.B.id });
    const r2 = await t.app.inject({ method: 'POST', url: '/api/v1/risk/imports', payload: refused.payload, headers: { ...refused.headers, cookie: c[`t${A}`] } });
    expect(r2.statusCode).toBe(400);
  });

  it('refuses a file with a bad line and writes nothing', async () => {
    const before = await countRows(t.ctx, 'risk_processes');
    const r = await importFile(t, c.cases, { name: 'bad.jsonl', content: `{"ocid":"ocds-x-1","tender":{"id":"1"}}\n{not json\n` }, u.cdi.id);
    expect(r.body.status).toBe('failed');
    expect(r.body.errors[0]).toMatchObject({ line: 2 });
    expect(await countRows(t.ctx, 'risk_processes')).toBe(before);
  });
});

const bidRow = (no: string, bidder: string, amount: number, extra: Record<string, string | number> = {}) => ({
  projectNo: no, title: '某某村道路硬化工程', buyer: '', category: '工程', method: '公开招标', ceiling: 1_000_000, openedOn: '2026-05-06', bidder, amount, ...extra,
});

describe('Excel import', () => {
  it('serves the template with the four sheets', async () => {
    const res = await api('GET', '/api/v1/risk/imports/template.xlsx', 'cases');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The template reads back through the importer's own reader: every required column found, no rows.
    const back = await readWorkbook(res.rawPayload);
    expect(back.problems).toEqual([]);
    expect(Object.values(back.sheets).map((rows) => rows.length)).toEqual([0, 0, 0, 0]);
  });

  it('imports bids, awards, contracts (with a change) and payments', async () => {
    const buyer = u.A.name;
    const file = await workbook({
      开标记录: [
        { ...bidRow('XL-001', '某某甲建筑有限公司', 950_000, { phone: '13900001111', bondAccount: '6222000011112222' }), buyer },
        { ...bidRow('XL-001', '某某乙建筑有限公司', 951_000, { phone: '13900001111', bondAccount: '6222000011112222' }), buyer },
        { ...bidRow('XL-001', '某某丙建筑有限公司', 980_000), buyer },
      ],
      中标公示: [{ projectNo: 'XL-001', supplier: '某某甲建筑有限公司', amount: 950_000, date: '2026-05-10' }],
      合同: [
        { projectNo: 'XL-001', contractNo: 'HT-001', supplier: '某某甲建筑有限公司', amount: 950_000, signedOn: '2026-05-20' },
        { projectNo: 'XL-001', contractNo: 'HT-001', supplier: '某某甲建筑有限公司', amount: 950_000, signedOn: '2026-05-20', amendedAmount: 1_300_000, amendedOn: '2026-08-01', amendReason: '增加工程量' },
      ],
      支付: [{ contractNo: 'HT-001', date: '2026-05-15', amount: 500_000, kind: '预付款', progress: 0 }],
    });
    const r = await importFile(t, c[`t${A}`], { name: '交易中心导出.xlsx', content: file }, u.A.id);
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ status: 'done', source: 'excel', counts: { processes: 1, bids: 3, awards: 1, contracts: 1, payments: 1 } });
    const p = await t.ctx.db.selectFrom('risk_processes').select(['id', 'unit_id']).where('ocid', '=', 'ocds-lj-530125-XL-001').executeTakeFirstOrThrow();
    expect(p.unit_id).toBe(u.A.id);
    const detail = (await api('GET', `/api/v1/risk/processes/${p.id}`, `t${A}`)).json();
    expect(detail.bids).toHaveLength(3);
    expect(detail.bids.filter((b: { winner: boolean }) => b.winner)).toHaveLength(1);
    expect(detail.contracts[0].amendments).toHaveLength(1);
    const codes = new Set(detail.hits.map((h: { code: string }) => h.code));
    for (const code of ['SHARED_PHONE', 'SHARED_BID_BOND_ACCOUNT', 'PAYMENT_BEFORE_SIGNING', 'PREPAYMENT_OVER_CAP']) expect(codes, code).toContain(code);
    const bySupplier = (await api('GET', `/api/v1/risk/processes?supplier=${encodeURIComponent('某某乙建筑')}&flagged=true`, `t${A}`)).json();
    expect(bySupplier.items.map((x: { ocid: string }) => x.ocid)).toEqual(['ocds-lj-530125-XL-001']);
    expect(bySupplier.items[0]).toMatchObject({ awardedTo: ['某某甲建筑有限公司'], awardValue: 950_000, bids: 3 });
  });

  it('rejects the whole file on row errors, naming sheet, row and column in Chinese', async () => {
    const before = await countRows(t.ctx, 'risk_processes');
    const file = await workbook({
      开标记录: [{ ...bidRow('XL-002', '某某丁建筑有限公司', 700_000), buyer: u.A.name }, { ...bidRow('XL-002', '某某戊建筑有限公司', 'abc' as never), buyer: u.A.name, openedOn: '2026-13-01' }],
      支付: [{ contractNo: 'HT-404', date: '2026-05-15', amount: 1 }],
    });
    const r = await importFile(t, c.cases, { name: 'bad.xlsx', content: file }, u.A.id);
    expect(r.body.status).toBe('failed');
    const messages = r.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('开标记录 第 3 行「投标报价(元)」：“abc”不是有效金额（元）');
    expect(messages).toContain('开标记录 第 3 行「开标日期」：“2026-13-01”不是有效日期（YYYY-MM-DD）');
    expect(messages).toContain('支付 第 2 行「合同编号」：合同编号“HT-404”在合同表中不存在');
    expect(await countRows(t.ctx, 'risk_processes')).toBe(before);
  });
});

describe('scope and hand-over', () => {
  it("township A sees its own processes and hits only, never township B's", async () => {
    const list = (await api('GET', '/api/v1/risk/processes?pageSize=200', `t${A}`)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((p: { unitId: string }) => p.unitId === u.A.id)).toBe(true);
    const bProc = await t.ctx.db.selectFrom('risk_processes').select('id').where('unit_id', '=', u.B.id).executeTakeFirstOrThrow();
    expect((await api('GET', `/api/v1/risk/processes/${bProc.id}`, `t${A}`)).statusCode).toBe(404);
    const hits = (await api('GET', '/api/v1/risk/hits?pageSize=200', `t${A}`)).json();
    expect(hits.items.every((h: { unitId: string }) => h.unitId === u.A.id)).toBe(true);
    const bHit = await t.ctx.db.selectFrom('risk_hits').select('id').where('unit_id', '=', u.B.id).executeTakeFirstOrThrow();
    expect((await api('POST', `/api/v1/risk/hits/${bHit.id}/dismiss`, `t${A}`, { reason: '越权' })).statusCode).toBe(404);
  });

  it('turns a hit into a clue with a riskHit source in one action', async () => {
    const hit = await t.ctx.db.selectFrom('risk_hits').select(['id', 'code']).where('status', '=', 'new').where('code', '=', 'SHARED_BID_BOND_ACCOUNT').executeTakeFirstOrThrow();
    const res = await api('POST', `/api/v1/risk/hits/${hit.id}/clue`, 'cases', { unitId: u.cdi.id, receivedOn: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    const { hit: after, clue } = res.json();
    expect(after).toMatchObject({ status: 'clued', clueId: clue.id });
    const row = await t.ctx.db.selectFrom('clues').select(['title', 'summary', 'unit_id', 'serial']).where('id', '=', clue.id).executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(u.cdi.id);
    expect(row.title).toContain('投标保证金从同一账户转出');
    expect(row.summary).toContain('SHARED_BID_BOND_ACCOUNT');
    const sources = await t.ctx.db.selectFrom('clue_sources').select(['source_type', 'source_id']).where('clue_id', '=', clue.id).execute();
    expect(sources).toEqual([{ source_type: 'riskHit', source_id: hit.id }]);
    expect((await api('POST', `/api/v1/risk/hits/${hit.id}/clue`, 'cases', {})).statusCode).toBe(409);
    // Without cases.clue.write (the CDI leader decides on hits but does not register clues) nothing is written.
    const other = await t.ctx.db.selectFrom('risk_hits').select('id').where('status', '=', 'new').executeTakeFirstOrThrow();
    const clues = await countRows(t.ctx, 'clues');
    expect((await api('POST', `/api/v1/risk/hits/${other.id}/clue`, 'cdi', {})).statusCode).toBe(403);
    expect(await countRows(t.ctx, 'clues')).toBe(clues);
  });

  it('draws the bidder network of a buyer with co-bidding and shared-identity edges', async () => {
    const res = await api('GET', `/api/v1/risk/network?buyer=${encodeURIComponent(u.A.name)}&from=2026-01-01&to=2026-12-31`, 'cases');
    expect(res.statusCode, res.body).toBe(200);
    const net = res.json();
    expect(net.nodes.length).toBeGreaterThan(3);
    expect(net.edges.some((e: { kind: string }) => e.kind === 'cobid')).toBe(true);
    expect(net.edges.some((e: { kind: string; field: string }) => e.kind === 'sharedIdentity' && e.field === 'bidBondAccount')).toBe(true);
  });
});
