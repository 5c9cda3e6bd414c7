import type { Kysely } from 'kysely';
import { addCalendarDays, todayInShanghai } from '../../platform/calendar/dates';
import type { StatutoryCalendar } from '../../platform/calendar/statutoryCalendar';
import type { DB } from '../../platform/db/schema';
import type { StoredExtension, StoredSuspension } from './db';
import { type DeadlineRule, RuleViolationError, computeDue, deadlineState, defaultDeadlineRules, findRule, toAppError } from './rules';
import type { Clock } from './ruleTableService';

/**
 * Persists a case's running time limits. The due date is always recomputed by the rules library from the rule
 * table (start, suspensions, extensions, statutory calendar with the office's overrides); nothing here does
 * date arithmetic of its own.
 */
export function ruleFor(key: string, rules: readonly DeadlineRule[] = defaultDeadlineRules): DeadlineRule {
  const r = findRule(rules, key);
  if (!r) throw new Error(`Unknown deadline rule ${key}`);
  return r;
}

/** computeDue, with its rule violations turned into the API's 400 naming the rule. */
export function dueFor(rule: DeadlineRule, start: string, calendar: StatutoryCalendar, suspensions: StoredSuspension[], extensions: StoredExtension[]): string | null {
  try {
    return computeDue(rule, start, calendar, {
      suspensions: suspensions.map((s) => ({ from: s.from, to: s.to, kind: s.kind })),
      extensions: extensions.map((e) => ({ amount: e.amount, unit: e.unit, approvedOn: e.approvedOn })),
    }).due;
  } catch (err) {
    if (err instanceof RuleViolationError) throw toAppError(err.violations);
    throw err;
  }
}

export async function startDeadline(trx: Kysely<DB>, clock: Clock, caseId: string, key: string, startedOn: string): Promise<void> {
  const due = dueFor(ruleFor(key, clock.rules), startedOn, clock.calendar, [], []);
  await trx.insertInto('case_deadlines').values({ case_id: caseId, rule_key: key, started_on: startedOn, due_on: due, suspensions: '[]', extensions: '[]' })
    .onConflict((oc) => oc.columns(['case_id', 'rule_key']).doUpdateSet({ started_on: startedOn, due_on: due, suspensions: '[]', extensions: '[]', fulfilled_on: null }))
    .execute();
}

export async function openDeadlines(trx: Kysely<DB>, caseId: string) {
  return trx.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).where('fulfilled_on', 'is', null).orderBy('started_on').execute();
}

export async function fulfilDeadline(trx: Kysely<DB>, caseId: string, key: string, on: string): Promise<void> {
  await trx.updateTable('case_deadlines').set({ fulfilled_on: on }).where('case_id', '=', caseId).where('rule_key', '=', key).where('fulfilled_on', 'is', null).execute();
}

async function save(trx: Kysely<DB>, clock: Clock, row: { id: string; rule_key: string; started_on: string }, suspensions: StoredSuspension[], extensions: StoredExtension[]) {
  const due = dueFor(ruleFor(row.rule_key, clock.rules), row.started_on, clock.calendar, suspensions, extensions);
  await trx.updateTable('case_deadlines').set({ due_on: due, suspensions: JSON.stringify(suspensions), extensions: JSON.stringify(extensions) }).where('id', '=', row.id).execute();
}

/** Stops the clock of every open limit that a clock event of this kind stops (e.g. 中止 stops the investigation period). */
export async function stopClocks(trx: Kysely<DB>, clock: Clock, caseId: string, kind: StoredSuspension['kind'], from: string): Promise<string[]> {
  const stopped: string[] = [];
  for (const d of await openDeadlines(trx, caseId)) {
    if (!(ruleFor(d.rule_key, clock.rules).stopsClock ?? []).includes(kind)) continue;
    await save(trx, clock, d, [...d.suspensions, { from, to: null, kind }], d.extensions);
    stopped.push(d.rule_key);
  }
  return stopped;
}

/** Restarts the clocks stopped by `kind`: the day before `on` is the last day not counted. */
export async function resumeClocks(trx: Kysely<DB>, clock: Clock, caseId: string, kind: StoredSuspension['kind'], on: string): Promise<string[]> {
  const resumed: string[] = [];
  for (const d of await openDeadlines(trx, caseId)) {
    const open = d.suspensions.find((s) => s.to === null && s.kind === kind);
    if (!open) continue;
    const last = addCalendarDays(on, -1);
    const rest = d.suspensions.filter((s) => s !== open);
    await save(trx, clock, d, last < open.from ? rest : [...rest, { ...open, to: last }], d.extensions);
    resumed.push(d.rule_key);
  }
  return resumed;
}

export async function addExtension(trx: Kysely<DB>, clock: Clock, caseId: string, key: string, ext: StoredExtension): Promise<boolean> {
  const d = await trx.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).where('rule_key', '=', key).where('fulfilled_on', 'is', null).executeTakeFirst();
  if (!d) return false;
  await save(trx, clock, d, d.suspensions, [...d.extensions, ext]);
  return true;
}

export function withState<T extends { due_on: string | null; fulfilled_on: string | null; rule_key: string }>(rows: T[], rules: readonly DeadlineRule[], today = todayInShanghai()) {
  return rows.map((d) => {
    const r = ruleFor(d.rule_key, rules);
    return {
      ...d, labelZh: r.labelZh, labelEn: r.labelEn, source: r.source, confidence: r.confidence,
      state: d.fulfilled_on ? 'done' : d.due_on ? deadlineState(d.due_on, today, 7) : 'stopped',
    };
  });
}
