import { z } from 'zod';
import { isoDate as date, pageFields, text } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { ratings, taskStatuses } from './db';

/** Input schemas of the duty API; strict, so unknown fields are refused and named. */
const page = pageFields;
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const idParams = z.strictObject({ id: uuid });
export const pageQuery = z.strictObject(page);

export const taskListQuery = z.strictObject({
  ...page,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: uuid.optional(),
  status: z.enum(taskStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

/** One task for several responsible units: one row per unit, so each unit sees and completes its own. */
export const taskCreate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  content: optionalText(2000),
  leadLeader: optionalText(50),
  unitIds: z.array(uuid).min(1).max(200),
  assignedOn: date.optional(),
  deadline: date,
});

export const taskComplete = z.strictObject({
  completionNote: text(2000),
  completedOn: date,
});

export const meetingCreate = z.strictObject({
  meetingName: text(200),
  heldOn: date,
  /** The quarter the meeting analyses; its reports count in that quarter's figures. */
  reviewedQuarter: z.string().regex(/^\d{4}Q[1-4]$/).optional(),
  unitId: uuid.optional(),
});

export const reportCreate = z.strictObject({
  officialId: uuid,
  summary: text(4000),
});

export const roundCreate = z.strictObject({
  roundName: text(200),
  heldOn: date,
  meetingId: uuid.optional(),
  unitId: uuid.optional(),
  /** The secretaries appraised; by default every township's 党委书记 on record. */
  officialIds: z.array(uuid).min(1).max(200).optional(),
});

export const ratingsSubmit = z.strictObject({
  ratings: z.array(z.strictObject({ subjectId: uuid, rating: z.enum(ratings) })).min(1).max(200),
});

export const secretaryQuery = z.strictObject({ q: z.string().trim().min(1).max(50).optional() });
