import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import { countyActor } from '../analysis/registry';
import { parsePeriod } from '../analysis/periods';
import { createDemoReports, type DemoReportsResult } from './demo';
import { reportMetrics } from './metrics';
import { openIdentity } from './vault';

let ctx: AppContext;
let close: () => Promise<void>;
let result: DemoReportsResult;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  result = await createDemoReports(ctx.db, '530125', { config: ctx.config, today: '2026-11-26' });
});
afterAll(async () => { await close?.(); });

describe('demo reports', () => {
  it('creates a history with the published shares, open and closed, sealed identities', async () => {
    const rows = await ctx.db.selectFrom('reports').select(['id', 'channel', 'kind', 'status', 'identified', 'identity_cipher', 'data_key_wrapped', 'key_id', 'received_on', 'repeat_of', 'village_code']).execute();
    expect(rows.length).toBe(result.reports);
    const inRemit = rows.filter((r) => r.kind !== 'efficiency');
    // About 71 a quarter over 23 months, plus about 5 efficiency complaints a month.
    expect(inRemit.length).toBeGreaterThan(450);
    expect(inRemit.length).toBeLessThan(750);
    const share = (f: (r: (typeof rows)[number]) => boolean) => inRemit.filter(f).length / inRemit.length;
    expect(share((r) => r.channel === 'online')).toBeGreaterThan(0.28);
    expect(share((r) => r.channel === 'letter')).toBeGreaterThan(0.15);
    expect(share((r) => r.kind === 'accusation')).toBeGreaterThan(0.55);
    expect(share((r) => r.identified)).toBeGreaterThan(0.15);
    expect(rows.some((r) => r.repeat_of)).toBe(true);
    expect(rows[0].received_on >= '2025-01-01').toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['received', 'accepted', 'handling', 'closed', 'notAccepted']));
    const sealed = rows.find((r) => r.identified)!;
    expect(openIdentity(ctx.config, sealed.id, { identity_cipher: sealed.identity_cipher!, data_key_wrapped: sealed.data_key_wrapped!, key_id: sealed.key_id! }).name).toMatch(/^.某某$/);
    expect(result.sampleReceipt).toMatch(/^\d{20}$/);
  });

  it('feeds the quarterly metrics, each with the ids behind it', async () => {
    const q = { db: ctx.db, actor: countyActor(), countyCode: '530125', period: parsePeriod('2025Q1') };
    const m = Object.fromEntries(await Promise.all(reportMetrics.map(async (d) => [d.key.split('.')[1], await d.compute(q)] as const)));
    expect(m.received.value).toBeGreaterThan(45);
    expect(m.received.value).toBeLessThan(130);
    expect(m.received.recordIds.length).toBe(m.received.value);
    expect(m.distinct.value).toBeLessThanOrEqual(m.received.value);
    expect(m.closedOnTime.value).toBeLessThanOrEqual(m.closed.value);
    expect(m.efficiencyConductComplaints.value).toBeLessThanOrEqual(m.efficiencyComplaints.value);
    expect(m.received.breakdown!.channel.reduce((a, b) => a + b.value, 0)).toBe(m.received.value);
    const rows = await reportMetrics[0].describe({ db: ctx.db, actor: countyActor(), countyCode: '530125' }, m.received.recordIds.slice(0, 3));
    expect(rows[0].link).toMatch(/^\/reports\//);
  });
});
