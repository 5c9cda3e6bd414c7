import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { ensureReportRoles } from './permissions';

/**
 * Routing rules name a township by its division code: one that is not a township of the county (another
 * county's, or no unit at all) is refused on the field, on create and on change, and nothing is written.
 */
let t: TestApp;
let intake = '';
let townshipUnit = '';
let foreignTownship = '';
beforeAll(async () => {
  t = await createTestApp();
  await ensureReportRoles(t.ctx.db);
  intake = await t.login('intake');
  townshipUnit = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow()).id;
  // A real township unit of a neighbouring county in the same database (a multi-county deployment).
  const id = crypto.randomUUID();
  foreignTownship = '530126100';
  await t.ctx.db.insertInto('units').values({ id, county_code: '530126', code: foreignTownship, name: '外县某镇', kind: 'town', parent_id: null, path: `/${id}/`, depth: 0, short_name: null, division_vintage: null }).execute();
});
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, payload?: unknown) => injectAs(t, intake, method, url, payload);

describe('routing rule townships', () => {
  it('refuses a township of another county or an unknown code, naming the field in Chinese, and writes nothing', async () => {
    const before = await countRows(t.ctx, 'report_routing_rules');
    for (const code of [foreignTownship, '530125999']) {
      const res = await api('POST', '/api/v1/reports/routing-rules', { category: '吃拿卡要', townshipCode: code, handlingUnitId: townshipUnit });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual(['body.townshipCode']);
      expect(issueKeys(res)).toEqual(['field.notCountyTownship']);
      expect(res.json().issues[0].message).toBe('乡镇（街道）不是本县的乡镇（街道）');
    }
    expect(await countRows(t.ctx, 'report_routing_rules')).toBe(before);
  });

  it('accepts a township of the county, refuses changing it to a foreign one, and allows clearing it', async () => {
    const created = await api('POST', '/api/v1/reports/routing-rules', { category: '违规吃喝', townshipCode: '530125102', handlingUnitId: townshipUnit, priority: 5 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const refused = await api('PATCH', `/api/v1/reports/routing-rules/${id}`, { townshipCode: foreignTownship, note: '不应保存' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(issueKeys(refused)).toEqual(['field.notCountyTownship']);
    const unchanged = await t.ctx.db.selectFrom('report_routing_rules').select(['township_code', 'note']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ township_code: '530125102', note: null });

    const cleared = await api('PATCH', `/api/v1/reports/routing-rules/${id}`, { townshipCode: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const rules = (await api('GET', '/api/v1/reports/routing-rules')).json().items as Array<{ id: string; townshipCode: string | null }>;
    expect(rules.find((r) => r.id === id)).toMatchObject({ townshipCode: null });
  });
});
