import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/modules';
import { allPermissions } from '../src/platform/auth/permissions';
import { hashPassword } from '../src/platform/auth/password';
import type { ScopedOp } from '../src/platform/http/route';
import { createTestApp, type TestApp } from './helpers';
import { orgScopeFixtures } from './orgScopeFixtures';
import { scopeFixtures as baseFixtures } from './scopeFixtures';

// Every other module keeps its fixtures beside its code, in `src/modules/<module>/testing/scopeFixtures.ts`.
const moduleFixtures = Object.values(import.meta.glob<{ scopeFixtures: typeof baseFixtures }>('../src/modules/*/testing/scopeFixtures.ts', { eager: true }))
  .map((m) => m.scopeFixtures);
const scopeFixtures = mergeFixtures(baseFixtures, orgScopeFixtures, ...moduleFixtures);

function mergeFixtures(...sets: Array<typeof baseFixtures>): typeof baseFixtures {
  const out: typeof baseFixtures = {};
  for (const set of sets) for (const [resource, ops] of Object.entries(set)) out[resource] = { ...out[resource], ...ops };
  return out;
}

/**
 * The scope matrix, generated from route metadata: for every route that touches unit-scoped data, a user
 * of township A (holding every permission, scoped to A and below) must not reach a record of township B,
 * while a county user (every permission, scope all) must. A scoped route without a fixture fails here.
 */
const TOWNSHIP_A = '530125102';
const TOWNSHIP_B = '530125103';
const PASSWORD = 'Probe#2026x';

let t: TestApp;
const cookies: Record<'a' | 'county', string> = { a: '', county: '' };

async function probeUser(username: string, unitCode: string, scope: 'unitAndBelow' | 'all'): Promise<void> {
  const db = t.ctx.db;
  const unit = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow();
  const role = await db.insertInto('roles').values({ code: `probe_${username}`, name: username, permissions: allPermissions, data_scope: scope })
    .returning('id').executeTakeFirstOrThrow();
  const user = await db.insertInto('users').values({ username, display_name: username, unit_id: unit.id, password_hash: await hashPassword(PASSWORD) })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: user.id, role_id: role.id }).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await probeUser('probe_a', TOWNSHIP_A, 'unitAndBelow');
  await probeUser('probe_county', '530125CDI', 'all');
  cookies.a = await t.login('probe_a', PASSWORD);
  cookies.county = await t.login('probe_county', PASSWORD);
});
afterAll(async () => { await t?.close(); });

const scoped = allRoutes().flatMap((r) => ('public' in r.access || typeof r.access.scope !== 'object' ? [] : [{ route: r, ...r.access.scope }]));

describe('scope matrix', () => {
  it('covers every scoped route', () => {
    const missing = scoped.filter((s) => !scopeFixtures[s.resource]?.[s.op as ScopedOp]).map((s) => `${s.route.method} ${s.route.url} (${s.resource}.${s.op})`);
    expect(missing).toEqual([]);
  });

  for (const s of scoped) {
    const fixture = scopeFixtures[s.resource]?.[s.op as ScopedOp];
    if (!fixture) continue;
    it(`${s.route.method} ${s.route.url}: township A cannot reach township B's record; the county can`, async () => {
      const inject = (who: 'a' | 'county') => (req: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) =>
        t.app.inject({ ...req, method: req.method as 'GET', headers: { ...req.headers, cookie: cookies[who] } } as never);
      const recordA = await fixture.setup(t, TOWNSHIP_B);
      const before = await fixture.snapshot?.(t, recordA);
      expect(await fixture.reaches(inject('a'), recordA, t), 'township A reached B').toBe(false);
      if (fixture.snapshot) expect(await fixture.snapshot(t, recordA), 'a refused change left B unchanged').toEqual(before);
      const recordC = await fixture.setup(t, TOWNSHIP_B);
      expect(await fixture.reaches(inject('county'), recordC, t), 'county did not reach B').toBe(true);
    });
  }
});
