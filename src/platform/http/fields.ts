import { z } from 'zod';

/**
 * The field schemas every module's API input is built from, so "a date", "a text of at most N characters" or "a
 * page of a list" are checked — and their errors worded — the same way in every module.
 */
export const isoDate = z.iso.date();
/** Required text: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: trimmed, at most `max` characters. */
export const optText = (max: number) => z.string().trim().max(max).optional();
/** A unit's code as the organisation tree stores it (division codes, or codes such as 530125CDI). */
export const unitCode = z.string().trim().regex(/^[0-9A-Za-z]{1,32}$/);
/** `page` and `pageSize` of a list query (pages start at 1; at most 200 rows a page). */
export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
