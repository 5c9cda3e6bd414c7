import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/auditLog';
import { todayInShanghai, type StatutoryCalendar } from '../../platform/calendar';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { loadSuggester } from './classifierService';
import { commitFiles, discardFiles, recoverStagedFiles, type StagedFile } from './attachments';
import { checkDictionaryCode } from './dictionaries';
import { executeInsert, prepareReport, type InsertExtras, type NewReport } from './intakeInsert';
import type { PublicReportInput, StaffReportInput } from './schema';

export type { NewReport } from './intakeInsert';

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.userId, username: actor.username, clientIp: actor.clientIp };
}

/** Insert one report with its first event, deadlines and sealed identity (in `trx`); returns its id and receipt. */
export async function insertReport(trx: Kysely<DB>, ctx: AppContext, cal: StatutoryCalendar, r: NewReport, extras?: InsertExtras) {
  return executeInsert(trx, prepareReport(ctx.config, cal, r), extras);
}

/**
 * Facts every public submission needs about units: which county a township belongs to, whether a village
 * exists, the county's intake office (its CDI, where reports start until routed). Division codes and units
 * change rarely, so answers are cached per database for a minute; a code not in the cache is looked up
 * (a new township works at once), and an unknown code is never cached (it is a 4xx, not a fast path).
 */
const LOOKUP_MS = 60_000;
interface Lookups { at: number; countyOf: Map<string, string>; intakeUnit: Map<string, string>; defaultCounty?: string }
const lookups = new WeakMap<object, Lookups>();

function lookupCache(db: Kysely<DB>): Lookups {
  const hit = lookups.get(db);
  if (hit && Date.now() - hit.at < LOOKUP_MS) return hit;
  const fresh: Lookups = { at: Date.now(), countyOf: new Map(), intakeUnit: new Map() };
  lookups.set(db, fresh);
  return fresh;
}

async function countyOfCode(db: Kysely<DB>, c: Lookups, code: string): Promise<string | null> {
  const hit = c.countyOf.get(code);
  if (hit) return hit;
  const row = await db.selectFrom('units').select('county_code').where('code', '=', code).executeTakeFirst();
  if (row) c.countyOf.set(code, row.county_code);
  return row?.county_code ?? null;
}

async function intakeUnit(db: Kysely<DB>, countyCode: string): Promise<string> {
  const c = lookupCache(db);
  const hit = c.intakeUnit.get(countyCode);
  if (hit) return hit;
  const row = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi')
    .where('active', '=', true).orderBy('depth').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { what: 'what.unit' } });
  c.intakeUnit.set(countyCode, row.id);
  return row.id;
}

/** Which county a public submission belongs to: its township's, else the configured or the only county. */
async function publicCounty(db: Kysely<DB>, input: PublicReportInput): Promise<string> {
  const c = lookupCache(db);
  if (input.townshipCode) {
    const county = await countyOfCode(db, c, input.townshipCode);
    if (!county) throw AppError.field('body.townshipCode', 'field.unitNotFound');
    if (input.villageCode && (!input.villageCode.startsWith(input.townshipCode) || !(await countyOfCode(db, c, input.villageCode)))) {
      throw AppError.field('body.villageCode', 'field.unitNotFound');
    }
    return county;
  }
  if (input.villageCode) throw AppError.field('body.townshipCode', 'field.required');
  if (process.env.LIANJIAN_COUNTY_CODE) return process.env.LIANJIAN_COUNTY_CODE;
  if (c.defaultCounty) return c.defaultCounty;
  const row = await db.selectFrom('units').select('county_code').where('kind', '=', 'county').orderBy('code').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { what: 'what.unit' } });
  c.defaultCounty = row.county_code;
  return row.county_code;
}

export const intakeService = {
  /**
   * Public submission. Lookups come from caches and the CPU work (validation was done by the route; receipt,
   * encryption, deadlines, suggestion) runs before the database is touched; report, attachments and audit
   * entry are then one statement (see intakeInsert.ts), committed durably before the 201. Staged files are
   * renamed into place after the commit, and discarded on any failure.
   */
  async submitPublic(ctx: AppContext, input: PublicReportInput, files: StagedFile[], clientIp: string | undefined): Promise<{ receipt: string }> {
    try {
      const cal = await loadCalendar(ctx.db);
      const suggestFor = await loadSuggester(ctx);
      const countyCode = await publicCounty(ctx.db, input);
      const unitId = await intakeUnit(ctx.db, countyCode);
      const prepared = prepareReport(ctx.config, cal, {
        countyCode, unitId, channel: 'online', kind: input.kind, title: input.title, content: input.content,
        townshipCode: input.townshipCode, villageCode: input.villageCode, accused: input.accused,
        reporter: input.anonymous ? null : { name: input.reporter!.name, citizenId: input.reporter!.citizenId, phone: input.reporter!.phone, address: input.reporter!.address },
        receivedOn: todayInShanghai(), createdBy: null, suggestion: suggestFor(countyCode, input.title, input.content),
      });
      await executeInsert(ctx.db, prepared, {
        files,
        // The client address is kept in the audit trail (anti-abuse), never beside the report.
        audit: {
          actor: { userId: null, username: 'public', clientIp },
          entry: { action: 'reports.public.submit', objectType: 'report', objectId: prepared.id, detail: { kind: input.kind, identified: !input.anonymous, attachments: files.map((f) => f.sha256) } },
        },
      });
      await commitFiles(files);
      return { receipt: prepared.receipt };
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
      await checkDictionaryCode(trx, 'sector', unit.county_code, input.sector, 'body.sector');
      if (input.kind === 'efficiency') await checkDictionaryCode(trx, 'efficiencyCategory', unit.county_code, input.efficiencyCategory, 'body.efficiencyCategory');
      const r = await insertReport(trx, ctx, cal, {
        countyCode: unit.county_code, unitId, channel: input.channel, kind: input.kind, category: input.category, efficiencyCategory: input.efficiencyCategory, sector: input.sector,
        title: input.title, content: input.content, townshipCode: input.townshipCode, villageCode: input.villageCode, accused: input.accused,
        reporter: input.anonymous ? null : input.reporter, callerConsent: input.callerConsent, referralDocNo: input.referralDocNo,
        receivedOn: input.receivedOn ?? todayInShanghai(), createdBy: actor.userId,
        suggestion: suggestFor(unit.county_code, input.title, input.content),
      }, {
        audit: {
          actor: auditActor(actor),
          entry: { action: 'reports.report.create', objectType: 'report', detail: { channel: input.channel, kind: input.kind, identified: !input.anonymous, callerConsent: input.callerConsent ?? null } },
        },
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
