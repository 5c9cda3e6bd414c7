/**
 * The ONE table of time limits for clues and cases. Each rule is data (period, start event, extension, what
 * stops or restarts the clock, source article, confidence tag), so the office can confirm or change a rule
 * without code: it stores overrides by key, `mergeRuleOverrides` applies them and the zod schema checks the
 * result. The rows are in ./deadlineRules; the arithmetic (computeDue, deadlineState) in ./deadlines.
 */
import { z } from 'zod';
import { defaultDeadlineRules } from './deadlineRules';
import type { Confidence } from './violations';

export const periodUnits = ['days', 'workingDays', 'months', 'years'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/** Events a deadline can run from; the case workflow records them with their dates. */
export const deadlineEvents = [
  'clueReceived', 'inquiryLetterServed', 'talkHeld', 'talkDelegated', 'assignmentReceived', 'reportReceived',
  'reportClosed', 'caseOpened', 'detentionStarted', 'detentionLifted', 'detentionExtendedEnd', 'awaitOrderDecided',
  'protectiveCustodyStarted', 'freezeStarted', 'exitRestrictionStarted', 'seized', 'propertyFoundUnrelated',
  'reviewAccepted', 'decisionMade', 'caseWithdrawn', 'assignedPeriodEnd', 'decisionReceived', 'reexaminationAccepted',
  'reexaminationDecisionReceived', 'recheckAccepted', 'accountabilityDecided', 'technicalInvestigationApproved',
] as const;
export type DeadlineEvent = (typeof deadlineEvents)[number];

/** Events that pause a running clock (the interval does not count) or restart it from zero. */
export const clockEvents = ['suspension', 'supplementaryInvestigation', 'reinvestigation', 'subjectReturned'] as const;
export type ClockEvent = (typeof clockEvents)[number];

export interface Period {
  /** Negative only for working days: "n working days BEFORE the event" (实施条例 206). */
  amount: number;
  unit: PeriodUnit;
}

export interface Extension {
  /** null: the law fixes no length ("适当延长"); each approved extension must state its own. */
  amount: number | null;
  unit: PeriodUnit;
  /** Who must approve, as the office's documents say it. */
  approval: string;
  /** How many extensions are allowed; null = renewable without a fixed limit (freezing, exit restriction). */
  maxTimes: number | null;
}

export interface DeadlineRule {
  key: string;
  labelZh: string;
  labelEn: string;
  period: Period;
  from: DeadlineEvent;
  extension?: Extension;
  /** Events whose intervals are not counted (the clock stops, then resumes). */
  stopsClock?: ClockEvent[];
  /** Events after which the period is counted again from zero (the workflow supplies the new start date). */
  restartsOn?: ClockEvent[];
  /** Move a last day that is a rest day to the next working day (实施条例 285). False for 留置 and other custody. */
  rollOver?: boolean;
  source: string;
  confidence: Confidence;
  note: string;
  /** Set when the office has confirmed or changed the rule (who, when). */
  confirmedBy?: string;
  confirmedOn?: string;
}

const confidenceSchema = z.enum(['V', 'S', 'R']);
const periodSchema = z
  .strictObject({ amount: z.int().min(-365).max(1000), unit: z.enum(periodUnits) })
  .refine((p) => p.amount >= 0 || p.unit === 'workingDays', { message: 'period.negativeOnlyWorkingDays' });
const extensionSchema = z.strictObject({
  amount: z.int().min(1).max(1000).nullable(),
  unit: z.enum(periodUnits),
  approval: z.string().trim().min(1).max(200),
  maxTimes: z.int().min(1).max(20).nullable(),
});

export const deadlineRuleSchema = z.strictObject({
  key: z.string().regex(/^[a-z][A-Za-z0-9]{1,63}$/),
  labelZh: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().min(1).max(200),
  period: periodSchema,
  from: z.enum(deadlineEvents),
  extension: extensionSchema.optional(),
  stopsClock: z.array(z.enum(clockEvents)).optional(),
  restartsOn: z.array(z.enum(clockEvents)).optional(),
  rollOver: z.boolean().optional(),
  source: z.string().trim().min(1).max(300),
  confidence: confidenceSchema,
  note: z.string().max(1000),
  confirmedBy: z.string().max(100).optional(),
  confirmedOn: z.iso.date().optional(),
});

export const ruleTableSchema = z.array(deadlineRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'ruleTable.duplicateKey', params: { key: r.key } });
    seen.add(r.key);
  });
});

/** What an office may change on a rule: everything except its key and start event (the workflow depends on those). */
export const ruleOverrideSchema = z.strictObject({
  key: z.string(),
  labelZh: z.string().trim().min(1).max(100).optional(),
  labelEn: z.string().trim().min(1).max(200).optional(),
  period: periodSchema.optional(),
  extension: extensionSchema.nullable().optional(),
  stopsClock: z.array(z.enum(clockEvents)).optional(),
  restartsOn: z.array(z.enum(clockEvents)).optional(),
  rollOver: z.boolean().optional(),
  source: z.string().trim().min(1).max(300).optional(),
  confidence: confidenceSchema.optional(),
  note: z.string().max(1000).optional(),
  confirmedBy: z.string().max(100).optional(),
  confirmedOn: z.iso.date().optional(),
});
export type RuleOverride = z.infer<typeof ruleOverrideSchema>;

export type MergeResult =
  | { ok: true; rules: DeadlineRule[] }
  | { ok: false; errors: { key: string; code: 'cases.ruleTable.unknownKey' | 'cases.ruleTable.invalid'; detail?: string }[] };

/**
 * Applies office overrides by key on top of a table (defaults to the built-in one). An override with
 * `extension: null` removes the extension. Unknown keys and invalid results are refused as a whole, so a bad
 * override never leaves a half-changed table.
 */
export function mergeRuleOverrides(
  overrides: readonly RuleOverride[],
  base: readonly DeadlineRule[] = defaultDeadlineRules,
): MergeResult {
  const byKey = new Map(base.map((r) => [r.key, structuredClone(r)]));
  const errors: { key: string; code: 'cases.ruleTable.unknownKey' | 'cases.ruleTable.invalid'; detail?: string }[] = [];
  for (const raw of overrides) {
    const parsed = ruleOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ key: String(raw?.key), code: 'cases.ruleTable.invalid', detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
      continue;
    }
    const current = byKey.get(parsed.data.key);
    if (!current) {
      errors.push({ key: parsed.data.key, code: 'cases.ruleTable.unknownKey' });
      continue;
    }
    const { extension, ...rest } = parsed.data;
    const next: DeadlineRule = { ...current, ...stripUndefined(rest) };
    if (extension === null) delete next.extension;
    else if (extension !== undefined) next.extension = extension;
    byKey.set(next.key, next);
  }
  const rules = base.map((r) => byKey.get(r.key)!);
  const checked = ruleTableSchema.safeParse(rules);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const row = typeof issue.path[0] === 'number' ? rules[issue.path[0]] : undefined;
      errors.push({ key: row?.key ?? '', code: 'cases.ruleTable.invalid', detail: issue.path.join('.') });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

export function findRule(rules: readonly DeadlineRule[], key: string): DeadlineRule | undefined {
  return rules.find((r) => r.key === key);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { defaultDeadlineRules };
export { computeDue, deadlineState, type DueResult, type DeadlineState, type ComputeDueOptions } from './deadlines';
