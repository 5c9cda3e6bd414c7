import { z } from 'zod';
import { isoDate, optText, pageFields, text } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { areaUnits, awardMethods, directions, fundCategories, objectTypes, paymentMethods } from './db';
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
/** Zero allowed: a rent-free contract, an asset handed over for nothing (the import accepts both; a rule judges them). */
const money = z.number().min(0).max(1e11).multipleOf(0.01);
const decision = { decisionDate: isoDate.optional(), decisionMeeting: z.enum(decisionMeetings).optional() };

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

/** One contract (发包/租赁) by form; the same rules as the import's 合同 sheet (end after start, number unique in the village). */
export const contractCreate = z.strictObject({
  villageId: uuid,
  contractNo: text(60),
  objectType: z.enum(objectTypes),
  objectName: text(200),
  area: amount,
  areaUnit: z.enum(areaUnits),
  counterparty: text(200),
  startOn: isoDate,
  endOn: isoDate,
  annualRent: money,
  awardMethod: z.enum(awardMethods),
  ...decision,
});

/**
 * One asset disposal by form; the same rules as the import's 资产处置 sheet. Buyer and method carry the module's
 * prefix because field labels are shared by every module and `buyer`/`method` name other things elsewhere.
 */
export const disposalCreate = z.strictObject({
  villageId: uuid,
  assetName: text(200),
  disposedOn: isoDate,
  appraisedValue: amount,
  salePrice: money,
  disposalBuyer: text(200),
  disposalMethod: z.enum(awardMethods),
  ...decision,
});

const n = (min: number, max: number) => z.number().min(min).max(max);
export const thresholdsBody = z.strictObject({
  cashLimit: n(0, 1e8), approvalThreshold: n(1, 1e8), splitWindowDays: z.number().int().min(1).max(366), majorAmount: n(1, 1e10), rentMinPeers: z.number().int().min(2).max(100),
  contractTermYears: z.number().int().min(1).max(70), negotiationLimit: n(0, 1e10), disposalRatio: n(0.01, 1), concentrationShare: n(0.01, 1), concentrationMinAmount: n(0, 1e10),
});
