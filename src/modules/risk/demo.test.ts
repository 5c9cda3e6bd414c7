import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import { createDemoRisk } from './demo';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => { ({ ctx, close } = await createTestContext()); }, 120_000);
afterAll(async () => { await close?.(); });

describe('demo procurement', () => {
  it('stores generated processes of the demo county under its units, screens them, and runs once', async () => {
    const r = await createDemoRisk(ctx.db, '530125', { year: 2026 });
    expect(r.processes).toBeGreaterThan(100);
    expect(r.hits).toBeGreaterThan(20);
    const codes = new Set((await ctx.db.selectFrom('risk_hits').select('code').execute()).map((h) => h.code));
    for (const c of ['SHARED_BID_BOND_ACCOUNT', 'SHARED_MAC', 'BID_ROTATION', 'SPLIT_PURCHASE', 'PAYMENT_OVER_CONTRACT', 'SCREEN_CV']) expect(codes, c).toContain(c);
    // Buyers are the county's units, so hits fall in several townships' data scope.
    const units = await ctx.db.selectFrom('risk_processes').select('unit_id').distinct().execute();
    expect(units.length).toBeGreaterThan(3);
    const before = await countRows(ctx, 'risk_processes');
    expect((await createDemoRisk(ctx.db, '530125')).hits).toBe(0);
    expect(await countRows(ctx, 'risk_processes')).toBe(before);
  });
});
