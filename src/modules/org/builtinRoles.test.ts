import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import { applyRoleGrants } from './builtinRoles';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => ({ ctx, close } = await createTestContext()));
afterAll(async () => { await close?.(); });

const perms = async (code: string) => (await ctx.db.selectFrom('roles').select('permissions').where('code', '=', code).executeTakeFirstOrThrow()).permissions;

describe('module role grants', () => {
  const grants = { key: 'probe.v1', grants: { intakeOfficer: ['probe.read'], cdiLeader: ['probe.read', 'probe.approve'] }, roles: [{ code: 'prober', name: '探针', permissions: ['probe.read'], dataScope: 'self' as const }] };

  it('adds a module’s permissions and roles once, and an office’s later removal stays removed', async () => {
    await applyRoleGrants(ctx.db, grants);
    expect(await perms('intakeOfficer')).toContain('probe.read');
    expect(await perms('cdiLeader')).toEqual(expect.arrayContaining(['probe.read', 'probe.approve']));
    expect(await perms('prober')).toEqual(['probe.read']);

    const without = (await perms('intakeOfficer')).filter((p) => p !== 'probe.read');
    await ctx.db.updateTable('roles').set({ permissions: without }).where('code', '=', 'intakeOfficer').execute();
    await applyRoleGrants(ctx.db, grants);
    expect(await perms('intakeOfficer')).not.toContain('probe.read');
  });

  it('does nothing before the county’s roles exist, and records nothing then', async () => {
    const empty = await createTestContext({ demo: false });
    try {
      await applyRoleGrants(empty.ctx.db, grants);
      expect(await empty.ctx.db.selectFrom('settings').select('key').where('key', '=', 'roles.granted.probe.v1').executeTakeFirst()).toBeUndefined();
    } finally {
      await empty.close();
    }
  });
});
