import { z } from 'zod';
import { isoDate as date, pageFields, text, unitCode } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { riskLevels, ruleAreas, ruleStatuses } from './db';

/** Input schemas of the prevention API; strict, so unknown fields are refused and named. */
const page = pageFields;

export const idParams = z.strictObject({ id: uuid });

export const ruleListQuery = z.strictObject({
  ...page,
  ruleArea: z.enum(ruleAreas).optional(),
  ruleStatus: z.enum(ruleStatuses).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

/** A rule's title is written with or without 《》; the register keeps it with them. */
export const ruleCreate = z.strictObject({
  title: text(200),
  documentNo: text(60),
  issuingUnit: text(100),
  issuedOn: date,
  ruleArea: z.enum(ruleAreas),
  ruleStatus: z.enum(ruleStatuses).default('current'),
  ruleSummary: z.string().trim().max(2000).optional(),
});
export const ruleUpdate = ruleCreate.omit({ ruleStatus: true }).partial();
export const ruleStatusChange = z.strictObject({ ruleStatus: z.enum(ruleStatuses) });

export const riskListQuery = z.strictObject({
  ...page,
  riskLevel: z.enum(riskLevels).optional(),
  township: unitCode.optional(),
  unitId: uuid.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export const riskChartQuery = riskListQuery.pick({ riskLevel: true, township: true, unitId: true, q: true });

export const riskCreate = z.strictObject({
  unitId: uuid,
  post: text(100),
  riskDescription: text(1000),
  riskLevel: z.enum(riskLevels),
  controlMeasures: text(2000),
  responsiblePerson: text(50),
  reviewedOn: date,
});
export const riskUpdate = riskCreate.partial();
