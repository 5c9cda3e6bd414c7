import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('platform smoke', () => {
  it('reports health with the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.engine });
  });

  it('lists the demo county townships for a county user', async () => {
    const cookie = await t.login('cdi');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/units?parentCode=530125', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((u: { code: string }) => u.code);
    expect(codes).toContain('530125102');
    expect(codes).toContain('530125001');
  });
});
