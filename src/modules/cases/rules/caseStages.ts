/**
 * The case stage machine: 审查调查 → 审理 → 决定 → 执行 → 结案, plus sending a case back from 审理 (重新调查 /
 * 补充调查) and withdrawing it (撤销案件). Each guard that fails returns a violation naming its rule; guards that
 * rest on this system's workflow rather than an article say so in `source` ('案件流程规则（本系统）').
 * Pure: the caller loads the facts into a StageContext and persists the result.
 */
import type { ClockEvent, DeadlineEvent, DeadlineRule } from './ruleTable';
import { type RuleResult, type RuleViolation, fail, ok, violation } from './violations';

export const caseStages = ['investigation', 'review', 'decision', 'execution', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];

export const stageLabels: Record<CaseStage, { zh: string; en: string }> = {
  investigation: { zh: '审查调查', en: 'Investigation' },
  review: { zh: '审理', en: 'Review' },
  decision: { zh: '决定', en: 'Decision' },
  execution: { zh: '执行', en: 'Execution' },
  closed: { zh: '结案', en: 'Closed' },
};

export interface OpenDeadline {
  key: string;
  labelZh: string;
  labelEn: string;
}

/** Facts the guards need; the workflow fills in what applies to the requested transition. */
export interface StageContext {
  investigationReportFiled?: boolean;
  investigatorIds?: readonly string[];
  reviewerIds?: readonly string[];
  reviewReportFiled?: boolean;
  /** Subjects with no recorded outcome (sanction, exemption, other handling). */
  subjectsWithoutOutcome?: readonly string[];
  /** Deadlines of the case still running (not fulfilled). */
  openDeadlines?: readonly OpenDeadline[];
  executionComplete?: boolean;
  /** Sending back from review: 重新调查 restarts the review period, 补充调查 pauses it (实施条例 196). */
  sendBackMode?: 'reinvestigation' | 'supplementary';
  /** 撤销案件 approved (实施条例 206). */
  withdrawalApproved?: boolean;
}

export interface TransitionResult {
  to: CaseStage;
  /** Deadline events that happen with this transition; start the rules whose `from` matches. */
  events: DeadlineEvent[];
  /** Clock events for running deadlines (pause or restart of the review period). */
  clock: ClockEvent[];
  withdrawn: boolean;
}

const FLOW = '案件流程规则（本系统）';
const TS = '监察法实施条例（2021）';

/** Transitions the machine knows; anything else is refused as illegal. */
export const allowedTransitions: Record<CaseStage, readonly CaseStage[]> = {
  investigation: ['review', 'closed'],
  review: ['decision', 'investigation', 'closed'],
  decision: ['execution'],
  execution: ['closed'],
  closed: [],
};

function guards(from: CaseStage, to: CaseStage, c: StageContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const params = { from: stageLabels[from].zh, to: stageLabels[to].zh, fromEn: stageLabels[from].en, toEn: stageLabels[to].en };
  if (to === 'closed' && (from === 'investigation' || from === 'review')) {
    if (!c.withdrawalApproved) out.push(violation('cases.stage.closeWithoutDecision', `${TS} 第二百零六条`, 'V', params));
    return out;
  }
  if (from === 'investigation' && to === 'review') {
    if (!c.investigationReportFiled) out.push(violation('cases.stage.reviewNeedsReport', FLOW, 'S', params));
    const investigators = new Set(c.investigatorIds ?? []);
    const reviewers = c.reviewerIds ?? [];
    if (reviewers.length < 2) out.push(violation('cases.stage.reviewTeamSize', `${TS} 第一百九十二条`, 'V', params));
    const overlap = reviewers.filter((id) => investigators.has(id));
    if (overlap.length) out.push(violation('cases.stage.reviewSeparation', `${TS} 第一百九十三条`, 'V', { ...params, count: overlap.length }));
  }
  if (from === 'review' && to === 'investigation' && !c.sendBackMode) {
    out.push(violation('cases.stage.sendBackMode', `${TS} 第一百九十六条`, 'V', params));
  }
  if (from === 'review' && to === 'decision' && !c.reviewReportFiled) {
    out.push(violation('cases.stage.decisionNeedsReview', '监督执纪工作规则（2019） 第五十六条', 'S', params));
  }
  if (from === 'decision' && to === 'execution' && (c.subjectsWithoutOutcome ?? []).length > 0) {
    out.push(violation('cases.stage.outcomeMissing', '公职人员政务处分法 第四十四条', 'V', { ...params, count: c.subjectsWithoutOutcome!.length }));
  }
  if (to === 'closed' && from === 'execution') {
    const open = c.openDeadlines ?? [];
    if (open.length) {
      out.push(violation('cases.stage.openDeadlines', FLOW, 'S', {
        ...params, count: open.length, rules: open.map((d) => d.labelZh).join('、'), rulesEn: open.map((d) => d.labelEn).join(', '),
      }));
    }
    if (!c.executionComplete) out.push(violation('cases.stage.executionIncomplete', `${TS} 第二百零三条`, 'V', params));
  }
  return out;
}

/** Checks a stage change and says what it sets off; refusals name every rule that blocks it. */
export function transition(from: CaseStage, to: CaseStage, context: StageContext = {}): RuleResult<TransitionResult> {
  if (!allowedTransitions[from].includes(to)) {
    return fail(violation('cases.stage.illegalTransition', FLOW, 'S', {
      from: stageLabels[from].zh, to: stageLabels[to].zh, fromEn: stageLabels[from].en, toEn: stageLabels[to].en,
    }));
  }
  const problems = guards(from, to, context);
  if (problems.length) return { ok: false, violations: problems };
  const events: DeadlineEvent[] = [];
  const clock: ClockEvent[] = [];
  if (to === 'review') events.push('reviewAccepted');
  if (from === 'decision' && to === 'execution') events.push('decisionMade');
  const withdrawn = to === 'closed' && from !== 'execution';
  if (withdrawn) events.push('caseWithdrawn');
  if (from === 'review' && to === 'investigation') {
    clock.push(context.sendBackMode === 'reinvestigation' ? 'reinvestigation' : 'supplementaryInvestigation');
  }
  return ok({ to, events, clock, withdrawn });
}

/**
 * A sanction (or exemption) may only be recorded in the decision stage: not before the case has been reviewed
 * (审理 comes first, 调查与审理分离), nor after the decision (changes then go through 复审 / 复核).
 */
export function checkSanctionAllowed(stage: CaseStage): RuleViolation[] {
  if (stage === 'investigation' || stage === 'review') {
    return [violation('cases.stage.sanctionBeforeReview', `${TS} 第一百九十三条；监督执纪工作规则（2019） 第五十六条`, 'S', { stage: stageLabels[stage].zh, stageEn: stageLabels[stage].en })];
  }
  if (stage === 'execution' || stage === 'closed') {
    return [violation('cases.stage.sanctionAfterDecision', `${TS} 第二百一十条`, 'V', { stage: stageLabels[stage].zh, stageEn: stageLabels[stage].en })];
  }
  return [];
}

/** Rules started by a deadline event (e.g. all limits that run from 'decisionMade'). */
export function rulesStartedBy(event: DeadlineEvent, rules: readonly DeadlineRule[]): DeadlineRule[] {
  return rules.filter((r) => r.from === event);
}
