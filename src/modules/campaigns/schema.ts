import { z } from 'zod';
import { isoDate as date, pageFields, text, unitCode } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { campaignKinds, findingCategories, findingStatuses } from './db';

/** Input schemas of the campaigns API; strict, so unknown fields are refused and named. */
const page = pageFields;
/** Yuan with at most two decimals, below a trillion (numeric(16,2)). */
const yuan = z.number().min(0).max(99_999_999_999_999).refine((v) => Math.round(v * 100) === v * 100, { message: 'cents' });

export const idParams = z.strictObject({ id: uuid });
export const pageQuery = z.strictObject(page);

export const campaignCreate = z.strictObject({
  title: text(200),
  kind: z.enum(campaignKinds),
  unitId: uuid.optional(),
  periodStart: date,
  periodEnd: date,
  thresholdYuan: yuan.default(0),
  description: z.string().trim().max(2000).optional(),
});

export const objectListQuery = z.strictObject({
  ...page,
  township: unitCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

export const objectCreate = z.strictObject({
  projectName: text(200),
  ownerUnitId: uuid,
  townshipCode: unitCode.optional(),
  contractAmount: yuan.optional(),
  contractor: z.string().trim().max(200).optional(),
  inspectedOn: date,
  inspectedBy: z.string().trim().max(100).optional(),
  note: z.string().trim().max(1000).optional(),
});

/** A correction carries the whole object as registered (the campaign stays). */
export const objectUpdate = objectCreate;

export const findingListQuery = z.strictObject({
  ...page,
  status: z.enum(findingStatuses).optional(),
  category: z.enum(findingCategories).optional(),
  township: unitCode.optional(),
  objectId: uuid.optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

export const findingCreate = z.strictObject({
  objectId: uuid,
  category: z.enum(findingCategories),
  description: text(2000),
  foundOn: date,
  responsibleUnitId: uuid.optional(),
  ownerName: z.string().trim().min(1).max(50).optional(),
  ownerPost: z.string().trim().max(100).optional(),
  dueOn: date.optional(),
});

export const findingAssign = z.strictObject({
  ownerName: text(50),
  ownerPost: z.string().trim().max(100).optional(),
  dueOn: date,
});

export const findingRectify = z.strictObject({
  evidence: text(2000),
  docNo: z.string().trim().max(100).optional(),
  rectifiedOn: date,
});

export const findingSignOff = z.strictObject({
  signedOffOn: date,
  note: z.string().trim().max(500).optional(),
});

export const findingReopen = z.strictObject({
  reopenReason: text(500),
  reopenedOn: date,
  dueOn: date.optional(),
});
