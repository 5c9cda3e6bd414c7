import { z } from 'zod';
import { isoDate as date, optText, pageFields, text } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { fineBases, outcomes, partyTypes, penaltyKinds, tiers } from './db';

/**
 * Input of the penalty-discretion API; strict, so unknown fields are refused and named. Field names are this
 * module's own (field labels are shared by every module, keyed by name). Whether an amount fits the benchmark is
 * not refused here: that is what screening reports.
 */
const money = z.number().min(0).max(1e12);
const bool = z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true'));
const year = z.coerce.number().int().min(1990).max(2100).optional();

export const idParams = z.strictObject({ id: uuid });

export const tierInput = z.strictObject({
  tier: z.enum(tiers),
  fineBasis: z.enum(fineBases),
  fineMin: money,
  fineMax: money,
  penaltyKinds: z.array(z.enum(penaltyKinds)).max(5).default([]),
  circumstances: optText(500),
});
export const benchmarkCreate = z.strictObject({
  departmentId: uuid,
  itemCode: z.string().trim().regex(/^[0-9A-Za-z-]{1,30}$/),
  violation: text(200),
  legalBasis: text(300),
  penaltyBasis: text(300),
  tiers: z.array(tierInput).min(1).max(5),
});
export const benchmarkTiersUpdate = z.strictObject({ tiers: z.array(tierInput).min(1).max(5) });
export const benchmarkListQuery = z.strictObject({ departmentId: uuid.optional() });

export const decisionCreate = z.strictObject({
  departmentId: uuid,
  outcome: z.enum(outcomes).default('penalty'),
  penaltyDocumentNo: text(60),
  decidedOn: date,
  partyType: z.enum(partyTypes),
  partyName: text(100),
  benchmarkItemId: uuid.optional(),
  discretionTier: z.enum(tiers).optional(),
  discretionReason: optText(1000),
  fineAmount: money.default(0),
  penaltyKinds: z.array(z.enum(penaltyKinds)).max(5).default([]),
  illegalGains: money.optional(),
  firstOffence: z.boolean().default(false),
  legalReviewOn: date.optional(),
  fineDueOn: date.optional(),
  finePaidOn: date.optional(),
  enforcementOfficers: z.array(z.string().trim().min(1).max(30)).max(10),
  closureReason: optText(1000),
});
export type DecisionInput = z.infer<typeof decisionCreate>;

export const decisionListQuery = z.strictObject({
  ...pageFields,
  departmentId: uuid.optional(),
  benchmarkItemId: uuid.optional(),
  discretionTier: z.enum(tiers).optional(),
  outcome: z.enum(outcomes).optional(),
  flagged: bool,
  year,
  q: z.string().trim().min(1).max(100).optional(),
});

export const consistencyQuery = z.strictObject({ year });

export const settingsUpdate = z.strictObject({
  seriousFineIndividual: z.number().int().min(1).max(1e9),
  seriousFineOrganisation: z.number().int().min(1).max(1e10),
  unpaidDays: z.number().int().min(0).max(3650),
});
