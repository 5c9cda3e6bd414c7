import { z } from 'zod';
import { pageFields } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { hitDomains, hitSources, hitStatuses } from './db';

/** Input schemas of the risk API; strict, so unknown fields are refused and named. */
const page = pageFields;
const term = z.string().trim().min(1).max(100).optional();
const unitCode = z.string().trim().regex(/^[0-9A-Za-z]{1,32}$/).optional();

export const idParams = z.strictObject({ id: uuid });
export const pageQuery = z.strictObject(page);

export const hitListQuery = z.strictObject({
  ...page,
  code: z.string().trim().regex(/^[A-Z0-9_]{2,64}$/).optional(),
  domain: z.enum(hitDomains).optional(),
  source: z.enum(hitSources).optional(),
  status: z.enum(hitStatuses).optional(),
  strength: z.enum(['strong', 'medium', 'weak']).optional(),
  buyer: term,
  supplier: term,
  township: unitCode,
  /** A unit and the units under it (a village's flags, a department's). */
  unit: unitCode,
  processId: uuid.optional(),
});

export const processListQuery = z.strictObject({
  ...page,
  q: term,
  buyer: term,
  supplier: term,
  township: unitCode,
  flagged: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

export const networkQuery = z.strictObject({
  buyer: term,
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const hitDismiss = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const hitClue = z.strictObject({
  unitId: uuid.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  receivedOn: z.iso.date().optional(),
});
