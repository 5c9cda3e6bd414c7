import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); }, 60_000);
afterAll(async () => { await t?.close(); });

interface Staff { id: string; displayName: string; unitName: string; approvesClues: boolean; approvesCases: boolean }

describe('staff picker for approvers and case teams', () => {
  it('lists the county staff to a case handler with who may approve, and filters by name', async () => {
    const cookie = await t.login('cases');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/staff', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Staff[] }).items;
    const byName = (n: string) => items.find((s) => s.displayName === n);
    expect(byName('县纪委监委领导')).toMatchObject({ approvesClues: true, approvesCases: true });
    expect(byName('审查调查室')).toMatchObject({ approvesClues: false, approvesCases: false });
    expect(Object.keys(items[0]).sort()).toEqual(['approvesCases', 'approvesClues', 'displayName', 'id', 'unitName']);

    const filtered = await t.app.inject({ method: 'GET', url: `/api/v1/cases/staff?q=${encodeURIComponent('信访')}`, headers: { cookie } });
    expect((filtered.json() as { items: Staff[] }).items.map((s) => s.displayName)).toEqual(['信访室']);
  });

  it('is refused to a user without clue access', async () => {
    const cookie = await t.login('auditor');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/staff', headers: { cookie } });
    expect(res.statusCode).toBe(403);
  });
});
