import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { DEMO_PASSWORD } from '../../modules/org/demo/createDemoCounty';
import { randomBytes } from 'node:crypto';
import { masterKey, useMasterKey } from '../crypto';
import { openTotpSecret, rewrapTotpSecrets } from './totpSecret';
import { sessionIdOf } from './sessions';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const login = (username: string, password: string, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra } });

describe('authentication', () => {
  it('signs in with an httpOnly, SameSite=Strict session cookie and returns permissions and scope', async () => {
    const res = await login('t530125102', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lj_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().user).toMatchObject({ username: 't530125102', dataScope: 'unitAndBelow' });
    expect(res.json().user.permissions).toContain('org.official.read');
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await t.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'cdi').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('locks an account for 10 minutes after 5 failures, answering 423 even to the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('t530125103', 'Wrong#1234')).statusCode).toBe(401);
    expect((await login('t530125103', 'Wrong#1234')).statusCode).toBe(423);
    const locked = await login('t530125103', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const row = await t.ctx.db.selectFrom('users').select('locked_until').where('username', '=', 't530125103').executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('answers an unknown user exactly like a known one, lockout included', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('nobody-here', 'Wrong#1234')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    const known = await login('intake', 'Wrong#1234');
    const unknown = await login('nobody-else', 'Wrong#1234');
    expect(known.json()).toEqual(unknown.json());
  });

  it('enforces the password policy and the current password on change', async () => {
    const cookie = await t.login('cases');
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'alllowercase1' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'Nope#1234', newPassword: 'Better#2026' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].field).toBe('currentPassword');
    const good = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2026' } });
    expect(good.statusCode).toBe(204);
    expect((await login('cases', 'Better#2026')).statusCode).toBe(200);
  });

  it('expires a session after the idle timeout', async () => {
    const cookie = await t.login('intake');
    const token = cookie.split('=')[1];
    await t.ctx.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('id', '=', sessionIdOf(token)).execute();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('logs out', async () => {
    const cookie = await t.login('cdi');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('enrols TOTP, then requires the code at sign-in', async () => {
    const cookie = await t.login('auditor');
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: { cookie } });
    const secret = setup.json().secret as string;
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: { cookie }, payload: { code: totp.generate() } })).statusCode).toBe(204);
    expect((await login('auditor', DEMO_PASSWORD)).json().code).toBe('TOTP_REQUIRED');
    expect((await login('auditor', DEMO_PASSWORD, { totpCode: '000000' === totp.generate() ? '111111' : '000000' })).json().code).toBe('TOTP_INVALID');
    expect((await login('auditor', DEMO_PASSWORD, { totpCode: totp.generate() })).statusCode).toBe(200);

    // The secret is stored sealed under a key derived from the master key, bound to the account.
    const stored = await t.ctx.db.selectFrom('users').select(['id', 'totp_secret']).where('username', '=', 'auditor').executeTakeFirstOrThrow();
    expect(stored.totp_secret).toMatch(/^v1:/);
    expect(stored.totp_secret).not.toContain(secret);
    const other = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirstOrThrow();
    expect(() => openTotpSecret(t.ctx.config, other.id, stored.totp_secret)).toThrow();

    // Rotating the master key re-seals it; sign-in with the code keeps working under the new key.
    const oldKey = masterKey(t.ctx.config);
    const newKey = new Uint8Array(randomBytes(32));
    try {
      await t.ctx.db.transaction().execute((trx) => rewrapTotpSecrets(trx, oldKey, newKey));
      useMasterKey(t.ctx.config, newKey);
      const resealed = await t.ctx.db.selectFrom('users').select('totp_secret').where('id', '=', stored.id).executeTakeFirstOrThrow();
      expect(resealed.totp_secret).not.toBe(stored.totp_secret);
      expect(openTotpSecret(t.ctx.config, stored.id, resealed.totp_secret)).toBe(secret);
      expect((await login('auditor', DEMO_PASSWORD, { totpCode: totp.generate() })).statusCode).toBe(200);
    } finally {
      await t.ctx.db.transaction().execute((trx) => rewrapTotpSecrets(trx, newKey, oldKey));
      useMasterKey(t.ctx.config, oldKey);
    }
  });

  it('still reads a TOTP secret stored before encryption', async () => {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    const user = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirstOrThrow();
    expect(openTotpSecret(t.ctx.config, user.id, secret)).toBe(secret);
    expect(openTotpSecret(t.ctx.config, user.id, null)).toBeNull();
  });

  it('keeps a user whose role requires TOTP to enrolment until enrolled', async () => {
    await t.ctx.db.updateTable('roles').set({ require_totp: true }).where('code', '=', 'intakeOfficer').execute();
    const cookie = await t.login('intake');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/units', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().totpRequired).toBe(true);
    await t.ctx.db.updateTable('roles').set({ require_totp: false }).where('code', '=', 'intakeOfficer').execute();
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    // Also on answers that never reach a handler: an unknown API path and a refused request.
    for (const other of [await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }), await t.app.inject({ method: 'GET', url: '/api/v1/org/units' })]) {
      expect(other.statusCode).toBeGreaterThanOrEqual(400);
      expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(other.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('rate-limits sign-in attempts per client address', async () => {
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) limited = (await login(`flood${i}`, 'x')).statusCode === 429;
    expect(limited).toBe(true);
  });
});
