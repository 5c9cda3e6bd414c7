import { randomUUID } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import type { AuditActor, AuditEntry } from '../../platform/audit/auditLog';
import type { StatutoryCalendar } from '../../platform/calendar';
import type { Config } from '../../platform/config';
import { preparedQuery } from '../../platform/db/prepared';
import type { DB } from '../../platform/db/schema';
import type { StagedFile } from './attachments';
import type { Channel, ReportKind, ReportsTable } from './db';
import { intakeDeadlines } from './deadlines';
import { newReceipt, receiptHash } from './receipts';
import { sealIdentity, type ReporterIdentity } from './vault';

/**
 * Writing a new report in ONE statement. Everything that needs no database (receipt and its hash, identity
 * encryption, deadlines on the cached calendar, the category suggestion) is computed before the statement;
 * the serial number comes from the sequence inside it, and the first event, attachment rows and audit entry
 * are data-modifying CTEs of the same statement. One statement is one round trip and, outside an explicit
 * transaction, one atomic and durable commit: report, event, attachments and audit entry exist together or
 * not at all. Inside a caller's transaction it simply becomes part of that transaction.
 */

/** Everything a new report needs, whichever door it came through. */
export interface NewReport {
  countyCode: string; unitId: string; channel: Channel; kind: ReportKind; title: string; content: string;
  category?: string | null; efficiencyCategory?: string | null; sector?: string | null; townshipCode?: string | null; villageCode?: string | null;
  accused?: { name?: string; unit?: string; post?: string; officialId?: string; rank?: ReportsTable['accused_rank']; managedBy?: ReportsTable['accused_managed_by'] };
  reporter?: ReporterIdentity | null; callerConsent?: boolean | null; referralDocNo?: string | null;
  receivedOn: string; receivedAt?: Date; createdBy: string | null;
  /** The category model's suggestion (see classifierService), when a model is active. */
  suggestion?: { suggested_category: string; suggestion_confidence: number } | null;
}

export interface PreparedReport {
  id: string; receipt: string; countyCode: string; receivedOn: string; unitId: string;
  /** Column values of the `reports` row, all but `serial` (drawn from the sequence in the statement). */
  row: Record<string, unknown>;
  event: Record<string, unknown>;
}

// Every submission of a day has the same deadlines: computed once per calendar, day and identified-ness.
const dueMemo = new WeakMap<StatutoryCalendar, Map<string, ReturnType<typeof intakeDeadlines>>>();
function dueFor(cal: StatutoryCalendar, receivedOn: string, identified: boolean) {
  let m = dueMemo.get(cal);
  if (!m) dueMemo.set(cal, (m = new Map()));
  const key = `${receivedOn}|${identified}`;
  let due = m.get(key);
  if (!due) {
    if (m.size > 1000) m.clear(); // back-dated staff entries could otherwise grow it without bound
    m.set(key, (due = intakeDeadlines(cal, receivedOn, identified)));
  }
  return due;
}

/** The CPU part of an intake: ids, receipt, sealed identity, deadlines. No database access. */
export function prepareReport(config: Config, cal: StatutoryCalendar, r: NewReport): PreparedReport {
  const id = randomUUID();
  const receipt = newReceipt();
  const identified = !!r.reporter;
  const due = dueFor(cal, r.receivedOn, identified);
  const sealed = r.reporter ? sealIdentity(config, id, r.reporter) : null;
  const row: Record<string, unknown> = {
    id, county_code: r.countyCode, unit_id: r.unitId, channel: r.channel, kind: r.kind, category: r.category ?? null,
    efficiency_category: r.efficiencyCategory ?? null, sector: r.sector ?? null, title: r.title, content: r.content, township_code: r.townshipCode ?? null,
    village_code: r.villageCode ?? null, accused_name: r.accused?.name || null, accused_unit: r.accused?.unit || null,
    accused_post: r.accused?.post || null, accused_official_id: r.accused?.officialId ?? null, accused_rank: r.accused?.rank ?? null,
    accused_managed_by: r.accused?.managedBy ?? null, identified, identity_cipher: sealed?.identity_cipher ?? null,
    data_key_wrapped: sealed?.data_key_wrapped ?? null, key_id: sealed?.key_id ?? null, caller_consent: r.callerConsent ?? null,
    referral_doc_no: r.referralDocNo ?? null, receipt_hash: receiptHash(receipt), matter_group: id,
    ...(r.receivedAt ? { received_at: r.receivedAt } : {}), received_on: r.receivedOn,
    route_due: due.routeDue, accept_notice_due: due.acceptNoticeDue, created_by: r.createdBy,
    suggested_category: r.suggestion?.suggested_category ?? null, suggestion_confidence: r.suggestion?.suggestion_confidence ?? null,
  };
  const event: Record<string, unknown> = {
    county_code: r.countyCode, type: 'received', to_unit_id: r.unitId, due_date: due.routeDue, created_by: r.createdBy,
    ...(r.receivedAt ? { created_at: r.receivedAt } : {}),
  };
  return { id, receipt, countyCode: r.countyCode, receivedOn: r.receivedOn, unitId: r.unitId, row, event };
}

/** Parameters of one statement, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown, cast = ''): string { this.values.push(v === undefined ? null : v); return `$${this.values.length}${cast}`; }
  list(o: Record<string, unknown>): string { return Object.values(o).map((v) => this.add(v)).join(', '); }
}
const columns = (o: Record<string, unknown>) => Object.keys(o).join(', ');

export interface InsertExtras {
  files?: StagedFile[];
  /** Written in the same statement; `serial` is added to its detail from the row just inserted, objectId defaults to the report's id. */
  audit?: { actor: AuditActor | null; entry: AuditEntry };
}

/**
 * The one statement: report, first event, attachment rows, audit entry. The audit row mirrors what
 * AuditLog.record writes (the linker chains every row of audit_log alike, whoever inserted it).
 */
export function insertStatement(p: PreparedReport, extras: InsertExtras = {}): CompiledQuery<{ id: string; serial: string }> {
  // Written as text, not through the query builder: this is the hot path of the public intake, and the SQL
  // has a fixed shape (column names come from prepareReport, never from input).
  const q = new Params();
  // A serial number is `<county>-<year>-<sequence, at least six digits>`; lpad alone would cut longer ones.
  const serial = `(select ${q.add(p.countyCode)} || '-' || ${q.add(p.receivedOn.slice(0, 4))} || '-' || lpad(n.s, greatest(6, length(n.s)), '0') from n)`;
  const ctes = [
    `n as (select nextval('report_serial_seq')::text as s)`,
    `r as (insert into reports (${columns(p.row)}, serial) values (${q.list(p.row)}, ${serial}) returning id, serial)`,
    `e as (insert into report_events (report_id, ${columns(p.event)}) values ((select id from r), ${q.list(p.event)}))`,
  ];
  const files = extras.files ?? [];
  if (files.length > 0) {
    const rows = files.map((f) => `(${q.add(f.id, '::uuid')}, (select id from r), ${q.add(p.countyCode)}, ${q.add(f.fileName)}, ${q.add(f.mediaType)}, ${q.add(f.size, '::int')}, ${q.add(f.sha256)}, ${q.add(f.relPath)})`);
    ctes.push(`f as (insert into report_attachments (id, report_id, county_code, file_name, media_type, size_bytes, sha256, stored_path) values ${rows.join(', ')})`);
  }
  if (extras.audit) {
    const { actor, entry } = extras.audit;
    ctes.push(`a as (insert into audit_log (actor_id, actor_name, client_ip, action, object_type, object_id, detail) values (${q.add(actor?.userId ?? null, '::uuid')}, `
      + `${q.add(actor?.username ?? null)}, ${q.add(actor?.clientIp ?? null)}, ${q.add(entry.action)}, ${q.add(entry.objectType ?? null)}, ${q.add(entry.objectId ?? p.id)}, `
      + `(select jsonb_build_object('serial', serial) from r) || ${q.add(JSON.stringify(entry.detail ?? {}), '::jsonb')}))`);
  }
  return preparedQuery(`with ${ctes.join(', ')} select id, serial from r`, q.values);
}

/** Run the statement on `db` (a pool: its own commit; a transaction: part of it). */
export async function executeInsert(db: Kysely<DB>, p: PreparedReport, extras: InsertExtras = {}): Promise<{ id: string; serial: string; receipt: string }> {
  const res = await db.executeQuery(insertStatement(p, extras));
  const row = res.rows[0];
  if (!row) throw new Error('report insert returned no row');
  return { id: row.id, serial: row.serial, receipt: p.receipt };
}
