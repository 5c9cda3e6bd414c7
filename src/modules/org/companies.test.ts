import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../../../test/helpers';
import { computeCreditCodeCheck, CREDIT_CODE_CHARSET, generateCreditCode } from '../../platform/identifiers/creditCode';

let t: TestApp;
let admin: string;
let township102: string;
let township103: string;

async function unitId(code: string): Promise<string> {
  return (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A well-formed code whose check character is wrong, and the character it should have been. */
function badChecksum(seed: number): { code: string; expected: string } {
  const good = generateCreditCode('530125', seed);
  const expected = computeCreditCodeCheck(good.slice(0, 17));
  const wrong = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(expected) + 1) % 31];
  return { code: good.slice(0, 17) + wrong, expected };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  township102 = await unitId('530125102');
  township103 = await unitId('530125103');
});
afterAll(async () => { await t?.close(); });

const post = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/org/companies', headers: { cookie }, payload });

describe('companies', () => {
  it('lists the demo companies paged, with search', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/companies?pageSize=5', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    expect(body.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), creditCode: expect.any(String), creditCodeCheckOverridden: false, unitName: expect.any(String) }));
    const q = body.items[0].creditCode.slice(0, 12);
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/org/companies?q=${q}`, headers: { cookie: admin } });
    expect(found.json().items.map((c: { creditCode: string }) => c.creditCode)).toContain(body.items[0].creditCode);
  });

  it('creates, reads, changes and deletes a company, auditing each step', async () => {
    const creditCode = generateCreditCode('530125', 90001);
    const created = await post(admin, { name: '宜良测试建设有限公司', creditCode, unitId: township102, legalRepresentative: '张三' });
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({ name: '宜良测试建设有限公司', creditCode, creditCodeCheckOverridden: false, unitId: township102, legalRepresentative: '张三', address: null });

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/org/companies/${company.id}`, headers: { cookie: admin } });
    expect(read.json()).toEqual(company);

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/org/companies/${company.id}`, headers: { cookie: admin }, payload: { address: '匡远街道1号' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ address: '匡远街道1号', creditCode });

    const before = await countRows(t.ctx, 'companies');
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/org/companies/${company.id}`, headers: { cookie: admin } });
    expect(deleted.statusCode).toBe(204);
    expect(await countRows(t.ctx, 'companies')).toBe(before - 1);
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/org/companies/${company.id}`, headers: { cookie: admin } });
    expect(gone.statusCode).toBe(404);

    const actions = (await t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', company.id).orderBy('id').execute());
    expect(actions.map((a) => a.action)).toEqual(['org.company.create', 'org.company.update', 'org.company.delete']);
    expect(actions[2].detail).toMatchObject({ creditCode, name: '宜良测试建设有限公司' });
  });

  it('treats a checksum mismatch as a warning the user may override', async () => {
    const { code, expected } = badChecksum(90002);
    const refused = await post(admin, { name: '试点企业', creditCode: code, unitId: township102 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues).toEqual([expect.objectContaining({ field: 'body.creditCode', key: 'field.creditCode' })]);
    expect(refused.json().issues[0].message).toContain(expected);

    const accepted = await post(admin, { name: '试点企业', creditCode: code, unitId: township102, overrideCheck: true });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ creditCode: code, creditCodeCheckOverridden: true });

    // Correcting the code later clears the flag.
    const fixed = code.slice(0, 17) + expected;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/org/companies/${accepted.json().id}`, headers: { cookie: admin }, payload: { creditCode: fixed } });
    expect(patched.json()).toMatchObject({ creditCode: fixed, creditCodeCheckOverridden: false });
  });

  it('refuses a malformed code outright, even with overrideCheck', async () => {
    const res = await post(admin, { name: '格式错误', creditCode: '91530125ABC', unitId: township102, overrideCheck: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.creditCode');
  });

  it('refuses a credit code already registered in the county', async () => {
    const existing = await t.ctx.db.selectFrom('companies').select('credit_code').executeTakeFirstOrThrow();
    const res = await post(admin, { name: '重复企业', creditCode: existing.credit_code.toLowerCase(), unitId: township103 });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'body.creditCode', key: 'field.duplicate' })]);

    const other = (await post(admin, { name: '另一企业', creditCode: generateCreditCode('530125', 90003), unitId: township103 })).json();
    const clash = await t.app.inject({ method: 'PATCH', url: `/api/v1/org/companies/${other.id}`, headers: { cookie: admin }, payload: { creditCode: existing.credit_code } });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().issues[0]).toMatchObject({ field: 'body.creditCode', key: 'field.duplicate' });
  });

  it('keeps a township user to companies of their own township', async () => {
    const t103 = await t.login('t530125103');
    const mine = (await post(t103, { name: '九乡某公司', creditCode: generateCreditCode('530125', 90004), unitId: township103 })).json();
    const theirs = (await post(admin, { name: '北古城某公司', creditCode: generateCreditCode('530125', 90005), unitId: township102 })).json();

    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/org/companies?pageSize=200', headers: { cookie: t103 } })).json();
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/org/companies/${theirs.id}`, headers: { cookie: t103 } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/org/companies/${theirs.id}`, headers: { cookie: t103 } })).statusCode).toBe(404);

    const elsewhere = await post(t103, { name: '越权企业', creditCode: generateCreditCode('530125', 90006), unitId: township102 });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().issues[0]).toMatchObject({ field: 'body.unitId', key: 'field.unitNotFound' });
  });

  it('needs org.company.write to change anything', async () => {
    const auditor = await t.login('auditor');
    const res = await post(auditor, { name: '无权限', creditCode: generateCreditCode('530125', 90007), unitId: township102 });
    expect(res.statusCode).toBe(403);
  });
});
