import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { defineRoute, type RouteDef } from '../../platform/http/route';
import { zodIssuesToFieldIssues } from '../../platform/http/validation';
import type { Locale } from '../../platform/i18n/locale';
import { translate } from '../../platform/i18n/messages';
import { maskCitizenId, validateCitizenId } from '../../platform/identifiers/citizenId';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import {
  buildExport, buildTemplate, codeFor, columns, headerOf, labelSets, optionsOf, readSheet,
  type SheetField, type SheetIssue, type SheetRow,
} from './officialExcel';
import { normalizeDate, XLSX_TYPE } from '../../platform/excel/sheets';
import { officialRepository } from './officialRepository';
import { officialService } from './officialService';
import { officialCreate, officialFilter, type OfficialCreate } from './schema';
import { auditActor } from './unitService';

/** Enough for anyone to fix a sheet; a file wrong in every row would otherwise answer megabytes. */
const MAX_REPORTED = 1000;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
type UnitRef = { id: string; countyCode: string };

/** Units a row may name: active ones within the actor's unit scope ("rows I created" grants no unit). */
async function unitsInScope(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('units').select(['id', 'code', 'name', 'county_code as countyCode'])
    .where(scopeCondition({ ...actor, scope: { ...actor.scope, self: false } }, 'units.id'))
    .where('active', '=', true).orderBy('path').execute();
}

/** One sheet row → API input, or the row's issues (labels mapped, unit code resolved, officialCreate applied). */
function toInput(r: SheetRow, units: Map<string, UnitRef>): { input?: OfficialCreate; issues: SheetIssue[] } {
  const v = r.values;
  const issues: SheetIssue[] = [];
  const raw: Record<string, unknown> = {
    name: v.name, post: v.post, phone: v.phone, citizenId: v.citizenId, birthDate: v.birthDate ? normalizeDate(v.birthDate) : undefined,
  };
  for (const field of ['gender', 'partyMember', 'rank', 'managedBy'] as const) {
    const text = v[field];
    if (!text) continue; // a missing required value is reported by officialCreate below
    const code = codeFor<string>(labelSets[field], text);
    if (code === undefined) issues.push({ row: r.row, field, key: 'field.invalidEnum', params: { options: optionsOf(labelSets[field]) } });
    else raw[field] = field === 'partyMember' ? code === 'true' : code;
  }
  const unit = v.unitCode ? units.get(v.unitCode) : undefined;
  if (!v.unitCode) issues.push({ row: r.row, field: 'unitCode', key: 'field.required' });
  else if (!unit) issues.push({ row: r.row, field: 'unitCode', key: 'field.unitNotFound' });
  else raw.unitId = unit.id;
  const parsed = officialCreate.safeParse(raw);
  if (!parsed.success) {
    for (const i of zodIssuesToFieldIssues(parsed.error, '')) {
      const field = i.field.split('.')[0] as SheetField;
      if ((field as string) === 'unitId' || issues.some((x) => x.field === field)) continue;
      issues.push({ row: r.row, field, key: i.key, params: i.params });
    }
    return { issues };
  }
  // The ID fixes birth date and gender; a sheet that says otherwise is wrong somewhere, so ask rather than guess.
  const id = parsed.data.citizenId ? validateCitizenId(parsed.data.citizenId) : undefined;
  if (id?.ok && parsed.data.birthDate && parsed.data.birthDate !== id.birthDate) issues.push({ row: r.row, field: 'birthDate', key: 'field.contradictsCitizenId' });
  if (id?.ok && parsed.data.gender !== id.gender) issues.push({ row: r.row, field: 'gender', key: 'field.contradictsCitizenId' });
  return issues.length > 0 ? { issues } : { input: { ...parsed.data, citizenId: id?.ok ? id.normalized : parsed.data.citizenId }, issues };
}

function rejection(locale: Locale, issues: SheetIssue[]): AppError {
  const order = (f: SheetField) => columns.findIndex((c) => c.field === f);
  const sorted = [...issues].sort((a, b) => a.row - b.row || order(a.field) - order(b.field));
  const rows = sorted.slice(0, MAX_REPORTED).map((i) => {
    // Rows name the column as the sheet does, so the user finds the cell; the message is in their language.
    const field = headerOf(i.field);
    return { row: i.row, field, key: i.key, message: translate(locale, i.key, { ...i.params, field }) };
  });
  const count = new Set(issues.map((i) => i.row)).size;
  return new AppError('IMPORT_REJECTED', { params: { count }, details: { rows, ...(issues.length > MAX_REPORTED ? { truncated: true } : {}) } });
}

/** Citizen IDs already held by active officials of the same county (the unique index's rule). */
async function takenIds(db: Kysely<DB>, wanted: Array<{ citizenId: string; countyCode: string }>): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const chunk = wanted.slice(i, i + 1000);
    const rows = await db.selectFrom('officials').select(['citizen_id', 'county_code']).where('active', '=', true)
      .where('citizen_id', 'in', chunk.map((w) => w.citizenId)).execute();
    for (const r of rows) taken.add(`${r.county_code}:${r.citizen_id}`);
  }
  return taken;
}

/** All or nothing: every row is checked first and any error rejects the whole file with every row's problems. */
async function importOfficials(ctx: AppContext, actor: Actor, locale: Locale, buffer: Buffer, fileName: string): Promise<{ imported: number }> {
  const sheet = await readSheet(buffer);
  if (sheet.issues.length > 0) throw rejection(locale, sheet.issues);
  const units = new Map((await unitsInScope(ctx.db, actor)).map((u) => [u.code, { id: u.id, countyCode: u.countyCode }]));
  const issues: SheetIssue[] = [];
  const accepted: Array<{ row: number; input: OfficialCreate; countyCode: string }> = [];
  const firstRowOfId = new Map<string, number>();
  for (const r of sheet.rows) {
    const result = toInput(r, units);
    issues.push(...result.issues);
    if (!result.input) continue;
    const countyCode = units.get(r.values.unitCode!)!.countyCode;
    const key = result.input.citizenId ? `${countyCode}:${result.input.citizenId}` : undefined;
    const first = key ? firstRowOfId.get(key) : undefined;
    if (first !== undefined) { issues.push({ row: r.row, field: 'citizenId', key: 'field.duplicateInFile', params: { row: first } }); continue; }
    if (key) firstRowOfId.set(key, r.row);
    accepted.push({ row: r.row, input: result.input, countyCode });
  }
  const taken = await takenIds(ctx.db, accepted.filter((a) => a.input.citizenId).map((a) => ({ citizenId: a.input.citizenId!, countyCode: a.countyCode })));
  for (const a of accepted) {
    if (a.input.citizenId && taken.has(`${a.countyCode}:${a.input.citizenId}`)) issues.push({ row: a.row, field: 'citizenId', key: 'field.duplicate' });
  }
  if (issues.length > 0) throw rejection(locale, issues);
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, a] of accepted.entries()) {
      // Checks repeat inside the transaction (a concurrent edit may have taken an ID); a failure still names the row.
      await officialService.createIn(trx, ctx, actor, a.input, `rows[${i}]`).catch((err: unknown) => {
        if (!(err instanceof AppError) || err.issues.length === 0) throw err;
        throw rejection(locale, err.issues.map((x) => ({ row: a.row, field: (x.field.split('.').pop() ?? 'name') as SheetField, key: x.key, params: x.params })));
      });
    }
    await ctx.audit.record(trx, auditActor(actor), { action: 'org.official.import', objectType: 'official', detail: { fileName, rows: accepted.length } });
  });
  return { imported: accepted.length };
}

async function uploadedFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }] });
  const file = await req.file();
  if (!file || file.fieldname !== 'file') throw AppError.field('file', 'field.required');
  const buffer = await file.toBuffer();
  // Sniff, never trust the declared type: an .xlsx is a zip archive.
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }] });
  }
  return { buffer, fileName: file.filename };
}

function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply.header('content-type', XLSX_TYPE).header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="officials.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

/** Same filters as the list (page and pageSize are accepted and ignored); `full=true` asks for unmasked IDs. */
const exportQuery = officialFilter.extend({ full: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

export const officialExcelRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/org/officials/import-template', summary: 'Excel template for importing officials', tags: ['org'],
    access: { permission: 'org.official.import', scope: { resource: 'officials', op: 'import' } },
    handler: async ({ ctx, actor, reply }) => {
      const units = await unitsInScope(ctx.db, actor);
      return sendXlsx(reply, '干部信息导入模板.xlsx', await buildTemplate(units.map(({ code, name }) => ({ code, name }))));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/officials/import', summary: 'Import officials from Excel (all rows or none)', tags: ['org'],
    access: { permission: 'org.official.import', scope: { resource: 'officials', op: 'import' } }, multipart: true,
    handler: async ({ ctx, actor, locale, req }) => {
      const { buffer, fileName } = await uploadedFile(req);
      return importOfficials(ctx, actor, locale, buffer, fileName);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/officials/export', summary: 'Export the filtered officials to Excel (IDs masked unless full=true; audited)', tags: ['org'],
    access: { permission: 'org.official.export', scope: { resource: 'officials', op: 'export' } }, query: exportQuery,
    handler: async ({ ctx, actor, query, reply }) => {
      const { page: _page, pageSize: _pageSize, full, ...filter } = query;
      const rows = await officialRepository.listAll(ctx.db, actor, filter);
      // The file leaves the system's control, so IDs are masked by default; asking for them in full is a
      // deliberate act of an exporter and the audit entry says so.
      const out = rows.map((r) => ({ ...r, citizenId: r.citizenId && !full ? maskCitizenId(r.citizenId) : r.citizenId }));
      await ctx.audit.record(ctx.db, auditActor(actor), { action: 'org.official.export', objectType: 'official', detail: { filter, full, rows: rows.length } });
      return sendXlsx(reply, `干部信息-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}.xlsx`, await buildExport(out));
    },
  }),
];
