import { z } from 'zod';
import { isoDate, optText, pageFields } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { spendingCategories, travellerRanks } from './db';

/**
 * Input schemas of the spending API; strict, so unknown fields are refused and named. Field names are this
 * module's own (spendingCategory, spentOn …) because field labels are shared by every module.
 */
export const idParams = z.strictObject({ id: uuid });
const count = (max: number) => z.number().int().min(0).max(max).optional();

export const expenseListQuery = z.strictObject({
  ...pageFields,
  unitId: uuid.optional(),
  spendingCategory: z.enum(spendingCategories).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  flaggedOnly: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  q: z.string().trim().min(1).max(100).optional(),
});

export const expenseCreate = z.strictObject({
  unitId: uuid,
  spentOn: isoDate,
  spendingCategory: z.enum(spendingCategories),
  // Yuan; stored with 2 decimals (numeric(14,2)), so a third decimal is rounded.
  amount: z.number().min(0).max(1e10),
  persons: z.number().int().min(1).max(100000).optional(),
  accompanying: count(10000),
  days: z.number().int().min(1).max(366).optional(),
  nights: count(366),
  classLevel: z.number().int().min(1).max(4).optional(),
  travellerRank: z.enum(travellerRanks).optional(),
  payee: optText(200),
  venue: optText(200),
  hasLetter: z.boolean().optional(),
  approvalNo: optText(100),
  voucherNo: optText(60),
  description: optText(1000),
});

/** A correction carries the whole record as entered (same checks as entry). */
export const expenseUpdate = expenseCreate;

export const standardsUpdate = z.strictObject({
  items: z.array(z.strictObject({
    code: z.string().min(1).max(60),
    value: z.number().min(0).max(1e9).nullable().optional(),
    words: z.array(z.string().trim().min(1).max(20)).max(200).optional(),
    basis: z.string().trim().min(1).max(1000),
  })).min(1).max(100),
});

export const summaryQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const pageQuery = z.strictObject({ ...pageFields });
export type ExpenseInput = z.infer<typeof expenseCreate>;
