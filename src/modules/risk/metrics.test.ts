import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import { emptyScope } from '../../platform/scope/actor';
import '../index';
import { countyActor, metricDefinition } from '../analysis/registry';
import { parsePeriod } from '../analysis/periods';
import { createDemoRisk } from './demo';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  await createDemoRisk(ctx.db, '530125', { year: 2026 });
}, 120_000);
afterAll(async () => { await close?.(); });

describe('risk.hits metric', () => {
  it('counts undismissed hits by tender date, with ids, per indicator and township', async () => {
    const def = metricDefinition('risk.hits')!;
    expect(def).toBeDefined();
    const h = await ctx.db.selectFrom('risk_hits').select('id').where('process_id', 'is not', null).limit(1).executeTakeFirstOrThrow();
    await ctx.db.updateTable('risk_hits').set({ status: 'dismissed', dismiss_reason: '测试' }).where('id', '=', h.id).execute();
    const period = parsePeriod('2026H1');
    const v = await def.compute({ db: ctx.db, actor: countyActor(), countyCode: '530125', period });
    // Independent SQL: the tender date is the process's period end (the generator always sets it).
    const expected = await sql<{ id: string }>`select h.id from risk_hits h join risk_processes p on p.id = h.process_id
      where h.county_code = '530125' and h.status <> 'dismissed' and p.period_end >= ${period.from} and p.period_end < ${period.to}`.execute(ctx.db);
    expect(v.value).toBe(expected.rows.length);
    expect(new Set(v.recordIds)).toEqual(new Set(expected.rows.map((r) => r.id)));
    expect(v.recordIds).not.toContain(h.id);
    expect(v.value).toBeGreaterThan(0);
    for (const dim of ['indicator', 'township']) expect(v.breakdown![dim].reduce((n, g) => n + g.value, 0)).toBe(v.value);
    const none = await def.compute({ db: ctx.db, actor: { scope: emptyScope(), userId: 'x' }, countyCode: '530125', period });
    expect(none.value).toBe(0);
    const rows = await def.describe({ db: ctx.db, actor: countyActor(), countyCode: '530125' }, v.recordIds.slice(0, 3));
    expect(rows).toHaveLength(Math.min(3, v.recordIds.length));
  });
});
