import { z } from 'zod';
import { isoDate, text } from '../../platform/http/fields';
import { uuid } from '../org/schema';
import { approvalLevels, clueOutcomes, disposals, memberRoles, relationKinds, sourceTypes } from './db';
import { detentionNoticeParties, measureKinds, reviewDecisions, reviewLevels } from './dictionaryDb';
import {
  adminSanctionKinds, disciplineCodes, exemptionMeasures, firstFormMeasures, mitigatingCircumstances, organisationalMeasures,
  partySanctionKinds, personCategories,
} from './rules';

/** Input schemas of the case workflow; strict, so unknown fields are refused and named. */
const isoDateTime = z.iso.datetime({ offset: true });

export const idParams = z.strictObject({ id: uuid });
export const subjectParams = z.strictObject({ id: uuid, subjectId: uuid });
export const deadlineParams = z.strictObject({ id: uuid, key: z.string().regex(/^[a-z][A-Za-z0-9]{1,63}$/) });

export const listQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const clueCreate = z.strictObject({
  title: text(200),
  summary: z.string().max(5000).optional(),
  receivedOn: isoDate,
  unitId: uuid,
  sources: z.array(z.strictObject({ type: z.enum(sourceTypes), id: z.string().max(100).optional(), note: z.string().max(500).optional() })).min(1).max(20),
  accused: z.array(uuid).max(20).default([]),
});

export const clueDisposal = z.strictObject({
  disposal: z.enum(disposals),
  opinion: text(2000),
  decidedOn: isoDate,
  approverId: uuid.optional(),
  higherApprovalRef: z.string().trim().min(1).max(100).optional(),
});

export const clueInquiry = z.strictObject({ servedOn: isoDate, repliedOn: isoDate.optional() });

export const clueConclusion = z.strictObject({
  outcome: z.enum(clueOutcomes.filter((o) => o !== 'caseOpened') as [string, ...string[]]),
  concludedOn: isoDate,
  measure: z.enum([...firstFormMeasures, ...organisationalMeasures]).optional(),
});

const subjectInput = z.strictObject({
  officialId: uuid,
  personCategory: z.enum(personCategories),
  holdsPartyPost: z.boolean().default(false),
  villageSecretary: z.enum(['current', 'former']).optional(),
  villageDirector: z.enum(['current', 'former']).optional(),
});

export const caseOpen = z.strictObject({
  title: text(200),
  summary: z.string().max(5000).optional(),
  clueId: uuid.optional(),
  unitId: uuid,
  caseTypeCode: z.string().max(64),
  openedOn: isoDate,
  approverId: uuid,
  higherApprovalRef: z.string().trim().min(1).max(100).optional(),
  subjects: z.array(subjectInput).min(1).max(20),
  team: z.array(z.strictObject({ userId: uuid, role: z.enum(memberRoles) })).max(20).default([]),
});
export type CaseOpen = z.infer<typeof caseOpen>;

export const memberAdd = z.strictObject({ userId: uuid, role: z.enum(memberRoles), addedOn: isoDate });

export const stageChange = z.strictObject({
  to: z.enum(['investigation', 'review', 'decision', 'execution', 'closed']),
  on: isoDate,
  investigationReportFiled: z.boolean().optional(),
  reviewReportFiled: z.boolean().optional(),
  executionComplete: z.boolean().optional(),
  withdrawalApproved: z.boolean().optional(),
  sendBackMode: z.enum(['reinvestigation', 'supplementary']).optional(),
});

export const suspensionBody = z.strictObject({ on: isoDate, reason: z.string().max(500).optional() });
export const extensionBody = z.strictObject({
  approvedOn: isoDate,
  approvalRef: text(100),
  amount: z.int().min(1).max(120).optional(),
  unit: z.enum(['days', 'workingDays', 'months', 'years']).optional(),
});
export const fulfilBody = z.strictObject({ on: isoDate });

export const violationBody = z.strictObject({
  subjectId: uuid,
  discipline: z.enum(disciplineCodes),
  regulation: z.enum(['cpcDisciplinary2023', 'adminSanctions2020', 'criminalLaw']),
  article: z.int().min(1).max(999),
  caseTypeCode: z.string().max(64),
  description: z.string().max(2000).optional(),
});

const sanction = z.discriminatedUnion('track', [
  z.strictObject({ track: z.literal('party'), kind: z.enum(partySanctionKinds), probationMonths: z.union([z.literal(12), z.literal(24)]).optional(), insteadOfRemoval: z.boolean().optional() }),
  z.strictObject({ track: z.literal('admin'), kind: z.enum(adminSanctionKinds), months: z.int().min(1).max(48).optional() }),
]);

export const outcomeBody = z.strictObject({
  decidedOn: isoDate,
  outcome: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('sanction'), sanction,
      criminal: z.strictObject({
        kind: z.enum(['intentionalSentence', 'negligentOver3Years', 'negligentUpTo3Years', 'politicalRightsDeprived', 'fineOrNotProsecuted']),
        higherApprovalForDismissal: z.boolean().optional(),
      }).optional(),
    }),
    z.strictObject({
      type: z.literal('exempted'), track: z.enum(['party', 'admin']), dueSanction: z.enum(partySanctionKinds).optional(),
      minorFacts: z.boolean().optional(), mitigating: z.array(z.enum(mitigatingCircumstances)).max(7),
      measures: z.array(z.enum(exemptionMeasures)).min(1).max(5), organisationalMeasure: z.enum(organisationalMeasures).optional(),
      writtenConclusion: z.boolean(),
    }),
    z.strictObject({ type: z.literal('organisational'), measure: z.enum(organisationalMeasures) }),
    z.strictObject({ type: z.literal('education'), measure: z.enum(firstFormMeasures) }),
    z.strictObject({ type: z.literal('prosecutionTransfer') }),
    z.strictObject({ type: z.literal('cleared') }),
  ]),
});

export const recoveryBody = z.strictObject({
  amountFen: z.int().min(1).max(1e13),
  recoveredOn: isoDate,
  subjectId: uuid.optional(),
  note: z.string().max(500).optional(),
});

export const relationCreate = z.strictObject({
  officialId: uuid,
  userId: uuid,
  kind: z.enum(relationKinds),
  note: z.string().max(500).optional(),
});
export const relationFilter = z.strictObject({ officialId: uuid.optional(), userId: uuid.optional() });

export const opinionQuery = z.strictObject({ purpose: z.string().trim().max(100).optional(), on: isoDate.optional() });

export { approvalLevels };

// ── case type dictionary, measures, 复审/复核 ──
const caseTypeCode = z.string().regex(/^[a-z][A-Za-z0-9.]{1,63}$/);
export const caseTypeParams = z.strictObject({ code: caseTypeCode });
export const caseTypeListQuery = z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
export const caseTypeCreate = z.strictObject({
  code: caseTypeCode,
  parentCode: caseTypeCode.nullable().optional(),
  labelZh: text(100),
  labelEn: text(200),
  discipline: z.enum(disciplineCodes).optional(),
  economic: z.boolean().default(false),
  sort: z.int().min(0).max(100_000).optional(),
});
export const caseTypeUpdate = z.strictObject({
  parentCode: caseTypeCode.nullable().optional(),
  labelZh: text(100).optional(),
  labelEn: text(200).optional(),
  discipline: z.enum(disciplineCodes).nullable().optional(),
  economic: z.boolean().optional(),
  active: z.boolean().optional(),
  sort: z.int().min(0).max(100_000).optional(),
});

export const measureParams = z.strictObject({ id: uuid, measureId: uuid });
export const measureStart = z.strictObject({
  subjectId: uuid,
  kind: z.enum(measureKinds),
  startedOn: isoDate,
  approverId: uuid.optional(),
  approvalRef: text(100),
  note: z.string().max(1000).optional(),
  /** 留置: when it began, to the minute, with its offset; the 24-hour notice runs from it (default: the start day's 00:00 China time). */
  startedAt: isoDateTime.optional(),
});
export const measureExtension = z.strictObject({ approvedOn: isoDate, approvalRef: text(100), amount: z.int().min(1).max(12).optional(), unit: z.enum(['days', 'months']).optional() });
/** 留置 特别延长 (监察法（2024） 第四十八条): the NSC's approval and the confirmed ≥10-year condition, which must be true. */
export const measureSpecialExtension = z.strictObject({
  approvedOn: isoDate,
  approvalRef: text(100),
  tenYearSentencePossible: z.boolean().refine((v) => v, { params: { key: 'cases.detention.tenYearsRequired' } }),
});
/** Notice of a 留置 to the unit or the family (第五十条): given (time, method, note) or withheld with a reason. */
export const detentionNotice = z.strictObject({
  party: z.enum(detentionNoticeParties),
  notifiedAt: isoDateTime.optional(),
  noticeMethod: z.string().trim().min(1).max(50).optional(),
  note: z.string().trim().max(500).optional(),
  withheldReason: z.string().trim().min(1).max(500).optional(),
}).superRefine((v, ctx) => {
  if (!v.notifiedAt && !v.withheldReason) ctx.addIssue({ code: 'custom', path: ['notifiedAt'], params: { key: 'cases.detention.noticeOrReason' } });
  if (v.notifiedAt && !v.noticeMethod) ctx.addIssue({ code: 'custom', path: ['noticeMethod'], params: { key: 'cases.detention.noticeNeedsMethod' } });
});
export const measureEnd = z.strictObject({ endedOn: isoDate, reason: z.string().trim().max(500).optional() });

export const outcomeParams = z.strictObject({ id: uuid, subjectId: uuid, outcomeId: uuid });
export const reviewParams = z.strictObject({ id: uuid, reviewId: uuid });
export const reviewApply = z.strictObject({
  level: z.enum(reviewLevels),
  decisionReceivedOn: isoDate,
  appliedOn: isoDate,
  acceptedOn: isoDate.optional(),
  /** 申请理由 / 复审复核申请书要点. */
  statement: z.string().trim().max(5000).optional(),
  /** Staff handling the review (from GET /api/v1/cases/staff); none may have been on the original case. */
  handlerIds: z.array(uuid).max(10).default([]),
});
export const reviewDecide = z.strictObject({
  decision: z.enum(reviewDecisions),
  decidedOn: isoDate,
  reason: text(2000),
  sanction: sanction.optional(),
});
