import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../modules/org/demo/createDemoCounty';
import { createTestContext } from '../../../test/helpers';
import { authRoutes } from '../auth/routes';
import type { AppContext } from '../context';
import { errorHandler } from '../http/errorHandler';
import { registerRoutes } from '../http/registerRoutes';
import { loadCalendar } from './calendarRepository';
import { calendarRoutes } from './routes';

interface YearView {
  year: number; covered: boolean; warnings: { code: string; params: { year: number } }[];
  overrides: { date: string; kind: string; name?: string }[];
  days: { date: string; working: boolean; kind: string; name?: string; source: string }[];
}

// The routes are mounted on their own small app so this test does not depend on the module index.
describe('calendar routes', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    ({ ctx, close } = await createTestContext());
    app = Fastify();
    app.setErrorHandler(errorHandler);
    await app.register(cookie);
    registerRoutes(app, ctx, [...authRoutes, ...calendarRoutes]);
    await app.ready();
    for (const username of ['admin', 'auditor', 'cdi']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      cookies[username] = `lj_session=${res.cookies.find((c) => c.name === 'lj_session')!.value}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  const get = (year: number, who = 'cdi') => app.inject({ method: 'GET', url: `/api/v1/system/calendar?year=${year}`, headers: { cookie: cookies[who] } });
  const put = (year: number, payload: unknown, who = 'admin') =>
    app.inject({ method: 'PUT', url: `/api/v1/system/calendar/${year}`, headers: { cookie: cookies[who] }, payload: payload as object });
  const day = (v: YearView, date: string) => v.days.find((d) => d.date === date)!;

  it('lists every day of a covered year with the package schedule', async () => {
    const res = await get(2026);
    expect(res.statusCode).toBe(200);
    const v = res.json<YearView>();
    expect(v).toMatchObject({ year: 2026, covered: true, warnings: [], overrides: [] });
    expect(v.days).toHaveLength(365);
    expect(day(v, '2026-10-01')).toMatchObject({ working: false, kind: 'publicHoliday', name: '国庆节', source: 'package' });
    expect(day(v, '2026-10-10')).toMatchObject({ working: true, kind: 'makeUpWorkday', source: 'package' });
  });

  it('warns about a year without an official schedule', async () => {
    const v = (await get(2027)).json<YearView>();
    expect(v.covered).toBe(false);
    expect(v.warnings).toEqual([expect.objectContaining({ code: 'calendar.yearNotCovered', params: { year: 2027 } })]);
    expect(day(v, '2027-01-01')).toMatchObject({ working: true, source: 'weekday' });
  });

  it('replaces a year\'s overrides in one audited step and the deadline calendar sees them at once', async () => {
    const before = await loadCalendar(ctx.db);
    expect(before.isWorkingDay('2027-02-06')).toBe(false);
    const overrides = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节调休' },
      { date: '2027-02-11', kind: 'holiday', name: '春节' },
    ];
    const res = await put(2027, overrides);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<YearView>();
    expect(v.covered).toBe(true);
    expect(v.warnings).toEqual([]);
    expect(v.overrides).toEqual(overrides);
    expect(day(v, '2027-01-01')).toMatchObject({ working: false, kind: 'publicHoliday', name: '元旦', source: 'override' });
    expect(day(v, '2027-02-06')).toMatchObject({ working: true, kind: 'makeUpWorkday', source: 'override' });
    const after = await loadCalendar(ctx.db);
    expect(after).not.toBe(before);
    expect(after.isWorkingDay('2027-02-06')).toBe(true);
    expect(after.addWorkingDays('2027-02-10', 1)).toBe('2027-02-12');

    const audit = await ctx.db.selectFrom('audit_log').select(['actor_name', 'object_id', 'detail']).where('action', '=', 'system.calendar.replace').execute();
    expect(audit).toEqual([{ actor_name: 'admin', object_id: '2027', detail: { year: 2027, before: [], after: overrides } }]);

    // Replacing means replacing: the next list is all that remains for the year.
    const second = await put(2027, [{ date: '2027-10-01', kind: 'holiday' }]);
    expect(second.json<YearView>().overrides).toEqual([{ date: '2027-10-01', kind: 'holiday' }]);
    expect((await loadCalendar(ctx.db)).isWorkingDay('2027-02-06')).toBe(false);
  });

  it('rejects dates outside the year, duplicates and unknown kinds without changing anything', async () => {
    const rows = async () => (await sql<{ n: number }>`select count(*)::int as n from calendar_overrides`.execute(ctx.db)).rows[0].n;
    const n = await rows();
    for (const payload of [
      [{ date: '2028-01-01', kind: 'holiday' }],
      [{ date: '2027-05-01', kind: 'holiday' }, { date: '2027-05-01', kind: 'workday' }],
      [{ date: '2027-05-01', kind: 'dayOff' }],
      [{ date: '2027-02-30', kind: 'holiday' }],
    ]) {
      const res = await put(2027, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await rows()).toBe(n);
  });

  it('needs org.unit.read to read and system.calendar.write to change', async () => {
    expect((await get(2026, 'auditor')).statusCode).toBe(403);
    expect((await put(2027, [], 'cdi')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/system/calendar?year=2026' })).statusCode).toBe(401);
  });

  it('picks up a change made by another process once the cache has aged', async () => {
    const cal = await loadCalendar(ctx.db);
    await sql`insert into calendar_overrides (date, kind, name) values ('2027-03-01', 'holiday', 'elsewhere')`.execute(ctx.db);
    expect(await loadCalendar(ctx.db)).toBe(cal);
    expect((await loadCalendar(ctx.db, Date.now() + 61_000)).isWorkingDay('2027-03-01')).toBe(false);
  });
});
