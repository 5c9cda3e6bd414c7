import type { LightMyRequestResponse } from 'fastify';
import type { ScopedOp } from '../src/platform/http/route';
import type { TestApp } from './helpers';

type Inject = (req: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) => Promise<LightMyRequestResponse>;

export interface ScopeFixture {
  /** Create a record owned by the given township; return what the probe needs. */
  setup(t: TestApp, townshipCode: string): Promise<Record<string, string>>;
  /** Whether the caller reached the record (read it, saw it listed, changed it, created into that unit). */
  reaches(inject: Inject, rec: Record<string, string>, t: TestApp): Promise<boolean>;
  /** State to compare before and after a refused attempt (nothing may change). */
  snapshot?(t: TestApp, rec: Record<string, string>): Promise<unknown>;
}

let seq = 0;
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

async function unitId(t: TestApp, code: string): Promise<string> {
  return (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function official(t: TestApp, townshipCode: string) {
  const name = `范围测试${++seq}`;
  const unit = await unitId(t, townshipCode);
  const row = await t.ctx.db.insertInto('officials').values({ county_code: '530125', unit_id: unit, name, gender: 'male', rank: 'general', managed_by: 'township' })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, name, unitId: unit, townshipCode };
}

const officialSnapshot = async (t: TestApp, rec: Record<string, string>) =>
  t.ctx.db.selectFrom('officials').select(['name', 'unit_id', 'active', 'post']).where('id', '=', rec.id).executeTakeFirst();

const officialCreateBody = (rec: Record<string, string>) => ({ name: `新建${++seq}`, gender: 'female', unitId: rec.unitId, rank: 'general', managedBy: 'township' });

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  units: {
    list: {
      setup: async (t, code) => ({ code }),
      reaches: async (inject, rec) => {
        const res = await inject({ method: 'GET', url: `/api/v1/org/units?parentCode=${rec.code}` });
        return ok(res) && res.json().items.length > 0;
      },
    },
    read: {
      setup: async (t, code) => ({ id: await unitId(t, code) }),
      reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/org/units/${rec.id}` })),
    },
    create: {
      setup: async (t, code) => ({ code }),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/org/units', payload: { code: `X${++seq}${rec.code}`, name: '测试站所', kind: 'other', parentCode: rec.code } })),
    },
    update: {
      setup: async (t, code) => ({ id: await unitId(t, code) }),
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/org/units/${rec.id}`, payload: { sortOrder: ++seq } })),
      snapshot: async (t, rec) => t.ctx.db.selectFrom('units').select(['name', 'sort_order', 'active']).where('id', '=', rec.id).executeTakeFirst(),
    },
  },
  officials: {
    list: {
      setup: official,
      reaches: async (inject, rec) => {
        const res = await inject({ method: 'GET', url: `/api/v1/org/officials?q=${encodeURIComponent(rec.name)}` });
        return ok(res) && res.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
    read: { setup: official, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/org/officials/${rec.id}` })) },
    create: { setup: official, reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/org/officials', payload: officialCreateBody(rec) })) },
    update: {
      setup: official, snapshot: officialSnapshot,
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/org/officials/${rec.id}`, payload: { post: '已改' } })),
    },
    delete: {
      setup: official, snapshot: officialSnapshot,
      reaches: async (inject, rec) => ok(await inject({ method: 'DELETE', url: `/api/v1/org/officials/${rec.id}` })),
    },
  },
};
