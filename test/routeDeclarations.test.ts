import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/modules';
import { allPermissions } from '../src/platform/auth/permissions';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ demo: false }); });
afterAll(async () => { await t?.close(); });

// Infrastructure routes mounted by plugins, not by modules: the OpenAPI viewer's static assets.
const infrastructure = [/^\/api\/docs(\/|$)/];

describe('every route declares who may call it', () => {
  it('has no API route mounted without an access declaration', () => {
    const undeclared = t.app.mountedRoutes
      .filter((r) => r.url.startsWith('/api') && !infrastructure.some((re) => re.test(r.url)))
      .filter((r) => !r.declared && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('names only permissions from the catalogue and a scope for every protected route', () => {
    for (const r of allRoutes()) {
      if ('public' in r.access) {
        expect(r.access.reason, `${r.method} ${r.url}`).toBeTruthy();
        continue;
      }
      if (r.access.permission !== 'authenticated') expect(allPermissions, `${r.method} ${r.url}`).toContain(r.access.permission);
      expect(r.access.scope, `${r.method} ${r.url}`).toBeTruthy();
    }
  });

  it('refuses protected routes without a session and answers in the request language', async () => {
    for (const r of allRoutes().filter((x) => !('public' in x.access))) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: r.method, url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
      expect(res.json().message).toBe('Please sign in');
    }
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/org/officials'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('citizenId');
  });
});
