import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { todayInShanghai } from '../../platform/calendar/dates';

/**
 * Correcting and removing inspected objects: a correction passes the same checks as registering (the threshold on
 * 合同金额), leaves nothing changed when refused, keeps the values before in the audit and moves the findings
 * with a new owner unit; removal is refused once something was found on the object.
 */
let t: TestApp;
const c: Record<'cdi' | 'a', string> = { cdi: '', a: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
let campaignId = '';
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [c.cdi, c.a] = await Promise.all([t.login('cdi'), t.login('t530125102')]);
  for (const code of ['530125102', '530125103']) unitIds[code] = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const res = await injectAs(t, c.cdi, 'POST', '/api/v1/campaigns', {
    title: '测试专项治理', kind: 'constructionProjects', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, thresholdYuan: 1_000_000,
  });
  expect(res.statusCode, res.body).toBe(201);
  campaignId = res.json().id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const project = (over: object = {}) => ({ projectName: '测试村道硬化工程', ownerUnitId: unitIds['530125102'], contractAmount: 1_500_000, contractor: '云南测试建设有限公司', inspectedOn: today, ...over });
const register = async (cookie: string) => {
  const o = await injectAs(t, cookie, 'POST', `/api/v1/campaigns/${campaignId}/objects`, project());
  expect(o.statusCode, o.body).toBe(201);
  return o.json().id as string;
};
const row = (id: string) => t.ctx.db.selectFrom('campaign_objects').select(['name', 'unit_id', 'contract_amount', 'township_code']).where('id', '=', id).executeTakeFirst();

describe('correcting an inspected object', () => {
  it('refuses an amount below the threshold on 合同金额 and changes nothing', async () => {
    const id = await register(c.a);
    const before = { row: await row(id), audit: await countRows(t.ctx, 'audit_log') };
    const res = await injectAs(t, c.a, 'PATCH', `/api/v1/campaigns/objects/${id}`, project({ contractAmount: 800_000 }));
    expect(res.statusCode).toBe(400);
    expect(issueKeys(res)).toEqual(['campaigns.belowThreshold']);
    expect(res.json().message).toContain('合同金额');
    expect({ row: await row(id), audit: await countRows(t.ctx, 'audit_log') }).toEqual(before);
  });

  it('corrects name, amount and owner unit; the findings follow the owner; the audit keeps the values before', async () => {
    const id = await register(c.cdi);
    const f = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/${campaignId}/findings`, { objectId: id, category: 'tendering', description: '未公开招标', foundOn: today });
    expect(f.statusCode, f.body).toBe(201);
    const res = await injectAs(t, c.cdi, 'PATCH', `/api/v1/campaigns/objects/${id}`, project({ projectName: '测试村道硬化工程（二期）', contractAmount: 2_300_000, ownerUnitId: unitIds['530125103'] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ projectName: '测试村道硬化工程（二期）', contractAmount: 2_300_000, unitId: unitIds['530125103'], townshipCode: '530125103' });
    const finding = await t.ctx.db.selectFrom('campaign_findings').select('unit_id').where('id', '=', f.json().id).executeTakeFirstOrThrow();
    expect(finding.unit_id).toBe(unitIds['530125103']);
    const entry = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'campaigns.object.update').where('object_id', '=', id).executeTakeFirstOrThrow();
    expect(entry.detail).toMatchObject({ before: { name: '测试村道硬化工程', contractAmount: 1_500_000, unitId: unitIds['530125102'] }, after: { contractAmount: 2_300_000 } });
    // Township A no longer reaches the object now owned by township B.
    expect((await injectAs(t, c.a, 'PATCH', `/api/v1/campaigns/objects/${id}`, project())).statusCode).toBe(404);
  });
});

describe('removing an inspected object', () => {
  it('is refused once a finding was recorded on it, and removes one registered by mistake', async () => {
    const withFinding = await register(c.a);
    const f = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/${campaignId}/findings`, { objectId: withFinding, category: 'supervision', description: '监管不到位', foundOn: today });
    expect(f.statusCode, f.body).toBe(201);
    const refused = await injectAs(t, c.a, 'DELETE', `/api/v1/campaigns/objects/${withFinding}`);
    expect(refused.statusCode).toBe(409);
    expect(issueKeys(refused)).toEqual(['campaigns.objectHasFindings']);
    expect(await row(withFinding)).toBeTruthy();

    const mistaken = await register(c.a);
    const removed = await injectAs(t, c.a, 'DELETE', `/api/v1/campaigns/objects/${mistaken}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await row(mistaken)).toBeUndefined();
    const entry = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'campaigns.object.delete').where('object_id', '=', mistaken).executeTakeFirstOrThrow();
    expect(entry.detail).toMatchObject({ campaignId, name: '测试村道硬化工程', contractAmount: 1_500_000 });
  });
});
