import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/auditLog';
import { todayInShanghai } from '../../platform/calendar';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { loadSuggester } from './classifierService';
import { commitFiles, discardFiles, recoverStagedFiles, type StagedFile } from './attachments';
import type { Channel, ReportKind, ReportsTable } from './db';
import { intakeDeadlines } from './deadlines';
import { newReceipt, receiptHash } from './receipts';
import type { PublicReportInput, StaffReportInput } from './schema';
import { sealIdentity, type ReporterIdentity } from './vault';

/** Everything a new report needs, whichever door it came through. */
export interface NewReport {
  countyCode: string; unitId: string; channel: Channel; kind: ReportKind; title: string; content: string;
  category?: string | null; efficiencyCategory?: string | null; townshipCode?: string | null; villageCode?: string | null;
  accused?: { name?: string; unit?: string; post?: string; officialId?: string; rank?: ReportsTable['accused_rank']; managedBy?: ReportsTable['accused_managed_by'] };
  reporter?: ReporterIdentity | null; callerConsent?: boolean | null; referralDocNo?: string | null;
  receivedOn: string; receivedAt?: Date; createdBy: string | null;
  /** The category model's suggestion (see classifierService), when a model is active. */
  suggestion?: { suggested_category: string; suggestion_confidence: number } | null;
}

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.userId, username: actor.username, clientIp: actor.clientIp };
}

/** Insert one report with its first event, deadlines and sealed identity; returns its id and receipt. */
export async function insertReport(trx: Kysely<DB>, ctx: AppContext, cal: Awaited<ReturnType<typeof loadCalendar>>, r: NewReport) {
  const id = randomUUID();
  const receipt = newReceipt();
  const identified = !!r.reporter;
  const due = intakeDeadlines(cal, r.receivedOn, identified);
  const seq = await sql<{ n: string }>`select nextval('report_serial_seq')::text as n`.execute(trx);
  const serial = `${r.countyCode}-${r.receivedOn.slice(0, 4)}-${seq.rows[0].n.padStart(6, '0')}`;
  const sealed = r.reporter ? sealIdentity(ctx.config, id, r.reporter) : null;
  await trx.insertInto('reports').values({
    id, county_code: r.countyCode, unit_id: r.unitId, serial, channel: r.channel, kind: r.kind, category: r.category ?? null,
    efficiency_category: r.efficiencyCategory ?? null, title: r.title, content: r.content, township_code: r.townshipCode ?? null,
    village_code: r.villageCode ?? null, accused_name: r.accused?.name || null, accused_unit: r.accused?.unit || null,
    accused_post: r.accused?.post || null, accused_official_id: r.accused?.officialId ?? null, accused_rank: r.accused?.rank ?? null,
    accused_managed_by: r.accused?.managedBy ?? null, identified, identity_cipher: sealed?.identity_cipher ?? null,
    data_key_wrapped: sealed?.data_key_wrapped ?? null, key_id: sealed?.key_id ?? null, caller_consent: r.callerConsent ?? null,
    referral_doc_no: r.referralDocNo ?? null, receipt_hash: receiptHash(receipt), matter_group: id,
    ...(r.receivedAt ? { received_at: r.receivedAt } : {}), received_on: r.receivedOn,
    route_due: due.routeDue, accept_notice_due: due.acceptNoticeDue, created_by: r.createdBy, ...(r.suggestion ?? {}),
  }).execute();
  await trx.insertInto('report_events').values({ report_id: id, county_code: r.countyCode, type: 'received', to_unit_id: r.unitId, due_date: due.routeDue, created_by: r.createdBy, ...(r.receivedAt ? { created_at: r.receivedAt } : {}) }).execute();
  return { id, serial, receipt };
}

/**
 * The intake office of a county: its CDI unit (reports start there until routed). Every public submission
 * needs it, so it is cached per database for a minute (units change rarely; a stale answer is still a CDI).
 */
const intakeUnits = new WeakMap<object, Map<string, { id: string | null; at: number }>>();
async function intakeUnit(db: Kysely<DB>, cacheKey: object, countyCode: string): Promise<string | null> {
  const cache = intakeUnits.get(cacheKey) ?? new Map<string, { id: string | null; at: number }>();
  intakeUnits.set(cacheKey, cache);
  const hit = cache.get(countyCode);
  if (hit?.id && Date.now() - hit.at < 60_000) return hit.id;
  const row = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi')
    .where('active', '=', true).orderBy('depth').executeTakeFirst();
  cache.set(countyCode, { id: row?.id ?? null, at: Date.now() });
  return row?.id ?? null;
}

/** Which county a public submission belongs to: its township's, else the configured or the only county. */
async function publicCounty(db: Kysely<DB>, input: PublicReportInput): Promise<string> {
  if (input.townshipCode) {
    const t = await db.selectFrom('units').select('county_code').where('code', '=', input.townshipCode).executeTakeFirst();
    if (!t) throw AppError.field('body.townshipCode', 'field.unitNotFound');
    if (input.villageCode) {
      const v = await db.selectFrom('units').select('code').where('code', '=', input.villageCode).executeTakeFirst();
      if (!v || !input.villageCode.startsWith(input.townshipCode)) throw AppError.field('body.villageCode', 'field.unitNotFound');
    }
    return t.county_code;
  }
  if (input.villageCode) throw AppError.field('body.townshipCode', 'field.required');
  if (process.env.LIANJIAN_COUNTY_CODE) return process.env.LIANJIAN_COUNTY_CODE;
  const c = await db.selectFrom('units').select('county_code').where('kind', '=', 'county').orderBy('code').executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', { params: { what: 'what.unit' } });
  return c.county_code;
}

export const intakeService = {
  /** Public submission: report, attachments and audit entry in one transaction; files renamed after commit. */
  async submitPublic(ctx: AppContext, input: PublicReportInput, files: StagedFile[], clientIp: string | undefined): Promise<{ receipt: string }> {
    try {
      const cal = await loadCalendar(ctx.db);
      const suggestFor = await loadSuggester(ctx);
      const result = await ctx.db.transaction().execute(async (trx) => {
        const countyCode = await publicCounty(trx, input);
        const unitId = await intakeUnit(trx, ctx.db, countyCode);
        if (!unitId) throw new AppError('NOT_FOUND', { params: { what: 'what.unit' } });
        const r = await insertReport(trx, ctx, cal, {
          countyCode, unitId, channel: 'online', kind: input.kind, title: input.title, content: input.content,
          townshipCode: input.townshipCode, villageCode: input.villageCode, accused: input.accused,
          reporter: input.anonymous ? null : { name: input.reporter!.name, citizenId: input.reporter!.citizenId, phone: input.reporter!.phone, address: input.reporter!.address },
          receivedOn: todayInShanghai(), createdBy: null, suggestion: suggestFor(countyCode, input.title, input.content),
        });
        if (files.length > 0) {
          await trx.insertInto('report_attachments').values(files.map((f) => ({
            id: f.id, report_id: r.id, county_code: countyCode, file_name: f.fileName, media_type: f.mediaType, size_bytes: f.size, sha256: f.sha256, stored_path: f.relPath,
          }))).execute();
        }
        // The client address is kept in the audit trail (anti-abuse), never beside the report.
        await ctx.audit.record(trx, { userId: null, username: 'public', clientIp }, {
          action: 'reports.public.submit', objectType: 'report', objectId: r.id,
          detail: { serial: r.serial, kind: input.kind, identified: !input.anonymous, attachments: files.map((f) => f.sha256) },
        });
        return r;
      });
      await commitFiles(files);
      return { receipt: result.receipt };
    } catch (err) {
      await discardFiles(files);
      throw err;
    }
  },

  /** Staff intake (letters, visits, calls, 12388, referrals, inspections, monitoring points). */
  async createStaff(ctx: AppContext, actor: Actor, input: StaffReportInput) {
    const cal = await loadCalendar(ctx.db);
    const suggestFor = await loadSuggester(ctx);
    return ctx.db.transaction().execute(async (trx) => {
      const unitId = input.unitId ?? actor.unitId;
      // One's own unit is always a valid desk, also for self-scoped monitors (they then see the row as its creator).
      if (unitId !== actor.unitId && !(await unitInScope(trx, actor, unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
      const unit = await trx.selectFrom('units').select('county_code').where('id', '=', unitId).executeTakeFirstOrThrow();
      if (input.townshipCode && !(await trx.selectFrom('units').select('id').where('code', '=', input.townshipCode).executeTakeFirst())) {
        throw AppError.field('body.townshipCode', 'field.unitNotFound');
      }
      const r = await insertReport(trx, ctx, cal, {
        countyCode: unit.county_code, unitId, channel: input.channel, kind: input.kind, category: input.category, efficiencyCategory: input.efficiencyCategory,
        title: input.title, content: input.content, townshipCode: input.townshipCode, villageCode: input.villageCode, accused: input.accused,
        reporter: input.anonymous ? null : input.reporter, callerConsent: input.callerConsent, referralDocNo: input.referralDocNo,
        receivedOn: input.receivedOn ?? todayInShanghai(), createdBy: actor.userId,
        suggestion: suggestFor(unit.county_code, input.title, input.content),
      });
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'reports.report.create', objectType: 'report', objectId: r.id,
        detail: { serial: r.serial, channel: input.channel, kind: input.kind, identified: !input.anonymous, callerConsent: input.callerConsent ?? null },
      });
      // The receipt is shown once, to be read back to the caller or written into the acknowledgement letter.
      return { id: r.id, serial: r.serial, receipt: r.receipt };
    });
  },
};

/** Start-up recovery of attachment files left by a crash (see recoverStagedFiles). */
export function recoverAttachments(ctx: AppContext) {
  return recoverStagedFiles(ctx.config, async (ids) => {
    const rows = await ctx.db.selectFrom('report_attachments').select(['id', 'stored_path']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.stored_path]));
  });
}
