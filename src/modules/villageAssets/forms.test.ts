import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { addCalendarDays, todayInShanghai } from '../../platform/calendar/dates';
import { villageOf } from './testing/fixtures';

/**
 * Contracts and disposals recorded by hand, through the API on the demo county without its demo books (so every
 * village flag here comes from these forms): stored as the import would store them and listed; bad input refused
 * on the field it concerns with nothing written; a form row that breaks a rule flagged in the shared hit store.
 */
let t: TestApp;
const c: Record<'cases' | 'a', string> = { cases: '', a: '' };
let vA = { id: '', name: '' };
let vA2 = { id: '', name: '' };
let vB = { id: '', name: '' };
let casesUserId = '';
const today = todayInShanghai();
const tomorrow = addCalendarDays(today, 1);

beforeAll(async () => {
  t = await createTestApp();
  [c.cases, c.a] = await Promise.all([t.login('cases'), t.login('t530125102')]);
  [vA, vA2, vB] = await Promise.all([villageOf(t, '530125102', 1), villageOf(t, '530125102', 2), villageOf(t, '530125103', 1)]);
  casesUserId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'cases').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => { await t?.close(); });

const tables = ['village_contracts', 'village_disposals', 'audit_log', 'risk_hits'];
const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (x) => [x, await countRows(t.ctx, x)])));
const contract = (villageId: string, over: Record<string, unknown> = {}) => ({
  villageId, contractNo: 'HT-2026-001', objectType: 'land', objectName: '村东机动地', area: 12.5, areaUnit: 'mu', counterparty: '李永福', startOn: '2026-01-01',
  endOn: '2031-01-01', annualRent: 6000, awardMethod: 'bidding', decisionDate: '2025-12-20', decisionMeeting: '村民代表会议', ...over,
});
const disposal = (villageId: string, over: Record<string, unknown> = {}) => ({
  villageId, assetName: '旧办公电脑', disposedOn: '2026-03-05', appraisedValue: 3000, salePrice: 2900, disposalBuyer: '宜良县再生资源回收站', disposalMethod: 'bidding', ...over,
});
const hitsOf = (subjectId: string) => t.ctx.db.selectFrom('risk_hits').select(['code', 'unit_id', 'status']).where('domain', '=', 'villageAssets').where('subject_id', '=', subjectId).execute();
const issues = (res: { json(): { issues: Array<{ field: string; key: string; message: string }> } }) => res.json().issues;

describe('contracts and disposals by form', () => {
  it('records a contract and a disposal as the import would store them, audited and listed', async () => {
    const res = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/contracts', contract(vA.id));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual(expect.objectContaining({ villageId: vA.id, contractNo: 'HT-2026-001', objectType: 'land', area: 12.5, areaUnit: 'mu', startOn: '2026-01-01',
      endOn: '2031-01-01', annualRent: 6000, awardMethod: 'bidding', decisionDate: '2025-12-20', decisionMeeting: '村民代表会议', hits: 0 }));
    const listed = (await injectAs(t, c.cases, 'GET', `/api/v1/village-assets/contracts?villageId=${vA.id}`)).json();
    const { hits: _, ...item } = body;
    expect(listed.items).toEqual([item]);
    const row = await t.ctx.db.selectFrom('village_contracts').select(['township_code', 'batch_id', 'created_by', 'county_code']).where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ township_code: '530125102', batch_id: null, created_by: casesUserId, county_code: '530125' });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('object_id', '=', body.id).execute();
    expect(audit).toEqual([{ action: 'villageAssets.contract.create', actor_id: casesUserId }]);

    // The number is unique within a village, not across villages.
    const other = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/contracts', contract(vA2.id));
    expect(other.statusCode, other.body).toBe(201);

    const d = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/disposals', disposal(vA.id));
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toEqual(expect.objectContaining({ villageId: vA.id, assetName: '旧办公电脑', disposedOn: '2026-03-05', appraisedValue: 3000, salePrice: 2900,
      buyer: '宜良县再生资源回收站', method: 'bidding', decisionDate: null, decisionMeeting: null, hits: 0 }));
    const disposals = (await injectAs(t, c.cases, 'GET', `/api/v1/village-assets/disposals?villageId=${vA.id}`)).json();
    expect(disposals.items.map((x: { id: string }) => x.id)).toEqual([d.json().id]);
    const drow = await t.ctx.db.selectFrom('village_disposals').select(['township_code', 'batch_id', 'created_by']).where('id', '=', d.json().id).executeTakeFirstOrThrow();
    expect(drow).toEqual({ township_code: '530125102', batch_id: null, created_by: casesUserId });
    expect((await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', d.json().id).execute()).map((a) => a.action)).toEqual(['villageAssets.disposal.create']);
    // A contract with a rent of zero is accepted, as the import accepts it.
    expect((await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/contracts', contract(vA.id, { contractNo: 'HT-2026-002', annualRent: 0 }))).statusCode).toBe(201);
  });

  it('refuses bad input on the field it concerns and writes nothing', async () => {
    const before = await snapshot();
    const post = (kind: 'contracts' | 'disposals', body: object, cookie = c.cases) => injectAs(t, cookie, 'POST', `/api/v1/village-assets/${kind}`, body);

    const backwards = await post('contracts', contract(vA.id, { contractNo: 'HT-2026-009', startOn: '2026-03-01', endOn: '2026-02-28' }));
    expect(backwards.statusCode).toBe(400);
    expect(issues(backwards)).toEqual([expect.objectContaining({ field: 'body.endOn', key: 'villageAssets.endBeforeStart' })]);
    expect(issues(backwards)[0].message).toBe('截止日期应晚于起始日期（2026-03-01）');
    const sameDay = await post('contracts', contract(vA.id, { contractNo: 'HT-2026-009', startOn: '2026-03-01', endOn: '2026-03-01' }));
    expect(issues(sameDay).map((i) => i.field)).toEqual(['body.endOn']);

    const taken = await post('contracts', contract(vA.id));
    expect(taken.statusCode).toBe(400);
    expect(issues(taken)).toEqual([expect.objectContaining({ field: 'body.contractNo', key: 'villageAssets.contractNoTaken' })]);
    expect(issues(taken)[0].message).toContain('合同编号“HT-2026-001”');
    // Every rule broken at once is named at once, each on its field.
    const several = await post('contracts', contract(vA.id, { startOn: tomorrow, endOn: today, decisionDate: undefined }));
    expect(issues(several).map((i) => `${i.field}:${i.key}`).sort()).toEqual(['body.contractNo:villageAssets.contractNoTaken', 'body.decisionDate:field.required',
      'body.endOn:villageAssets.endBeforeStart', 'body.startOn:villageAssets.dateFuture']);
    const badArea = await post('contracts', contract(vA.id, { contractNo: 'HT-2026-010', area: 0, awardMethod: '协商' }));
    expect(issues(badArea).map((i) => i.field).sort()).toEqual(['body.area', 'body.awardMethod']);

    const future = await post('disposals', disposal(vA.id, { disposedOn: tomorrow }));
    expect(future.statusCode).toBe(400);
    expect(issues(future)).toEqual([expect.objectContaining({ field: 'body.disposedOn', key: 'villageAssets.dateFuture' })]);
    expect(issues(future)[0].message).toBe(`处置日期（${tomorrow}）不能晚于今天`);
    const futureDecision = await post('disposals', disposal(vA.id, { decisionDate: tomorrow, decisionMeeting: '村民会议' }));
    expect(issues(futureDecision).map((i) => i.field)).toEqual(['body.decisionDate']);
    const negative = await post('disposals', disposal(vA.id, { salePrice: -1 }));
    expect(issues(negative).map((i) => i.field)).toEqual(['body.salePrice']);
    const unknown = await post('disposals', { ...disposal(vA.id), buyer: '某人' });
    expect(unknown.statusCode).toBe(400);
    expect(issueKeys(unknown)).toContain('field.unknown');
    const english = await t.app.inject({ method: 'POST', url: '/api/v1/village-assets/contracts', payload: contract(vA.id),
      headers: { cookie: c.cases, 'accept-language': 'en' } });
    expect(issues(english)[0].message).toBe('Contract no. "HT-2026-001" is already recorded for this village');

    // A township committee records only into its own villages.
    const elsewhere = await post('contracts', contract(vB.id, { contractNo: 'HT-2026-011' }), c.a);
    expect(issues(elsewhere)).toEqual([expect.objectContaining({ field: 'body.villageId', key: 'field.unitNotFound' })]);
    const town = await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow();
    expect(issueKeys(await post('disposals', disposal(town.id)))).toEqual(['villageAssets.notVillage']);

    expect(await snapshot()).toEqual(before);
  });

  it('screens the county after each form: a negotiated contract over the limit and a disposal well under its appraisal are flagged', async () => {
    // ¥20,000 a year for five years = ¥100,000 awarded by negotiation, over the ¥50,000 open-bidding limit; decided before its start.
    const neg = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/contracts', contract(vA.id, {
      contractNo: 'HT-2026-003', objectType: 'pond', objectName: '大塘', area: 20, annualRent: 20_000, awardMethod: 'negotiation', startOn: '2026-01-01', endOn: '2031-01-01',
    }));
    expect(neg.statusCode, neg.body).toBe(201);
    expect(neg.json().hits).toBe(1);
    expect(await hitsOf(`contract:${neg.json().id}`)).toEqual([{ code: 'VILLAGE_NEGOTIATED_OVER_LIMIT', unit_id: vA.id, status: 'new' }]);
    // The same contract below the limit (¥8,000 a year) is not flagged.
    const small = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/contracts', contract(vA.id, { contractNo: 'HT-2026-004', annualRent: 8000, awardMethod: 'negotiation' }));
    expect(await hitsOf(`contract:${small.json().id}`)).toEqual([]);

    // Sold for 60% of the appraisal (the floor is 90%): a strong flag.
    const low = await injectAs(t, c.cases, 'POST', '/api/v1/village-assets/disposals', disposal(vA.id, { assetName: '旧拖拉机', appraisedValue: 10_000, salePrice: 6000, disposalMethod: 'negotiation' }));
    expect(low.statusCode, low.body).toBe(201);
    expect(low.json().hits).toBe(2);
    const hit = await t.ctx.db.selectFrom('risk_hits').select(['code', 'unit_id', 'strength', 'evidence']).where('domain', '=', 'villageAssets')
      .where('subject_id', '=', `disposal:${low.json().id}`).executeTakeFirstOrThrow();
    expect(hit).toEqual(expect.objectContaining({ code: 'VILLAGE_DISPOSAL_BELOW_APPRAISAL', unit_id: vA.id, strength: 'strong' }));
    expect((hit.evidence as { values: Record<string, unknown> }).values).toEqual(expect.objectContaining({ 评估价: 10_000, 成交价: 6000 }));
    // The flags are the township's to see, in the shared list.
    const listed = (await injectAs(t, c.a, 'GET', '/api/v1/risk/hits?domain=villageAssets&pageSize=50')).json().items as Array<{ code: string }>;
    expect(listed.map((h) => h.code).sort()).toEqual(['VILLAGE_DISPOSAL_BELOW_APPRAISAL', 'VILLAGE_NEGOTIATED_OVER_LIMIT']);
  });
});
