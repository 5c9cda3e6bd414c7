import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../../../test/helpers';
import { generateCitizenId } from '../../platform/identifiers';

let t: TestApp;
let cookie = '';
let unitId = '';
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('admin');
  unitId = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t?.close(); });

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/org/officials', headers: { cookie, ...headers }, payload: payload as object });

describe('officials', () => {
  it('creates, reads (audited, full ID), lists (masked), updates and removes an official', async () => {
    const citizenId = generateCitizenId('530125', '1980-05-17', 11, 'male');
    const created = await post({ name: '测试干部', gender: 'male', citizenId, unitId, rank: 'township', managedBy: 'county', post: '副镇长', partyMember: true });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ birthDate: '1980-05-17', unitName: '北古城镇' });

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/org/officials/${id}`, headers: { cookie } });
    expect(read.json().citizenId).toBe(citizenId);
    const audited = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['org.official.create', 'org.official.read']));

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/org/officials?q=${encodeURIComponent('测试干部')}`, headers: { cookie } });
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].citizenIdMasked).toBe(`${citizenId.slice(0, 6)}********${citizenId.slice(-4)}`);
    expect(list.json().items[0]).not.toHaveProperty('citizenId');

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/org/officials/${id}`, headers: { cookie }, payload: { post: '镇长' } });
    expect(patched.json().post).toBe('镇长');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/org/officials/${id}`, headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/org/officials/${id}`, headers: { cookie } })).statusCode).toBe(404);
  });

  it('filters by unit subtree and rank', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/org/officials?unitId=${unitId}&rank=other&pageSize=200`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(5);
    expect(res.json().items.every((i: { rank: string }) => i.rank === 'other')).toBe(true);
  });

  it('rejects a citizen ID with a bad check digit, naming the field in the request language', async () => {
    const good = generateCitizenId('530125', '1975-01-02', 3, 'male');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await countRows(t.ctx, 'officials');
    const zh = await post({ name: '甲', gender: 'male', citizenId: bad, unitId, rank: 'general', managedBy: 'township' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().issues[0]).toMatchObject({ field: 'body.citizenId' });
    expect(zh.json().issues[0].message).toContain('公民身份号码');
    const en = await post({ name: '甲', gender: 'male', citizenId: bad, unitId, rank: 'general', managedBy: 'township' }, { 'accept-language': 'en-US' });
    expect(en.json().issues[0].message).toContain('wrong check digit');
    expect(await countRows(t.ctx, 'officials')).toBe(before);
  });

  it('refuses a duplicate citizen ID and a contradicting gender', async () => {
    const id = generateCitizenId('530125', '1990-03-03', 41, 'female');
    expect((await post({ name: '乙', gender: 'female', citizenId: id, unitId, rank: 'general', managedBy: 'township' })).statusCode).toBe(201);
    const dup = await post({ name: '丙', gender: 'female', citizenId: id, unitId, rank: 'general', managedBy: 'township' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues[0]).toMatchObject({ field: 'body.citizenId', key: 'field.duplicate' });
    const other = generateCitizenId('530125', '1990-03-04', 43, 'female');
    const clash = await post({ name: '丁', gender: 'male', citizenId: other, unitId, rank: 'general', managedBy: 'township' });
    expect(clash.json().issues[0].field).toBe('body.gender');
  });
});

describe('bad input loses nothing', () => {
  const cases: Array<[string, () => Promise<{ statusCode: number; json: () => { code: string; issues: Array<{ field: string }> } }>, number, string, string?]> = [
    ['malformed JSON', () => t.app.inject({ method: 'POST', url: '/api/v1/org/officials', headers: { cookie, 'content-type': 'application/json' }, payload: '{"name": "x",' }), 400, 'MALFORMED_BODY'],
    ['wrong type', () => post({ name: 42, gender: 'male', unitId: '00000000-0000-4000-8000-000000000000', rank: 'general', managedBy: 'township' }), 400, 'VALIDATION_FAILED', 'body.name'],
    ['unknown field', () => post({ name: '甲', gender: 'male', unitId: '00000000-0000-4000-8000-000000000000', rank: 'general', managedBy: 'township', salary: 1 }), 400, 'VALIDATION_FAILED', 'body.salary'],
    ['missing field', () => post({ gender: 'male', rank: 'general', managedBy: 'township' }), 400, 'VALIDATION_FAILED', 'body.name'],
    ['bad enum', () => post({ name: '甲', gender: 'x', unitId: '00000000-0000-4000-8000-000000000000', rank: 'general', managedBy: 'township' }), 400, 'VALIDATION_FAILED', 'body.gender'],
    ['invalid id in path', () => t.app.inject({ method: 'GET', url: "/api/v1/org/officials/1'%20or%201=1--", headers: { cookie } }), 400, 'VALIDATION_FAILED', 'params.id'],
    ['unit outside the tree', () => post({ name: '甲', gender: 'male', unitId: '00000000-0000-4000-8000-000000000000', rank: 'general', managedBy: 'township' }), 400, 'VALIDATION_FAILED', 'body.unitId'],
    ['oversized body', () => post({ name: 'x'.repeat(1_100_000), gender: 'male' }), 413, 'PAYLOAD_TOO_LARGE'],
    ['bad query parameter', () => t.app.inject({ method: 'GET', url: '/api/v1/org/officials?pageSize=100000', headers: { cookie } }), 400, 'VALIDATION_FAILED', 'query.pageSize'],
  ];
  for (const [name, send, status, code, field] of cases) {
    it(`answers ${status} ${code} for ${name} and writes nothing`, async () => {
      const before = await countRows(t.ctx, 'officials');
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      if (field) expect(res.json().issues.map((i) => i.field)).toContain(field);
      expect(await countRows(t.ctx, 'officials')).toBe(before);
    });
  }

  it('treats SQL metacharacters in search as plain text', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/org/officials?q=${encodeURIComponent("'; drop table officials; --%_")}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
    expect(await countRows(t.ctx, 'officials')).toBeGreaterThan(0);
  });
});
