import { z } from 'zod';
import { isoDate, optText, pageFields, text } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { directions, fundCategories, paymentMethods } from './db';
import { decisionMeetings } from './words';

/** Input schemas of the village assets API; strict, so unknown fields are refused and named. */
export const idParams = z.strictObject({ id: uuid });

export const ledgerQuery = z.strictObject({
  ...pageFields,
  villageId: uuid,
  /** Comma-separated row ids: the rows a hit's evidence links to. */
  ids: z.string().trim().max(8000).regex(/^[0-9a-f,-]*$/i).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

export const summaryQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() });

const amount = z.number().positive().max(1e11).multipleOf(0.01);

export const entryCreate = z.strictObject({
  villageId: uuid,
  entryDate: isoDate,
  voucherNo: text(40),
  direction: z.enum(directions),
  amount,
  counterparty: text(200),
  paymentMethod: z.enum(paymentMethods),
  fundCategory: z.enum(fundCategories),
  entrySummary: optText(500),
  handledBy: optText(40),
  approvedBy: optText(40),
  decisionDate: isoDate.optional(),
  decisionMeeting: z.enum(decisionMeetings).optional(),
  published: z.boolean().default(false),
});

const n = (min: number, max: number) => z.number().min(min).max(max);
export const thresholdsBody = z.strictObject({
  cashLimit: n(0, 1e8), approvalThreshold: n(1, 1e8), splitWindowDays: z.number().int().min(1).max(366), majorAmount: n(1, 1e10), rentMinPeers: z.number().int().min(2).max(100),
  contractTermYears: z.number().int().min(1).max(70), negotiationLimit: n(0, 1e10), disposalRatio: n(0.01, 1), concentrationShare: n(0.01, 1), concentrationMinAmount: n(0, 1e10),
});
