import { z } from 'zod';
import { isoDate, optText, text } from '../../platform/http/fields';
import { validateCitizenId } from '../../platform/identifiers/citizenId';
import { channels, reportKinds, satisfactions } from './db';

/**
 * Input schemas of the reports module. The public intake contract (`publicReportInput`) is frozen: outside
 * channels (a WeChat mini-program, a hotline system) call it, so fields are only ever added as optional.
 */
const ranks = ['provincial', 'bureau', 'county', 'township', 'general', 'other'] as const;
const managedBy = ['province', 'city', 'county', 'township', 'department', 'village'] as const;
const uuid = z.uuid();
const townshipCode = z.string().regex(/^\d{9}$/);
const villageCode = z.string().regex(/^\d{12}$/);
const phone = z.string().trim().regex(/^[0-9+\-() ]{5,20}$/);

const citizenId = z.string().trim().toUpperCase().superRefine((value, ctx) => {
  const result = validateCitizenId(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', params: { key: 'field.citizenId', reason: `reason.${result.reason}` } });
});

const accused = z.strictObject({ name: optText(50), unit: optText(100), post: optText(100) });
const reporter = z.strictObject({ name: text(50), citizenId: citizenId.optional(), phone: phone.optional(), address: optText(200) });

/** A real-name report needs a name and a usable contact (检举控告规则: otherwise it counts as anonymous). */
function requireReporter(v: { anonymous: boolean; reporter?: { name: string; phone?: string; citizenId?: string } }, ctx: z.RefinementCtx, needCitizenId: boolean) {
  if (v.anonymous) return;
  if (!v.reporter) { ctx.addIssue({ code: 'custom', path: ['reporter'], params: { key: 'field.required' } }); return; }
  if (!v.reporter.phone) ctx.addIssue({ code: 'custom', path: ['reporter', 'phone'], params: { key: 'field.required' } });
  if (needCitizenId && !v.reporter.citizenId) ctx.addIssue({ code: 'custom', path: ['reporter', 'citizenId'], params: { key: 'field.required' } });
}

export const publicKinds = ['accusation', 'suggestion', 'appeal', 'efficiency'] as const;

export const publicReportInput = z.strictObject({
  kind: z.enum(publicKinds),
  title: text(200),
  content: text(20000),
  townshipCode: townshipCode.optional(),
  villageCode: villageCode.optional(),
  accused: accused.optional(),
  anonymous: z.boolean(),
  reporter: reporter.optional(),
}).superRefine((v, ctx) => requireReporter(v, ctx, true));
export type PublicReportInput = z.infer<typeof publicReportInput>;

export const divisionQuery = z.strictObject({ parentCode: townshipCode.optional() });
export const receiptParams = z.strictObject({ receipt: z.string().min(16).max(40) });
export const publicMessageInput = z.strictObject({ body: text(5000) });
export const publicFeedbackInput = z.strictObject({ satisfaction: z.enum(satisfactions), note: optText(1000) });

export const staffReportInput = z.strictObject({
  channel: z.enum(channels),
  kind: z.enum(reportKinds),
  category: optText(50),
  efficiencyCategory: optText(50),
  sector: optText(40),
  title: text(200),
  content: text(20000),
  townshipCode: townshipCode.optional(),
  villageCode: villageCode.optional(),
  accused: accused.extend({ officialId: uuid.optional(), rank: z.enum(ranks).optional(), managedBy: z.enum(managedBy).optional() }).optional(),
  anonymous: z.boolean(),
  reporter: reporter.optional(),
  /** Phone calls: whether the caller agreed to the call being recorded and their details kept. */
  callerConsent: z.boolean().optional(),
  referralDocNo: optText(100),
  receivedOn: isoDate.optional(),
  /** The handling unit; defaults to the user's own unit. */
  unitId: uuid.optional(),
}).superRefine((v, ctx) => {
  requireReporter(v, ctx, false);
  if (v.channel === 'phone' && v.callerConsent === undefined) ctx.addIssue({ code: 'custom', path: ['callerConsent'], params: { key: 'field.required' } });
  if (v.channel === 'referral' && !v.referralDocNo) ctx.addIssue({ code: 'custom', path: ['referralDocNo'], params: { key: 'field.required' } });
});
export type StaffReportInput = z.infer<typeof staffReportInput>;

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');
export const reportFilter = z.strictObject({
  q: z.string().trim().max(50).optional(),
  status: z.enum(['received', 'accepted', 'handling', 'closed', 'notAccepted']).optional(),
  kind: z.enum(reportKinds).optional(),
  channel: z.enum(channels).optional(),
  townshipCode: townshipCode.optional(),
  identified: boolString.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ReportFilter = z.infer<typeof reportFilter>;

export const idParams = z.strictObject({ id: uuid });
export const eventParams = z.strictObject({ id: uuid, eventId: uuid });
export const attachmentParams = z.strictObject({ id: uuid, attachmentId: uuid });

export const triageInput = z.strictObject({
  kind: z.enum(reportKinds).optional(),
  category: z.string().trim().max(50).nullable().optional(),
  efficiencyCategory: z.string().trim().max(50).nullable().optional(),
  sector: z.string().trim().max(40).nullable().optional(),
  townshipCode: townshipCode.nullable().optional(),
  villageCode: villageCode.nullable().optional(),
  accusedOfficialId: uuid.nullable().optional(),
  accusedRank: z.enum(ranks).nullable().optional(),
  accusedManagedBy: z.enum(managedBy).nullable().optional(),
});
export const routeInput = z.strictObject({ unitId: uuid, mode: z.enum(['transfer', 'assignment']), dueDate: isoDate.optional(), note: optText(2000) });
export const decisionInput = z.strictObject({ accept: z.boolean(), note: optText(2000) });
export const noteInput = z.strictObject({ note: text(5000) });
export const superviseInput = z.strictObject({ note: text(2000), dueDate: isoDate.optional() });
export const closeInput = z.strictObject({ result: text(5000), answer: optText(5000) });
export const replyInput = z.strictObject({ answer: text(5000) });
export const noticeInput = z.strictObject({ notice: z.enum(['acceptance', 'result']), method: z.enum(['phone', 'letter', 'receipt', 'inPerson']), note: optText(1000) });
export const feedbackInput = z.strictObject({ satisfaction: z.enum(satisfactions), via: z.enum(['receipt', 'phone']), note: optText(1000) });
export const extensionInput = z.strictObject({ days: z.number().int().min(1).max(30), reason: text(2000) });
export const extensionDecision = z.strictObject({ approve: z.boolean(), note: optText(1000) });
export const reviewInput = z.strictObject({ review: z.enum(['recheck', 'review']), requestedOn: isoDate.optional(), note: optText(2000) });
export const repeatInput = z.strictObject({ repeatOf: uuid });
export const revealInput = z.strictObject({ reason: z.string().trim().min(5).max(1000) });
export const messageInput = z.strictObject({ body: text(5000) });
export const deadlineFilter = z.strictObject({
  state: z.enum(['overdue', 'dueSoon']).default('overdue'),
  withinWorkingDays: z.coerce.number().int().min(1).max(30).default(3),
});

export const routingRuleInput = z.strictObject({
  category: z.string().trim().max(50).nullable().optional(),
  townshipCode: townshipCode.nullable().optional(),
  accusedRank: z.enum(ranks).nullable().optional(),
  handlingUnitId: uuid,
  priority: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
  note: optText(500),
});
export const routingRuleUpdate = routingRuleInput.partial();
/** An entry of a county dictionary (效能投诉 categories, 领域 sectors); countsAsDrift only for the former. */
const dictionaryCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
export const dictionaryEntryInput = z.strictObject({
  code: dictionaryCode, name: text(50), countsAsDrift: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(), active: z.boolean().optional(),
});
export const dictionaryEntryUpdate = z.strictObject({ name: text(50).optional(), countsAsDrift: z.boolean().optional(), sortOrder: z.number().int().min(0).max(1000).optional(), active: z.boolean().optional() });
export const codeParams = z.strictObject({ code: dictionaryCode });
