import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { defineRoute, type RouteDef } from '../http/route';
import { listOverrides, loadCalendar, replaceYearOverrides } from './calendarRepository';
import { dayNumberFromParts, fromDayNumber, isIsoDate, todayInShanghai } from './dates';

// Wide enough for any statutory period an office will compute, narrow enough that a typo is caught.
const yearSchema = z.coerce.number().int().min(1949).max(2199);

const yearQuery = z.strictObject({ year: yearSchema.optional() });
const yearParams = z.strictObject({ year: yearSchema });
const overridesBody = z.array(z.strictObject({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(40).nullish(),
})).max(366);

/** Every day of the year as the deadline engine sees it, with the overrides and any coverage warning. */
async function yearView(db: Kysely<DB>, year: number) {
  const calendar = await loadCalendar(db);
  const first = dayNumberFromParts(year, 1, 1);
  const last = dayNumberFromParts(year, 12, 31);
  const days = [];
  for (let dn = first; dn <= last; dn++) days.push(calendar.dayInfo(fromDayNumber(dn)));
  return {
    year,
    covered: calendar.yearCovered(year),
    warnings: calendar.warningsFor(`${year}-01-01`, `${year}-12-31`),
    overrides: await listOverrides(db, year),
    days,
  };
}

/** Register as `calendarRoutes` in src/modules/index.ts. */
export const calendarRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/system/calendar', summary: 'Working days, holidays and make-up days of one year', tags: ['system'],
    // Everyone who works with the organisation computes deadlines, so reading needs no calendar-specific right.
    access: { permission: 'org.unit.read', scope: 'global' }, query: yearQuery,
    handler: async ({ ctx, query }) => yearView(ctx.db, query.year ?? Number(todayInShanghai().slice(0, 4))),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/system/calendar/:year', summary: "Replace one year's holiday and make-up working day overrides", tags: ['system'],
    access: { permission: 'system.calendar.write', scope: 'global' }, params: yearParams, body: overridesBody,
    handler: async ({ ctx, actor, params, body }) => {
      const seen = new Set<string>();
      body.forEach((o, i) => {
        if (!isIsoDate(o.date) || Number(o.date.slice(0, 4)) !== params.year) throw AppError.field(`body.${i}.date`, 'field.invalid');
        if (seen.has(o.date)) throw AppError.field(`body.${i}.date`, 'field.duplicate');
        seen.add(o.date);
      });
      const overrides = body.map((o) => ({ date: o.date, kind: o.kind, ...(o.name ? { name: o.name } : {}) }));
      await replaceYearOverrides(ctx, { userId: actor.userId, username: actor.username, clientIp: actor.clientIp }, params.year, overrides);
      return yearView(ctx.db, params.year);
    },
  }),
];
