import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/**
 * An uploaded file as the import routes take it: a multipart body with one part named `file` and any text
 * fields, in any order (other file parts are read and dropped, so the stream always ends). No file, or an empty
 * one, is refused on the file field; the caller validates the fields it expects.
 */
export interface Upload { buffer: Buffer; fileName: string; fields: Record<string, string> }

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.required' }] });
  let file: { buffer: Buffer; fileName: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file') file = { buffer, fileName: part.filename };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file || file.buffer.length === 0) throw AppError.field('file', 'field.required');
  return { ...file, fields };
}
