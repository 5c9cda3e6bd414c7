import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { fromDayNumber, toDayNumber, todayInShanghai } from '../../platform/calendar/dates';
import { parsePeriod } from '../analysis/periods';
import { countyActor, metricDefinition } from '../analysis/registry';
import { createDemoPenalty } from './demo';
import { screenCounty } from './screeningService';

/**
 * The module through its API on the demo county: the demo's planted anomalies found, a decision refused on its
 * field (nothing written) or recorded and flagged at once, department scope, the Excel import (all or nothing),
 * re-screening keeping a dismissed hit, and the figures against independent SQL.
 */
let t: TestApp;
const c = { cdi: '', scjg: '', jtys: '', intake: '' };
const today = todayInShanghai();
const daysAgo = (n: number) => fromDayNumber(toDayNumber(today) - n);
let scjg = '';
let jtys = '';
let sc002 = '';

beforeAll(async () => {
  t = await createTestApp();
  await createDemoPenalty(t.ctx.db, '530125');
  [c.cdi, c.scjg, c.jtys, c.intake] = await Promise.all([t.login('cdi'), t.login('scjg'), t.login('jtys'), t.login('intake')]);
  const unit = (code: string) => t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  scjg = (await unit('530125D22')).id;
  jtys = (await unit('530125D17')).id;
  sc002 = (await t.ctx.db.selectFrom('penalty_benchmark_items').select('id').where('code', '=', 'SC-002').executeTakeFirstOrThrow()).id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const decision = (extra: object = {}) => ({
  departmentId: scjg, penaltyDocumentNo: `测试市监罚〔${today.slice(0, 4)}〕${Math.floor(Math.random() * 1e6)}号`, decidedOn: today, partyType: 'individual',
  partyName: '宜良县测试商店', benchmarkItemId: sc002, discretionTier: 'ordinary', fineAmount: 4500, enforcementOfficers: ['李明', '王建华'], ...extra,
});
const snapshot = async () => ({ rows: await countRows(t.ctx, 'penalty_decisions'), audit: await countRows(t.ctx, 'audit_log') });
const hitsOf = (code?: string) => {
  let q = t.ctx.db.selectFrom('risk_hits').select(['id', 'code', 'status', 'subject_id', 'unit_id', 'evidence']).where('domain', '=', 'penaltyDiscretion');
  if (code) q = q.where('code', '=', code);
  return q.execute();
};

describe('demo county', () => {
  it('finds every planted anomaly, each hit owned by the deciding department with records that open', async () => {
    const hits = await hitsOf();
    expect(new Set(hits.map((h) => h.code))).toEqual(new Set(['PENALTY_FINE_OUT_OF_BAND', 'PENALTY_TIER_NO_REASON', 'PENALTY_PEER_AMOUNT_OUTLIER', 'PENALTY_PEER_KIND_DIFFERS',
      'PENALTY_SERIOUS_NO_LEGAL_REVIEW', 'PENALTY_FINE_UNPAID', 'PENALTY_FIRST_OFFENCE_INCONSISTENT', 'PENALTY_CLOSED_NO_REASON']));
    const unpaid = await hitsOf('PENALTY_FINE_UNPAID');
    expect(unpaid.length).toBe(2);
    const owner = await t.ctx.db.selectFrom('penalty_decisions').select('unit_id').where('id', '=', unpaid[0].subject_id.replace('penaltyDecision:', '')).executeTakeFirstOrThrow();
    expect(unpaid[0].unit_id).toBe(owner.unit_id);
    const peer = (await hitsOf('PENALTY_PEER_AMOUNT_OUTLIER'))[0].evidence as { threshold: Record<string, number>; records: Array<{ href: string }> };
    expect(peer.threshold.类案数).toBeGreaterThanOrEqual(5);
    expect(peer.threshold).toHaveProperty('上四分位数');
    expect(peer.records[0].href).toMatch(/^\/penalty\/decisions\?decision=/);
  });
});

describe('recording decisions', () => {
  it('refuses one enforcement officer on its field and writes nothing', async () => {
    const before = await snapshot();
    const res = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/decisions', decision({ enforcementOfficers: ['李明'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.enforcementOfficers');
    expect(res.json().issues[0].message).toContain('执法人员不得少于两人');
    expect(await snapshot()).toEqual(before);
  });

  it('records an out-of-band decision and flags it at once (畸轻畸重); a second with the same number conflicts', async () => {
    const before = await snapshot();
    const body = decision();
    const res = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/decisions', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().flags).toContain('PENALTY_FINE_OUT_OF_BAND');
    const hit = res.json().hits.find((h: { code: string }) => h.code === 'PENALTY_FINE_OUT_OF_BAND');
    expect(hit.evidence.threshold).toMatchObject({ 幅度下限: 1000, 幅度上限: 3000 });
    expect(hit.evidence.values).toMatchObject({ 罚款金额: 4500 });
    expect(await snapshot()).toEqual({ rows: before.rows + 1, audit: before.audit + 1 });
    const again = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/decisions', body);
    expect(again.statusCode).toBe(409);
    expect(issueKeys(again)).toEqual(['penaltyDiscretion.docNoTaken']);
  });

  it('keeps a department to its own decisions; the CDI sees all', async () => {
    const refused = await injectAs(t, c.jtys, 'POST', '/api/v1/penalty/decisions', decision());
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues.map((i: { field: string }) => i.field)).toContain('body.departmentId');
    const own = (await injectAs(t, c.jtys, 'GET', '/api/v1/penalty/decisions?pageSize=200')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.items.map((d: { departmentId: string }) => d.departmentId))).toEqual(new Set([jtys]));
    const other = await t.ctx.db.selectFrom('penalty_decisions').select('id').where('unit_id', '=', scjg).executeTakeFirstOrThrow();
    expect((await injectAs(t, c.jtys, 'GET', `/api/v1/penalty/decisions/${other.id}`)).statusCode).toBe(404);
    const all = (await injectAs(t, c.cdi, 'GET', '/api/v1/penalty/decisions?pageSize=1')).json();
    expect(all.total).toBe(await countRows(t.ctx, 'penalty_decisions'));
    const depts = (await injectAs(t, c.jtys, 'GET', '/api/v1/penalty/consistency')).json().departments;
    expect(depts.map((d: { departmentId: string }) => d.departmentId)).toEqual([jtys]);
  });
});

async function workbook(rows: Array<Record<string, string | number>>): Promise<Buffer> {
  const tpl = await injectAs(t, c.scjg, 'GET', '/api/v1/penalty/decisions/template.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as never);
  const ws = wb.getWorksheet('处罚决定')!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => { headers[col] = String(cell.value).replace('*', ''); });
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function multipart(buf: Buffer) {
  const boundary = '----penaltytest';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    buf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = async (cookie: string, buf: Buffer) => t.app.inject({ method: 'POST', url: '/api/v1/penalty/decisions/import', ...multipart(buf), headers: { ...multipart(buf).headers, cookie } });

describe('Excel import', () => {
  const row = (no: string, extra: Record<string, string | number> = {}) => ({
    执法部门: '县市场监督管理局', 决定书文号: no, 决定日期: daysAgo(20), 当事人类型: '个人', 当事人: '导入测试商户', 裁量事项编号: 'SC-002', 裁量阶次: '一般',
    '罚款金额(元)': 2000, 执法人员: '李明、王建华', 缴款期限: daysAgo(5), ...extra,
  });
  it('refuses the whole file when one row is wrong, naming row and column, and writes nothing', async () => {
    const before = await snapshot();
    const res = await upload(c.scjg, await workbook([row('导入〔1〕1号'), row('导入〔1〕2号', { 裁量阶次: '特别从重', 执法人员: '李明' }), row('导入〔1〕1号')]));
    expect(res.statusCode, res.body).toBe(422);
    const problems = res.json().details.rows as Array<{ row: number; column: string; message: string }>;
    expect(problems.map((p) => [p.row, p.column])).toEqual([[3, '裁量阶次'], [4, '决定书文号']]);
    expect(problems[0].message).toContain('可选');
    expect(await snapshot()).toEqual(before);
  });
  it('imports a correct file and screens it (the unpaid one is flagged)', async () => {
    const hitsBefore = (await hitsOf('PENALTY_FINE_UNPAID')).length;
    const res = await upload(c.scjg, await workbook([row('导入〔1〕3号'), row('导入〔1〕4号', { 决定日期: daysAgo(120), 缴款期限: daysAgo(100) }),
      { 执法部门: '530125D22', 决定书文号: '导入〔1〕不罚1号', 决定日期: daysAgo(10), 办理结果: '立案不处罚', 当事人类型: '单位', 当事人: '导入测试公司', 不予处罚理由: '违法事实不能成立' }]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(3);
    expect((await hitsOf('PENALTY_FINE_UNPAID')).length).toBe(hitsBefore + 1);
  });
});

describe('screening', () => {
  it('replaces undecided hits and keeps a dismissed one dismissed', async () => {
    const [target] = await hitsOf('PENALTY_FINE_OUT_OF_BAND');
    const dismissed = await injectAs(t, c.cdi, 'POST', `/api/v1/risk/hits/${target.id}/dismiss`, { reason: '经核实已按程序调整裁量基准' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const undecided = (await hitsOf()).filter((h) => h.status === 'new');
    await t.ctx.db.updateTable('risk_hits').set({ subject_title: 'stale' }).where('id', 'in', undecided.map((h) => h.id)).execute();
    expect((await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/screening')).statusCode).toBe(403);
    const res = await injectAs(t, c.cdi, 'POST', '/api/v1/penalty/screening');
    expect(res.statusCode).toBe(200);
    expect(res.json().kept).toBeGreaterThanOrEqual(1);
    const after = await hitsOf();
    expect(after.find((h) => h.id === target.id)?.status).toBe('dismissed');
    expect(after.filter((h) => h.status === 'new').length).toBe(undecided.length);
    expect(after.some((h) => undecided.some((u) => u.id === h.id))).toBe(false);
    const view = (await injectAs(t, c.cdi, 'GET', `/api/v1/penalty/decisions/${target.subject_id.replace('penaltyDecision:', '')}`)).json();
    expect(view.flags).not.toContain('PENALTY_FINE_OUT_OF_BAND');
    const again = await screenCounty(t.ctx.db, '530125');
    expect(again.hits).toBe(undecided.length);
  });
});

describe('figures', () => {
  it('counts decisions and flagged decisions as independent SQL does', async () => {
    const period = parsePeriod(`${daysAgo(400)}..${today}`);
    const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
    const d = await metricDefinition('penaltyDiscretion.decisions')!.compute(q);
    const expected = await t.ctx.db.selectFrom('penalty_decisions').select('id').where('outcome', '=', 'penalty').where('decided_on', '>=', period.from).where('decided_on', '<', period.to).execute();
    expect(d.value).toBe(expected.length);
    const f = await metricDefinition('penaltyDiscretion.flagged')!.compute(q);
    const flaggedIds = new Set((await t.ctx.db.selectFrom('risk_hits').select('subject_id').where('domain', '=', 'penaltyDiscretion').where('status', '<>', 'dismissed')
      .where('code', 'in', ['PENALTY_FINE_OUT_OF_BAND', 'PENALTY_PEER_AMOUNT_OUTLIER', 'PENALTY_PEER_KIND_DIFFERS', 'PENALTY_FINE_UNPAID']).execute())
      .map((h) => h.subject_id.replace('penaltyDecision:', '')));
    expect(f.value).toBe(expected.filter((e) => flaggedIds.has(e.id)).length);
    expect(f.value).toBeGreaterThan(0);
    expect(f.breakdown?.penaltyRule.map((b) => b.key).sort()).toEqual(expect.arrayContaining(['PENALTY_FINE_UNPAID']));
    const described = await metricDefinition('penaltyDiscretion.flagged')!.describe(q, f.recordIds.slice(0, 1));
    expect(described[0].link).toMatch(/^\/penalty\/decisions\?decision=/);
  });
});
