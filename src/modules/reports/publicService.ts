import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { parseOrThrow } from '../../platform/http/validation';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, discardFiles, sniffMediaType, stageFile, type StagedFile } from './attachments';
import { normaliseReceipt, receiptHash } from './receipts';
import { publicReportInput, type PublicReportInput } from './schema';

/**
 * The reporter's side: parse a submission (JSON, or multipart with a `report` JSON field and file parts),
 * and everything reachable with a receipt. Nothing here ever returns identity, internal notes or units.
 */
export async function parseSubmission(ctx: AppContext, req: FastifyRequest): Promise<{ input: PublicReportInput; files: StagedFile[] }> {
  if (!req.isMultipart()) return { input: parseOrThrow(publicReportInput, req.body ?? {}, 'body'), files: [] };
  const files: StagedFile[] = [];
  let raw: unknown;
  try {
    for await (const part of req.parts({ limits: { files: MAX_ATTACHMENTS, fileSize: MAX_ATTACHMENT_BYTES, fields: 5, fieldSize: 256 * 1024 } })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'report') throw AppError.field(`body.${part.fieldname}`, 'field.unknown');
        try { raw = JSON.parse(String(part.value)); } catch { throw AppError.field('body.report', 'field.invalidFormat'); }
        continue;
      }
      const buffer = await part.toBuffer().catch((err: { code?: string }) => {
        if (err?.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { issues: [{ field: 'attachments', key: 'field.fileTooLarge', params: { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 } }] });
        throw err;
      });
      if (buffer.length === 0) throw AppError.field('attachments', 'field.required');
      const mediaType = sniffMediaType(buffer);
      if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'attachments', key: 'field.fileType', params: { name: part.filename } }] });
      files.push(await stageFile(ctx.config, buffer, part.filename || 'file', mediaType));
    }
    if (raw === undefined) throw AppError.field('body.report', 'field.required');
    return { input: parseOrThrow(publicReportInput, raw, 'body'), files };
  } catch (err) {
    await discardFiles(files);
    const code = (err as { code?: string })?.code;
    if (code === 'FST_FILES_LIMIT') throw AppError.field('attachments', 'field.tooMany', { max: MAX_ATTACHMENTS });
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw AppError.field('body', 'field.invalid');
    throw err;
  }
}

async function byReceipt(ctx: AppContext, receipt: string) {
  const digits = normaliseReceipt(receipt);
  const row = digits === null ? undefined : await ctx.db.selectFrom('reports')
    .select(['id', 'county_code', 'kind', 'title', 'status', 'received_on', 'answer', 'closed_on', 'satisfaction'])
    .where('receipt_hash', '=', receiptHash(digits)).executeTakeFirst();
  // Unknown and malformed receipts answer alike, so the response tells a guesser nothing.
  if (!row) throw AppError.notFound('what.report');
  return row;
}

export const publicService = {
  async lookup(ctx: AppContext, receipt: string) {
    const r = await byReceipt(ctx, receipt);
    const messages = await ctx.db.selectFrom('report_messages').select(['author', 'body', 'created_at as at'])
      .where('report_id', '=', r.id).orderBy('created_at').orderBy('id').execute();
    return {
      kind: r.kind, title: r.title, status: r.status, receivedOn: r.received_on, closedOn: r.closed_on,
      answer: r.answer, satisfaction: r.satisfaction, messages,
    };
  },

  async addMessage(ctx: AppContext, receipt: string, body: string, clientIp: string | undefined) {
    const r = await byReceipt(ctx, receipt);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('report_messages').values({ report_id: r.id, county_code: r.county_code, author: 'reporter', body }).execute();
      await ctx.audit.record(trx, { userId: null, username: 'public', clientIp }, { action: 'reports.public.message', objectType: 'report', objectId: r.id });
    });
  },

  /** 满意度回访 by receipt: only once the matter is closed, and the latest answer counts. */
  async feedback(ctx: AppContext, receipt: string, input: { satisfaction: 'satisfied' | 'basicallySatisfied' | 'dissatisfied'; note?: string }, clientIp: string | undefined) {
    const r = await byReceipt(ctx, receipt);
    if (r.status !== 'closed') throw AppError.field('body.satisfaction', 'field.notClosed');
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('reports').set({ satisfaction: input.satisfaction, updated_at: new Date() }).where('id', '=', r.id).execute();
      await trx.insertInto('report_events').values({ report_id: r.id, county_code: r.county_code, type: 'feedback', note: input.note ?? null, detail: JSON.stringify({ satisfaction: input.satisfaction, via: 'receipt' }) }).execute();
      await ctx.audit.record(trx, { userId: null, username: 'public', clientIp }, { action: 'reports.public.feedback', objectType: 'report', objectId: r.id, detail: { satisfaction: input.satisfaction } });
    });
  },

  /** Division units only (no departments or teams): townships of the county, or one township's villages. */
  async divisions(ctx: AppContext, parentCode?: string) {
    let q = ctx.db.selectFrom('units as u').select(['u.code', 'u.name']).where('u.active', '=', true);
    if (parentCode) {
      q = q.innerJoin('units as p', 'p.id', 'u.parent_id').where('p.code', '=', parentCode).where('u.kind', 'in', ['village', 'community']);
    } else {
      q = q.where('u.kind', 'in', ['township', 'town', 'subdistrict']);
      if (process.env.LIANJIAN_COUNTY_CODE) q = q.where('u.county_code', '=', process.env.LIANJIAN_COUNTY_CODE);
    }
    return { items: await q.orderBy('u.code').execute() };
  },
};
