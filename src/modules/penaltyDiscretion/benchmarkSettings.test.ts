import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { fromDayNumber, toDayNumber, todayInShanghai } from '../../platform/calendar/dates';
import { createDemoPenalty } from './demo';

/**
 * Benchmark entry and revision, and the screening settings, through the API on the demo county: a new item listed
 * (a wrong band refused on its field, nothing written); a revised band changes the next screening at once, audited
 * with the bands before; a tier in use cannot be dropped; a threshold change re-screens so the hits follow.
 */
let t: TestApp;
const c = { cdi: '', scjg: '', jtys: '', intake: '' };
const today = todayInShanghai();
const daysAgo = (n: number) => fromDayNumber(toDayNumber(today) - n);
let scjg = '';
let sc002 = '';

beforeAll(async () => {
  t = await createTestApp();
  await createDemoPenalty(t.ctx.db, '530125');
  [c.cdi, c.scjg, c.jtys, c.intake] = await Promise.all([t.login('cdi'), t.login('scjg'), t.login('jtys'), t.login('intake')]);
  scjg = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125D22').executeTakeFirstOrThrow()).id;
  sc002 = (await t.ctx.db.selectFrom('penalty_benchmark_items').select('id').where('code', '=', 'SC-002').executeTakeFirstOrThrow()).id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const snapshot = async () => ({
  items: await countRows(t.ctx, 'penalty_benchmark_items'), tiers: await countRows(t.ctx, 'penalty_benchmark_tiers'), audit: await countRows(t.ctx, 'audit_log'),
  bands: await t.ctx.db.selectFrom('penalty_benchmark_tiers').select(['item_id', 'tier', 'fine_min', 'fine_max']).orderBy('item_id').orderBy('tier').execute(),
});
const hitsOf = (code: string) => t.ctx.db.selectFrom('risk_hits').select(['id', 'subject_id', 'status']).where('domain', '=', 'penaltyDiscretion').where('code', '=', code).execute();
const lastAudit = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow();
const sc002Tiers = (ordinaryMax: number) => [
  { tier: 'none', fineBasis: 'amount', fineMin: 0, fineMax: 0 },
  { tier: 'lenient', fineBasis: 'amount', fineMin: 200, fineMax: 1000, penaltyKinds: ['warning'] },
  { tier: 'ordinary', fineBasis: 'amount', fineMin: 1000, fineMax: ordinaryMax, circumstances: '一般情形' },
  { tier: 'aggravated', fineBasis: 'amount', fineMin: 3000, fineMax: 5000 },
];

describe('benchmark items', () => {
  const item = (extra: object = {}) => ({
    departmentId: scjg, itemCode: 'SC-T01', violation: '测试违法行为', legalBasis: '《测试法》第一条', penaltyBasis: '《测试法》第二条',
    tiers: [{ tier: 'lenient', fineBasis: 'amount', fineMin: 500, fineMax: 1000 }, { tier: 'ordinary', fineBasis: 'multiple', fineMin: 1, fineMax: 3, penaltyKinds: ['confiscation'] }],
    ...extra,
  });

  it('refuses a band whose maximum is below its minimum on that tier\'s field, writing nothing', async () => {
    const before = await snapshot();
    const res = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/benchmarks', item({ tiers: [{ tier: 'ordinary', fineBasis: 'amount', fineMin: 3000, fineMax: 1000 }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'body.tiers[0].fineMax' });
    expect(res.json().issues[0].message).toContain('罚款上限（1000）不能小于罚款下限（3000）');
    expect(await snapshot()).toEqual(before);
  });

  it('adds an item with its tiers, lists it, and a read-only user cannot add one', async () => {
    expect((await injectAs(t, c.intake, 'POST', '/api/v1/penalty/benchmarks', item({ itemCode: 'SC-T02' }))).statusCode).toBe(403);
    const res = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/benchmarks', item());
    expect(res.statusCode, res.body).toBe(201);
    const listed = (await injectAs(t, c.intake, 'GET', '/api/v1/penalty/benchmarks')).json().items.find((i: { itemCode: string }) => i.itemCode === 'SC-T01');
    expect(listed).toMatchObject({ departmentId: scjg, demo: false, violation: '测试违法行为' });
    expect(listed.tiers.map((x: { tier: string; fineBasis: string; fineMax: number }) => [x.tier, x.fineBasis, x.fineMax])).toEqual([['lenient', 'amount', 1000], ['ordinary', 'multiple', 3]]);
    const again = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/benchmarks', item());
    expect(again.statusCode).toBe(409);
    expect(issueKeys(again)).toEqual(['penaltyDiscretion.itemCodeTaken']);
  });
});

describe('revising an item\'s tiers', () => {
  let docId = '';
  const flagged = async () => (await hitsOf('PENALTY_FINE_OUT_OF_BAND')).some((h) => h.subject_id === `penaltyDecision:${docId}`);

  beforeAll(async () => {
    const res = await injectAs(t, c.scjg, 'POST', '/api/v1/penalty/decisions', {
      departmentId: scjg, penaltyDocumentNo: '宜市监罚〔测试〕基准调整1号', decidedOn: daysAgo(3), partyType: 'individual', partyName: '基准调整测试商店',
      benchmarkItemId: sc002, discretionTier: 'ordinary', fineAmount: 4500, enforcementOfficers: ['李明', '王建华'],
    });
    expect(res.statusCode, res.body).toBe(201);
    docId = res.json().id;
  });

  it('a wider band clears the decision at once and a narrower one flags it again, each audited with the bands before', async () => {
    expect(await flagged()).toBe(true);
    const wider = await injectAs(t, c.scjg, 'PATCH', `/api/v1/penalty/benchmarks/${sc002}`, { tiers: sc002Tiers(5000) });
    expect(wider.statusCode, wider.body).toBe(200);
    expect(wider.json().tiers.find((x: { tier: string }) => x.tier === 'ordinary')).toMatchObject({ fineMin: 1000, fineMax: 5000, circumstances: '一般情形' });
    expect(wider.json().screening.decisions).toBeGreaterThan(0);
    expect(await flagged()).toBe(false);
    const audit = await lastAudit('penaltyDiscretion.benchmark.updateTiers');
    expect(audit.object_id).toBe(sc002);
    expect(audit.detail).toMatchObject({ itemCode: 'SC-002', before: ['none:0-0', 'lenient:200-1000', 'ordinary:1000-3000', 'aggravated:3000-5000'],
      after: ['none:0-0', 'lenient:200-1000', 'ordinary:1000-5000', 'aggravated:3000-5000'] });

    const narrower = await injectAs(t, c.cdi, 'PATCH', `/api/v1/penalty/benchmarks/${sc002}`, { tiers: sc002Tiers(4000) });
    expect(narrower.statusCode, narrower.body).toBe(200);
    expect(await flagged()).toBe(true);
    const view = (await injectAs(t, c.scjg, 'GET', `/api/v1/penalty/decisions/${docId}`)).json();
    const hit = view.hits.find((h: { code: string }) => h.code === 'PENALTY_FINE_OUT_OF_BAND');
    expect(hit.evidence.threshold).toMatchObject({ 幅度下限: 1000, 幅度上限: 4000 });
  });

  it('refuses dropping a tier that decisions declare, a wrong band, another department and a reader, changing nothing', async () => {
    const before = await snapshot();
    const dropped = await injectAs(t, c.scjg, 'PATCH', `/api/v1/penalty/benchmarks/${sc002}`, { tiers: sc002Tiers(4000).filter((x) => x.tier !== 'ordinary') });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().issues[0].field).toBe('body.tiers');
    expect(dropped.json().issues[0].message).toMatch(/不能删去“一般”：已有 \d+ 件处罚决定适用该阶次/);
    const twice = await injectAs(t, c.scjg, 'PATCH', `/api/v1/penalty/benchmarks/${sc002}`, { tiers: [...sc002Tiers(4000), { tier: 'ordinary', fineBasis: 'amount', fineMin: 1, fineMax: 2 }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().issues[0].field).toBe('body.tiers[4].tier');
    expect((await injectAs(t, c.jtys, 'PATCH', `/api/v1/penalty/benchmarks/${sc002}`, { tiers: sc002Tiers(9000) })).statusCode).toBe(404);
    expect((await injectAs(t, c.intake, 'PATCH', `/api/v1/penalty/benchmarks/${sc002}`, { tiers: sc002Tiers(9000) })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('screening settings', () => {
  it('shows the thresholds and the fixed peer minimum; only a screener may change them, within range', async () => {
    const got = (await injectAs(t, c.intake, 'GET', '/api/v1/penalty/settings')).json();
    expect(got).toMatchObject({ seriousFineIndividual: 10_000, seriousFineOrganisation: 100_000, unpaidDays: 30, minPeers: 5 });
    const body = { seriousFineIndividual: 10_000, seriousFineOrganisation: 100_000, unpaidDays: 30 };
    expect((await injectAs(t, c.scjg, 'PUT', '/api/v1/penalty/settings', body)).statusCode).toBe(403);
    const audit = await countRows(t.ctx, 'audit_log');
    const bad = await injectAs(t, c.cdi, 'PUT', '/api/v1/penalty/settings', { ...body, unpaidDays: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('body.unpaidDays');
    expect(bad.json().issues[0].message).toContain('逾期容许天数');
    expect(await countRows(t.ctx, 'audit_log')).toBe(audit);
  });

  it('re-screens on save: a lower large-fine line flags the unreviewed fines above it, a longer grace clears the unpaid ones', async () => {
    const unpaidBefore = await hitsOf('PENALTY_FINE_UNPAID');
    expect(unpaidBefore.length).toBeGreaterThan(0);
    const res = await injectAs(t, c.cdi, 'PUT', '/api/v1/penalty/settings', { seriousFineIndividual: 2000, seriousFineOrganisation: 100_000, unpaidDays: 3650 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ seriousFineIndividual: 2000, unpaidDays: 3650 });
    expect(res.json().screening.hits).toBeGreaterThan(0);
    expect(await hitsOf('PENALTY_FINE_UNPAID')).toEqual([]);
    // Independent count: individuals' penalty decisions fined ≥ ¥2,000 (or with 责令停产停业/吊销) without 法制审核 by the decision date.
    const rows = await t.ctx.db.selectFrom('penalty_decisions').select(['id', 'party_type', 'fine_amount', 'kinds', 'legal_review_on', 'decided_on'])
      .where('outcome', '=', 'penalty').execute();
    const expected = rows.filter((r) => {
      const limit = r.party_type === 'individual' ? 2000 : 100_000;
      const heavy = r.kinds.some((k) => k === 'suspension' || k === 'licenceRevoked');
      return (Number(r.fine_amount) >= limit || heavy) && !(r.legal_review_on && r.legal_review_on <= r.decided_on);
    }).map((r) => `penaltyDecision:${r.id}`).sort();
    expect((await hitsOf('PENALTY_SERIOUS_NO_LEGAL_REVIEW')).map((h) => h.subject_id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    const audit = await lastAudit('penaltyDiscretion.settings.update');
    expect(audit.detail).toMatchObject({ before: { seriousFineIndividual: 10_000, unpaidDays: 30 }, after: { seriousFineIndividual: 2000, unpaidDays: 3650 } });
  });
});
