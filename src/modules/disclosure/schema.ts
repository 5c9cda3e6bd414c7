import { z } from 'zod';
import { isoDate as date, optText, pageFields, text, unitCode } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { channels, checkResults, disclosureKinds, siteStatuses } from './db';
import { isPeriod } from './schedule';

/** Input schemas of the disclosure API; strict, so unknown fields are refused and named. */
const page = pageFields;
/** A quarter such as 2026Q3; the message names the field and shows the form. */
const period = z.string().trim().refine(isPeriod, { params: { key: 'disclosure.periodFormat' } });

export const idParams = z.strictObject({ id: uuid });

export const matrixQuery = z.strictObject({
  kind: z.enum(disclosureKinds),
  year: z.coerce.number().int().min(2000).max(2100),
  township: unitCode.optional(),
  asOf: date.optional(),
});

export const recordListQuery = z.strictObject({
  ...page,
  unitId: uuid.optional(),
  kind: z.enum(disclosureKinds).optional(),
  quarter: period.optional(),
});

export const recordCreate = z.strictObject({
  unitId: uuid,
  kind: z.enum(disclosureKinds),
  quarter: period,
  disclosedItems: z.array(z.string().trim().min(1).max(40)).max(20).refine((a) => a.length > 0, { params: { key: 'disclosure.itemsRequired' } }),
  publishedOn: date,
  channels: z.array(z.enum(channels)).max(3).default([]),
  evidenceNote: optText(1000),
});

/** A correction keeps the unit, kind and quarter (a wrong one is a different record) and says why. */
export const recordCorrect = z.strictObject({
  disclosedItems: recordCreate.shape.disclosedItems,
  publishedOn: date,
  channels: recordCreate.shape.channels,
  evidenceNote: optText(1000),
  correctionReason: text(500),
});

export const checkListQuery = z.strictObject({
  ...page,
  checkResult: z.enum(checkResults).optional(),
  status: z.enum(['open', 'rectified']).optional(),
  township: unitCode.optional(),
  kind: z.enum(disclosureKinds).optional(),
});

export const checkCreate = z.strictObject({
  unitId: uuid,
  kind: z.enum(disclosureKinds),
  quarter: period.optional(),
  checkedOn: date,
  inspector: text(100),
  checkResult: z.enum(checkResults),
  problemNote: optText(2000),
  dueOn: date.optional(),
});

export const checkRectify = z.strictObject({
  rectifiedOn: date,
  rectificationNote: text(2000),
});

export const siteListQuery = z.strictObject({
  ...page,
  status: z.enum(siteStatuses).optional(),
  kind: z.enum(disclosureKinds).optional(),
});

export const siteCreate = z.strictObject({
  unitId: uuid,
  kind: z.enum(disclosureKinds),
  siteName: text(200),
  status: z.enum(siteStatuses),
  designatedOn: date.optional(),
  revokedOn: date.optional(),
  note: optText(1000),
});

export const siteUpdate = z.strictObject({
  kind: z.enum(disclosureKinds).optional(),
  siteName: text(200).optional(),
  status: z.enum(siteStatuses).optional(),
  designatedOn: date.nullable().optional(),
  revokedOn: date.nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const settingsUpdate = z.strictObject({
  dueDays: z.number().int().min(1).max(90),
  firstQuarter: period.nullable(),
});
