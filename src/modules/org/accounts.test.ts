import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';

let t: TestApp;
let admin: string;
let roleIds: Map<string, string>;
const unitIds = new Map<string, string>();

async function unitId(code: string): Promise<string> {
  if (!unitIds.has(code)) unitIds.set(code, (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
  return unitIds.get(code)!;
}

const req = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Create an account and complete its first sign-in (the forced password change), returning its cookie. */
async function activeAccount(username: string, unitCode: string, roles: string[]): Promise<{ id: string; cookie: string }> {
  const res = await req(admin, 'POST', '/api/v1/system/users', { username, displayName: username, unitId: await unitId(unitCode), roleIds: roles.map((r) => roleIds.get(r)!), password: 'Temp#2026x' });
  expect(res.statusCode).toBe(201);
  const first = await t.login(username, 'Temp#2026x');
  expect((await req(first, 'POST', '/api/v1/auth/password', { currentPassword: 'Temp#2026x', newPassword: 'Mine#2026y' })).statusCode).toBe(204);
  return { id: res.json().id, cookie: await t.login(username, 'Mine#2026y') };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  roleIds = new Map((await t.ctx.db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
});
afterAll(async () => { await t?.close(); });

describe('system users', () => {
  it('lists accounts with roles, lock state and paging', async () => {
    const res = await req(admin, 'GET', '/api/v1/system/users?q=t5301251&pageSize=3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(3);
    expect(body.total).toBeGreaterThan(3);
    expect(body.items[0]).toEqual(expect.objectContaining({
      username: expect.stringMatching(/^t5301251/), unitName: expect.any(String), active: true, locked: false, totpEnabled: false,
      roles: [expect.objectContaining({ code: 'townshipCommittee' })],
    }));
  });

  it('creates an account that must change its password, refusing weak passwords and duplicates', async () => {
    const base = { username: 'zhangsan', displayName: '张三', unitId: await unitId('530125102'), roleIds: [roleIds.get('townshipCommittee')] };
    const weak = await req(admin, 'POST', '/api/v1/system/users', { ...base, password: 'abcdefgh' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('WEAK_PASSWORD');

    const created = await req(admin, 'POST', '/api/v1/system/users', { ...base, password: 'Start#2026' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'zhangsan', displayName: '张三', roles: [{ code: 'townshipCommittee' }], locked: false });
    const cookie = await t.login('zhangsan', 'Start#2026');
    expect((await req(cookie, 'GET', '/api/v1/auth/me')).json().mustChangePassword).toBe(true);
    expect((await req(cookie, 'GET', '/api/v1/org/companies')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const dup = await req(admin, 'POST', '/api/v1/system/users', { ...base, username: 'ZhangSan', password: 'Start#2026' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues[0]).toMatchObject({ field: 'body.username', key: 'field.duplicate' });
  });

  it('resets a password: temporary, lockout ended, old sessions gone, audited', async () => {
    const { id, cookie } = await activeAccount('lisi', '530125103', ['townshipCommittee']);
    await t.ctx.db.updateTable('users').set({ locked_until: new Date(Date.now() + 600_000), failed_logins: 3 }).where('id', '=', id).execute();
    const weak = await req(admin, 'POST', `/api/v1/system/users/${id}/reset-password`, { password: 'short' });
    expect(weak.statusCode).toBe(422);

    expect((await req(admin, 'POST', `/api/v1/system/users/${id}/reset-password`, { password: 'Reset#2026' })).statusCode).toBe(204);
    const row = await t.ctx.db.selectFrom('users').select(['must_change_password', 'locked_until', 'failed_logins']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ must_change_password: true, locked_until: null, failed_logins: 0 });
    expect((await req(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.login('lisi', 'Reset#2026');
    expect((await req(again, 'GET', '/api/v1/auth/me')).json().mustChangePassword).toBe(true);
    const audit = await t.ctx.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'system.user.resetPassword').where('object_id', '=', id).execute();
    expect(audit).toEqual([{ actor_name: 'admin' }]);
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'intake', password: 'wrong-Password1' } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'intake', password: 'Demo@2026' } });
    expect(locked.statusCode).toBe(423);
    const listed = (await req(admin, 'GET', '/api/v1/system/users?q=intake')).json().items[0];
    expect(listed.locked).toBe(true);

    expect((await req(admin, 'POST', `/api/v1/system/users/${listed.id}/unlock`)).statusCode).toBe(204);
    expect((await req(admin, 'GET', `/api/v1/system/users/${listed.id}`)).json().locked).toBe(false);
    await t.login('intake');
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'system.user.unlock').where('object_id', '=', listed.id).execute()).toHaveLength(1);
  });

  it('refuses to grant or manage more than the administrator holds', async () => {
    // The system administrator does not hold audit.* (separation of duties), so cannot hand it out.
    const base = { username: 'wangwu', displayName: '王五', unitId: await unitId('530125D01'), password: 'Start#2026' };
    const grant = await req(admin, 'POST', '/api/v1/system/users', { ...base, roleIds: [roleIds.get('auditor')] });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().code).toBe('FORBIDDEN');

    const auditor = (await req(admin, 'GET', '/api/v1/system/users?q=auditor')).json().items[0];
    expect((await req(admin, 'POST', `/api/v1/system/users/${auditor.id}/reset-password`, { password: 'Takeover#2026' })).statusCode).toBe(403);
    expect((await req(admin, 'PATCH', `/api/v1/system/users/${auditor.id}`, { active: false })).statusCode).toBe(403);
  });

  it('keeps a township user administrator inside their township', async () => {
    const role = await req(admin, 'POST', '/api/v1/system/roles', {
      code: 'townshipUserAdmin', name: '乡镇用户管理员', permissions: ['system.user.read', 'system.user.write', 'org.unit.read'], dataScope: 'unitAndBelow',
    });
    expect(role.statusCode).toBe(201);
    roleIds.set('townshipUserAdmin', role.json().id);
    const { cookie } = await activeAccount('ua102', '530125102', ['townshipUserAdmin']);

    const list = (await req(cookie, 'GET', '/api/v1/system/users?pageSize=200')).json();
    expect(list.items.map((u: { username: string }) => u.username).sort()).toEqual(['t530125102', 'ua102', 'zhangsan']);

    const outside = await req(cookie, 'POST', '/api/v1/system/users', { username: 'x103', displayName: 'x', unitId: await unitId('530125103'), roleIds: [], password: 'Start#2026' });
    expect(outside.json().issues[0]).toMatchObject({ field: 'body.unitId', key: 'field.unitNotFound' });
    const escalate = await req(cookie, 'POST', '/api/v1/system/users', { username: 'x102', displayName: 'x', unitId: await unitId('530125102'), roleIds: [roleIds.get('sysadmin')], password: 'Start#2026' });
    expect(escalate.statusCode).toBe(403);
    const t103 = (await req(admin, 'GET', '/api/v1/system/users?q=t530125103')).json().items[0];
    expect((await req(cookie, 'POST', `/api/v1/system/users/${t103.id}/unlock`)).statusCode).toBe(404);
  });

  it('does not let an administrator deactivate themselves', async () => {
    const me = (await req(admin, 'GET', '/api/v1/auth/me')).json();
    const res = await req(admin, 'PATCH', `/api/v1/system/users/${me.id}`, { active: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().issues[0]).toMatchObject({ field: 'body.active', key: 'field.selfDeactivate' });
  });

  it('changes roles and deactivates another account, ending its sessions', async () => {
    const { id, cookie } = await activeAccount('zhaoliu', '530125D05', ['intakeOfficer']);
    const res = await req(admin, 'PATCH', `/api/v1/system/users/${id}`, { roleIds: [roleIds.get('caseHandler')], displayName: '赵六' });
    expect(res.json()).toMatchObject({ displayName: '赵六', roles: [{ code: 'caseHandler' }] });
    expect((await req(admin, 'PATCH', `/api/v1/system/users/${id}`, { active: false })).json().active).toBe(false);
    expect((await req(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('system roles', () => {
  it('lists roles and the permission catalogue', async () => {
    const roles = (await req(admin, 'GET', '/api/v1/system/roles')).json().items;
    expect(roles.find((r: { code: string }) => r.code === 'sysadmin')).toMatchObject({ builtin: true, dataScope: 'all', customUnitIds: [] });
    const perms = (await req(admin, 'GET', '/api/v1/system/permissions')).json().items;
    expect(perms).toContainEqual({ code: 'org.company.write', group: 'org', labelZh: '维护企业信息', labelEn: 'Edit companies' });
  });

  it('refuses unknown permission codes, naming them', async () => {
    const res = await req(admin, 'POST', '/api/v1/system/roles', { code: 'bogus', name: '错误角色', permissions: ['org.unit.read', 'org.everything'], dataScope: 'unit' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'body.permissions', key: 'field.unknownPermission' });
    expect(res.json().issues[0].message).toContain('org.everything');
  });

  it('requires units for a custom data scope and refuses permissions the caller lacks', async () => {
    const custom = await req(admin, 'POST', '/api/v1/system/roles', { code: 'inspectors', name: '巡察组', permissions: ['org.unit.read'], dataScope: 'custom' });
    expect(custom.json().issues[0]).toMatchObject({ field: 'body.customUnitIds', key: 'field.required' });
    const ok = await req(admin, 'POST', '/api/v1/system/roles', { code: 'inspectors', name: '巡察组', permissions: ['org.unit.read'], dataScope: 'custom', customUnitIds: [await unitId('530125102')] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ builtin: false, customUnitIds: [await unitId('530125102')] });
    const dup = await req(admin, 'POST', '/api/v1/system/roles', { code: 'inspectors', name: '重复', permissions: [], dataScope: 'unit' });
    expect(dup.json().issues[0]).toMatchObject({ field: 'body.code', key: 'field.duplicate' });

    expect((await req(admin, 'POST', '/api/v1/system/roles', { code: 'peek', name: '偷看', permissions: ['audit.read'], dataScope: 'all' })).statusCode).toBe(403);
    expect((await req(admin, 'PATCH', `/api/v1/system/roles/${roleIds.get('sysadmin')}`, { permissions: ['audit.read', 'system.role.write'] })).statusCode).toBe(403);
  });

  it('edits a builtin role without renaming its code, keeping unspecified settings', async () => {
    const id = roleIds.get('townshipCommittee')!;
    expect((await req(admin, 'PATCH', `/api/v1/system/roles/${id}`, { code: 'renamed' })).json().issues[0]).toMatchObject({ field: 'body.code', key: 'field.unknown' });
    expect((await req(admin, 'PATCH', `/api/v1/system/roles/${id}`, { requireTotp: true })).json().requireTotp).toBe(true);
    const res = await req(admin, 'PATCH', `/api/v1/system/roles/${id}`, { permissions: ['org.unit.read', 'org.official.read'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'townshipCommittee', builtin: true, requireTotp: true, dataScope: 'unitAndBelow', permissions: ['org.official.read', 'org.unit.read'] });
    const audit = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'system.role.update').where('object_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ after: { permissions: ['org.official.read', 'org.unit.read'] } });
  });

  it('never removes the last role administrator', async () => {
    const res = await req(admin, 'PATCH', `/api/v1/system/roles/${roleIds.get('sysadmin')}`, { permissions: ['system.role.read'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].key).toBe('field.lastRoleAdmin');
  });
});
