import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, type TestApp } from '../../../test/helpers';
import { hashPassword } from '../../platform/auth/password';
import { keyFingerprint } from '../../platform/crypto';
import { ensureReportRoles } from './permissions';
import { receiptHash } from './receipts';
import { masterKey, rotateMasterKey } from './vault';

let t: TestApp;
let intake = '';
let cdi = '';
beforeAll(async () => {
  t = await createTestApp();
  await ensureReportRoles(t.ctx.db);
  intake = await t.login('intake');
  cdi = await t.login('cdi');
});
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, cookie: string, payload?: unknown) => injectAs(t, cookie, method, url, payload);
const unitId = async (code: string) => (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('staff intake and handling', () => {
  it('requires caller consent for calls and a document number for referrals, naming the field and writing nothing', async () => {
    const before = await countRows(t.ctx, 'reports');
    const call = await api('POST', '/api/v1/reports', intake, { channel: 'phone', kind: 'accusation', title: '来电反映', content: '内容', anonymous: true });
    expect(call.json().issues.map((i: { field: string }) => i.field)).toEqual(['body.callerConsent']);
    const referral = await api('POST', '/api/v1/reports', intake, { channel: 'referral', kind: 'accusation', title: '上级转办', content: '内容', anonymous: true });
    expect(referral.json().issues.map((i: { field: string }) => i.field)).toEqual(['body.referralDocNo']);
    expect(await countRows(t.ctx, 'reports')).toBe(before);
  });

  it('suggests repeats at intake, links them as one matter, and routes by rule', async () => {
    const first = await api('POST', '/api/v1/reports', intake, { channel: 'letter', kind: 'accusation', title: '反映某镇国土所干部吃拿卡要', content: '办理宅基地审批时索要好处费', townshipCode: '530125102', accused: { name: '钱某某', unit: '国土所' }, anonymous: true });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().receipt).toMatch(/^\d{20}$/);
    const second = await api('POST', '/api/v1/reports', intake, { channel: '12388', kind: 'accusation', title: '国土所钱某某索要好处费', content: '宅基地审批吃拿卡要', townshipCode: '530125102', accused: { name: '钱某某' }, anonymous: false, reporter: { name: '周某某', phone: '13700000000' } });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().repeatCandidates[0]).toMatchObject({ id: first.json().id, reasons: expect.arrayContaining(['sameAccused']) });
    const link = await api('POST', `/api/v1/reports/${second.json().id}/repeat`, intake, { repeatOf: first.json().id });
    expect(link.statusCode, link.body).toBe(200);
    const detail = (await api('GET', `/api/v1/reports/${second.json().id}`, intake)).json();
    expect(detail).toMatchObject({ repeatOf: first.json().id, matterGroupSize: 2 });

    const township = await unitId('530125102');
    const rule = await api('POST', '/api/v1/reports/routing-rules', intake, { category: '吃拿卡要', townshipCode: '530125102', handlingUnitId: township });
    expect(rule.statusCode, rule.body).toBe(201);
    await api('PATCH', `/api/v1/reports/${first.json().id}/triage`, intake, { category: '吃拿卡要' });
    const suggestion = (await api('GET', `/api/v1/reports/${first.json().id}/route-suggestion`, intake)).json();
    expect(suggestion).toMatchObject({ unitId: township, basis: 'rule', ruleId: rule.json().id });
  });

  it('takes the accused official rank from the officials register at triage', async () => {
    const official = await t.ctx.db.selectFrom('officials').select(['id', 'rank', 'managed_by']).where('rank', '=', 'township').executeTakeFirstOrThrow();
    const r = await api('POST', '/api/v1/reports', intake, { channel: 'visit', kind: 'accusation', title: '来访反映', content: '反映违规发放津贴', anonymous: true });
    expect((await api('PATCH', `/api/v1/reports/${r.json().id}/triage`, intake, { accusedOfficialId: official.id })).statusCode).toBe(200);
    const d = (await api('GET', `/api/v1/reports/${r.json().id}`, intake)).json();
    expect(d).toMatchObject({ accusedRank: 'township', accusedManagedBy: official.managed_by });
  });

  it('extends a settlement period only with a reason and a leader approval; lists overdue deadlines', async () => {
    const r = await api('POST', '/api/v1/reports', intake, { channel: 'letter', kind: 'appeal', title: '申诉', content: '对处理结果不服', anonymous: true, receivedOn: '2025-01-02' });
    const id = r.json().id;
    const overdue = (await api('GET', '/api/v1/reports/deadlines?state=overdue', intake)).json();
    expect(overdue.items.find((i: { id: string }) => i.id === id).deadlines[0]).toMatchObject({ name: 'route', due: '2025-01-23' });
    expect((await api('POST', `/api/v1/reports/${id}/decision`, intake, { accept: true })).statusCode).toBe(200);
    expect((await api('POST', `/api/v1/reports/${id}/extensions`, intake, { days: 20 })).json().issues[0].field).toBe('body.reason');
    const req = await api('POST', `/api/v1/reports/${id}/extensions`, intake, { days: 20, reason: '涉及多个部门，需联合调查' });
    expect(req.statusCode, req.body).toBe(201);
    expect((await api('POST', `/api/v1/reports/${id}/extensions/${req.json().eventId}/decision`, intake, { approve: true })).statusCode).toBe(403);
    const ok = await api('POST', `/api/v1/reports/${id}/extensions/${req.json().eventId}/decision`, cdi, { approve: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().extendedDue).toBe(req.json().proposedDue);
    expect((await api('POST', `/api/v1/reports/${id}/extensions`, intake, { days: 5, reason: '再延' })).json().issues[0].key).toBe('field.alreadyExtended');
  });

  it('gives monitors (政风行风监测点) their own reports only', async () => {
    const role = await t.ctx.db.selectFrom('roles').select('id').where('code', '=', 'monitor').executeTakeFirstOrThrow();
    const user = await t.ctx.db.insertInto('users').values({ username: 'monitor1', display_name: '监测员', unit_id: await unitId('530125102'), password_hash: await hashPassword('Monitor#2026') })
      .returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('user_roles').values({ user_id: user.id, role_id: role.id }).execute();
    const monitor = await t.login('monitor1', 'Monitor#2026');
    const r = await api('POST', '/api/v1/reports', monitor, { channel: 'monitoringPoint', kind: 'efficiency', efficiencyCategory: 'delay', title: '窗口办事拖拉', content: '监测发现窗口排队时间过长', anonymous: true });
    expect(r.statusCode, r.body).toBe(201);
    const list = (await api('GET', '/api/v1/reports?pageSize=200', monitor)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([r.json().id]);
    const cats = (await api('GET', '/api/v1/reports/efficiency-categories', intake)).json().items;
    expect(cats.filter((c: { countsAsDrift: boolean }) => c.countsAsDrift).map((c: { name: string }) => c.name)).toEqual(['责任不强', '作风不实', '办事拖拉', '推诿扯皮']);
  });

  it('grants the built-in roles their reports permissions once: an office\'s later removal sticks', async () => {
    const role = await t.ctx.db.selectFrom('roles').select(['id', 'permissions']).where('code', '=', 'cdiLeader').executeTakeFirstOrThrow();
    expect(role.permissions).toContain('reports.identity.reveal');
    await t.ctx.db.updateTable('roles').set({ permissions: role.permissions.filter((p) => p !== 'reports.identity.reveal') }).where('id', '=', role.id).execute();
    await ensureReportRoles(t.ctx.db);
    const after = await t.ctx.db.selectFrom('roles').select('permissions').where('id', '=', role.id).executeTakeFirstOrThrow();
    expect(after.permissions).not.toContain('reports.identity.reveal');
    await t.ctx.db.updateTable('roles').set({ permissions: role.permissions }).where('id', '=', role.id).execute();
  });

  it('rotates the master key: every data key re-wrapped, identities still readable', async () => {
    const prev = process.env.LIANJIAN_FIELD_CIPHER;
    process.env.LIANJIAN_FIELD_CIPHER = 'aes-256-gcm';
    const aes = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { kind: 'suggestion', title: '建议', content: '建议公开低保名单', anonymous: false, reporter: { name: '吴某某', phone: '13600000000', citizenId: '11010519491231002X' } } });
    if (prev === undefined) delete process.env.LIANJIAN_FIELD_CIPHER; else process.env.LIANJIAN_FIELD_CIPHER = prev;
    expect(aes.statusCode, aes.body).toBe(201);
    const aesRow = await t.ctx.db.selectFrom('reports').select(['id', 'identity_cipher']).where('receipt_hash', '=', receiptHash(aes.json().receipt)).executeTakeFirstOrThrow();
    expect(aesRow.identity_cipher).toMatch(/^v1:aes-256-gcm:/);

    const oldId = keyFingerprint(masterKey(t.ctx.config));
    const newKey = new Uint8Array(randomBytes(32));
    const { rewrapped, keyId } = await rotateMasterKey(t.ctx, newKey);
    expect(rewrapped).toBeGreaterThanOrEqual(2);
    const ids = await t.ctx.db.selectFrom('reports').select('key_id').distinct().where('key_id', 'is not', null).execute();
    expect(ids.map((r) => r.key_id)).toEqual([keyId]);
    expect(keyId).not.toBe(oldId);
    const revealed = await api('POST', `/api/v1/reports/${aesRow.id}/identity/reveal`, cdi, { reason: '轮换后核验可解密' });
    expect(revealed.json()).toMatchObject({ name: '吴某某' });
    expect((await rotateMasterKey(t.ctx, newKey)).rewrapped).toBe(0); // re-running is harmless
  });
});
