import { z } from 'zod';
import { isoDate as date, pageFields, text } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { accountabilityForms, basisKinds, targetTypes } from './db';

/**
 * Input schemas of the accountability API; strict, so unknown fields are refused and named. Which form fits which
 * target, and which target field a target type needs, are checked by the service so the refusal names the field.
 */
const page = pageFields;
const bool = z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true'));

export const idParams = z.strictObject({ id: uuid });

export const decisionListQuery = z.strictObject({
  ...page,
  targetType: z.enum(targetTypes).optional(),
  accountabilityForm: z.enum(accountabilityForms).optional(),
  leaderResponsibility: bool,
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  officialId: uuid.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

export const decisionCreate = z.strictObject({
  targetType: z.enum(targetTypes),
  targetOfficialId: uuid.optional(),
  targetUnitId: uuid.optional(),
  accountabilityForm: z.enum(accountabilityForms),
  accountabilityReason: text(2000),
  basisKind: z.enum(basisKinds).optional(),
  basisCaseId: uuid.optional(),
  basisFindingId: uuid.optional(),
  basisText: z.string().trim().max(500).optional(),
  decidedByUnitId: uuid,
  decidedOn: date,
  documentNo: text(60),
  leaderResponsibility: z.boolean().default(false),
});
