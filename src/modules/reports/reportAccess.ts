import type { Kysely } from 'kysely';
import type { StatutoryCalendar } from '../../platform/calendar';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import type { EventType, Report } from './db';
import { auditActor } from './intakeService';

/**
 * One use case on one report: load it within the actor's scope (locked for the transaction, so two clerks
 * changing the same report serialise), run the change, add the event and the audit entry, all in one
 * transaction. Out of scope and missing look the same (404).
 */
export interface UseCase {
  trx: Kysely<DB>;
  report: Report;
  cal: StatutoryCalendar;
  event(type: EventType, e?: { note?: string | null; toUnitId?: string | null; fromUnitId?: string | null; dueDate?: string | null; detail?: unknown }): Promise<string>;
  update(values: Partial<Omit<Report, 'id' | 'created_at'>>): Promise<void>;
}

export async function onReport<T>(
  ctx: AppContext, actor: Actor, id: string, action: string, fn: (u: UseCase) => Promise<{ result: T; audit?: Record<string, unknown> }>,
): Promise<T> {
  const cal = await loadCalendar(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports as r').selectAll('r').where('r.id', '=', id)
      .where(scopeCondition(actor, 'r.unit_id', 'r.created_by')).forUpdate().executeTakeFirst();
    if (!report) throw AppError.notFound('what.report');
    const u: UseCase = {
      trx, report, cal,
      async event(type, e = {}) {
        const row = await trx.insertInto('report_events').values({
          report_id: report.id, county_code: report.county_code, type, note: e.note ?? null, to_unit_id: e.toUnitId ?? null,
          from_unit_id: e.fromUnitId ?? null, due_date: e.dueDate ?? null, detail: e.detail === undefined ? null : JSON.stringify(e.detail), created_by: actor.userId,
        }).returning('id').executeTakeFirstOrThrow();
        return row.id;
      },
      async update(values) {
        await trx.updateTable('reports').set({ ...values, updated_at: new Date() }).where('id', '=', report.id).execute();
        Object.assign(report, values);
      },
    };
    const { result, audit } = await fn(u);
    await ctx.audit.record(trx, auditActor(actor), { action, objectType: 'report', objectId: id, detail: audit });
    return result;
  });
}

export function requireStatus(report: Report, allowed: Report['status'][], field = 'body'): void {
  if (!allowed.includes(report.status)) throw AppError.field(field, 'field.reportStatus', { status: report.status });
}
