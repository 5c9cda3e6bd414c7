import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { hashPassword } from '../../platform/auth/password';
import { ensureCasesRoles } from './permissions';
import { caseTypeSeed } from './rules';
import { newOfficial, unitId, userId } from './testing/fixtures';

let t: TestApp;
const c: Record<string, string> = {};
const ids: Record<string, string> = {};
const api = (method: string, url: string, who: string, payload?: unknown) => injectAs(t, c[who], method, url, payload);
const keys = issueKeys;

beforeAll(async () => {
  t = await createTestApp();
  await ensureCasesRoles(t.ctx.db);
  // A case handler of the same unit who is not on the team (need-to-know).
  const role = await t.ctx.db.selectFrom('roles').select('id').where('code', '=', 'caseHandler').executeTakeFirstOrThrow();
  const u = await t.ctx.db.insertInto('users').values({ username: 'outsider', display_name: '审查调查室三', unit_id: await unitId(t, '530125CDI'), password_hash: await hashPassword('Demo@2026') })
    .returning('id').executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('user_roles').values({ user_id: u.id, role_id: role.id }).execute();
  for (const who of ['cases', 'cdi', 'admin', 'outsider']) c[who] = await t.login(who);
  for (const who of ['cases', 'cdi']) ids[who] = await userId(t, who);
  ids.cdiUnit = await unitId(t, '530125CDI');
}, 60_000);
afterAll(async () => { await t?.close(); });

const openCase = (who: string, caseTypeCode: string, officialId: string, openedOn = '2026-03-02') => api('POST', '/api/v1/cases/cases', who, {
  title: `测试案件${caseTypeCode}`, unitId: ids.cdiUnit, caseTypeCode, openedOn, approverId: ids.cdi, subjects: [{ officialId, personCategory: 'civilServant' }],
});

describe('case type dictionary', () => {
  it('is seeded with the built-in set, flags economic subtypes through their parent, and lists for handlers', async () => {
    const res = await api('GET', '/api/v1/cases/case-types', 'cases');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ code: string; builtin: boolean; economicEffective: boolean; parentCode: string | null }>;
    expect(items.map((i) => i.code).sort()).toEqual(caseTypeSeed.map((s) => s.code).sort());
    expect(items.every((i) => i.builtin)).toBe(true);
    expect(items.find((i) => i.code === 'economic.bribeTaking')?.economicEffective).toBe(true);
    expect(items.find((i) => i.code === 'eightRules.hedonism.dining')).toMatchObject({ parentCode: 'eightRules.hedonism', economicEffective: false });
  });

  it('lets the office add, relabel and disable types; refuses handlers, duplicates, unknown parents and cycles, writing nothing', async () => {
    const body = { code: 'eightRules.formalism.dataFraud', parentCode: 'eightRules.formalism', labelZh: '统计造假', labelEn: 'Falsified statistics' };
    expect((await api('POST', '/api/v1/cases/case-types', 'cases', body)).statusCode).toBe(403);
    const made = await api('POST', '/api/v1/cases/case-types', 'admin', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ code: body.code, builtin: false, active: true, economicEffective: false });
    const before = await countRows(t.ctx, 'case_types');
    expect(keys(await api('POST', '/api/v1/cases/case-types', 'cdi', body))).toEqual(['cases.caseType.duplicate']);
    expect(keys(await api('POST', '/api/v1/cases/case-types', 'cdi', { ...body, code: 'x.orphan', parentCode: 'no.such' }))).toEqual(['cases.caseType.unknownParent']);
    const cycle = await api('PATCH', '/api/v1/cases/case-types/eightRules', 'cdi', { parentCode: 'eightRules.formalism.dataFraud' });
    expect(keys(cycle)).toEqual(['cases.caseType.cycle']);
    expect(await countRows(t.ctx, 'case_types')).toBe(before);
    expect((await t.ctx.db.selectFrom('case_types').select('parent_code').where('code', '=', 'eightRules').executeTakeFirstOrThrow()).parent_code).toBeNull();
    const relabel = await api('PATCH', `/api/v1/cases/case-types/${body.code}`, 'cdi', { labelZh: '统计造假、数据注水' });
    expect(relabel.json().labelZh).toBe('统计造假、数据注水');
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', body.code).execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['cases.caseType.create', 'cases.caseType.update']);
    // Built-ins have no delete: the route does not exist.
    expect((await api('DELETE', '/api/v1/cases/case-types/duty.neglect', 'cdi')).statusCode).toBe(404);
  });

  it('validates a case type against the table: a disabled type is refused for new cases, a new one is accepted', async () => {
    const o = await newOfficial(t, '530125102');
    expect((await api('PATCH', '/api/v1/cases/case-types/duty.favouritism', 'cdi', { active: false })).statusCode).toBe(200);
    const disabled = await openCase('cases', 'duty.favouritism', o.id);
    expect(disabled.statusCode).toBe(400);
    expect(keys(disabled)).toEqual(['cases.caseType.unknown']);
    expect((await api('GET', '/api/v1/cases/case-types', 'cases')).json().items.some((i: { code: string }) => i.code === 'duty.favouritism')).toBe(false);
    expect((await api('GET', '/api/v1/cases/case-types?includeInactive=true', 'cases')).json().items.some((i: { code: string }) => i.code === 'duty.favouritism')).toBe(true);
    const ok = await openCase('cases', 'eightRules.formalism.dataFraud', o.id);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().economic).toBe(false);
  });

  it('counts economic cases by the table flag, so flagging a type changes the figure without touching the cases', async () => {
    const o = await newOfficial(t, '530125102');
    await api('POST', '/api/v1/cases/case-types', 'cdi', { code: 'localEconomic', parentCode: null, labelZh: '本地经济类', labelEn: 'Local economic', economic: false });
    const k = await openCase('cases', 'localEconomic', o.id, '2026-04-01');
    expect(k.statusCode, k.body).toBe(201);
    const metric = async () => (await api('GET', '/api/v1/analysis/metrics?period=2026&keys=cases.openedEconomic', 'cdi')).json().metrics['cases.openedEconomic'];
    expect((await metric()).recordIds).not.toContain(k.json().id);
    await api('PATCH', '/api/v1/cases/case-types/localEconomic', 'cdi', { economic: true });
    expect((await metric()).recordIds).toContain(k.json().id);
  });
});

describe('drill-down and need-to-know', () => {
  it('counts a case for a same-unit user outside the team but lists it only to team members and supervisors', async () => {
    const o = await newOfficial(t, '530125102');
    const k = (await openCase('cases', 'duty.neglect', o.id, '2026-05-11')).json();
    const url = '/api/v1/analysis/metrics/cases.opened/records?period=2026';
    const outsider = await api('GET', url, 'outsider');
    expect(outsider.statusCode, outsider.body).toBe(200);
    const member = (await api('GET', url, 'cases')).json();
    expect(outsider.json().total).toBe(member.total);
    expect(member.items.map((i: { id: string }) => i.id)).toContain(k.id);
    expect(outsider.json().items.map((i: { id: string }) => i.id)).not.toContain(k.id);
    expect((await api('GET', url, 'cdi')).json().items.map((i: { id: string }) => i.id)).toContain(k.id);
    const persons = await api('GET', '/api/v1/analysis/metrics/cases.openedTownshipRank/records?period=2026', 'outsider');
    expect(persons.json().items.map((i: { id: string }) => i.id)).not.toContain(k.id);
  });
});
