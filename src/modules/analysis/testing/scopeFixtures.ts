import type { LightMyRequestResponse } from 'fastify';
import type { ScopedOp } from '../../../platform/http/route';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';

let seq = 0;
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const year = new Date().getFullYear();

/** An official in the given township: it counts in `org.officials`, so it is behind that metric. */
async function official(t: TestApp, townshipCode: string) {
  const unit = await t.ctx.db.selectFrom('units').select('id').where('code', '=', townshipCode).executeTakeFirstOrThrow();
  const row = await t.ctx.db.insertInto('officials').values({ county_code: '530125', unit_id: unit.id, name: `指标范围${++seq}`, gender: 'female', rank: 'general', managed_by: 'township' })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  metrics: {
    list: {
      setup: official,
      reaches: async (inject, rec) => {
        const res = await inject({ method: 'GET', url: `/api/v1/analysis/metrics?period=${year}&keys=org.officials` });
        return ok(res) && res.json().metrics['org.officials'].recordIds.includes(rec.id);
      },
    },
    read: {
      setup: official,
      reaches: async (inject, rec) => {
        const res = await inject({ method: 'GET', url: `/api/v1/analysis/metrics/org.officials/records?period=${year}&limit=1000` });
        return ok(res) && res.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
  },
};
