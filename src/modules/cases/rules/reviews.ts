/**
 * 复审 and 复核 of a decided sanction (监察法（2024） 第五十六条; 实施条例 第二百一十条、第二百一十一条 [V]; 政务处分法
 * 第五十五条至第六十条 [V]): the person applies to the deciding organ within one month of receiving the decision
 * (复审, decided within one month), then to the next-higher organ within one month of receiving the 复审 decision
 * (复核, decided within two months). Execution is not suspended. Outcomes: 维持 / 变更 / 撤销. The order of the
 * steps is checked here; the periods come from the rule table.
 */
import type { RuleViolation } from './violations';
import { violation } from './violations';

export type ReviewLevelName = 'reexamination' | 'recheck';
export type ReviewDecisionName = 'upheld' | 'changed' | 'revoked';
export const REVIEW_SOURCE = '监察法（2024） 第五十六条；监察法实施条例（2021） 第二百一十条、第二百一十一条';
export const REVIEW_OUTCOME_SOURCE = '公职人员政务处分法 第五十七条至第六十条';

export interface ReviewedOutcome { type: string; decidedOn: string; revoked: boolean }
export interface PriorReview { level: ReviewLevelName; decision: ReviewDecisionName | null; decidedOn: string | null }

const LEVEL: Record<ReviewLevelName, [string, string]> = { reexamination: ['复审', 're-examination'], recheck: ['复核', 're-check'] };

export function checkReviewApplication(
  level: ReviewLevelName, outcome: ReviewedOutcome, prior: readonly PriorReview[],
  dates: { decisionReceivedOn: string; appliedOn: string; applicationDue: string; acceptedOn: string }, applicationSource: string,
): RuleViolation[] {
  const [zh, en] = LEVEL[level];
  if (outcome.type !== 'sanction') return [violation('cases.review.notSanction', REVIEW_SOURCE, 'V', { levelZh: zh, levelEn: en })];
  if (prior.some((p) => p.level === level)) return [violation('cases.review.alreadyApplied', REVIEW_SOURCE, 'V', { levelZh: zh, levelEn: en })];
  const out: RuleViolation[] = [];
  if (level === 'recheck') {
    const first = prior.find((p) => p.level === 'reexamination');
    if (!first?.decision) return [violation('cases.review.recheckBeforeReexamination', REVIEW_SOURCE, 'V')];
    if (outcome.revoked) return [violation('cases.review.nothingToReview', REVIEW_SOURCE, 'V', { levelZh: zh, levelEn: en })];
    if (dates.decisionReceivedOn < first.decidedOn!) out.push(violation('cases.review.dateOrder', REVIEW_SOURCE, 'V', { what: '收到复审决定', whatEn: 'receiving the re-examination decision', date: dates.decisionReceivedOn, after: first.decidedOn! }));
  } else {
    if (outcome.revoked) return [violation('cases.review.nothingToReview', REVIEW_SOURCE, 'V', { levelZh: zh, levelEn: en })];
    if (dates.decisionReceivedOn < outcome.decidedOn) out.push(violation('cases.review.dateOrder', REVIEW_SOURCE, 'V', { what: '收到处理决定', whatEn: 'receiving the decision', date: dates.decisionReceivedOn, after: outcome.decidedOn }));
  }
  if (dates.appliedOn < dates.decisionReceivedOn) out.push(violation('cases.review.dateOrder', applicationSource, 'V', { what: `申请${zh}`, whatEn: `applying for ${en}`, date: dates.appliedOn, after: dates.decisionReceivedOn }));
  else if (dates.appliedOn > dates.applicationDue) out.push(violation('cases.review.applicationLate', applicationSource, 'V', { levelZh: zh, levelEn: en, date: dates.appliedOn, due: dates.applicationDue }));
  if (dates.acceptedOn < dates.appliedOn) out.push(violation('cases.review.dateOrder', REVIEW_SOURCE, 'V', { what: `受理${zh}`, whatEn: `accepting the ${en}`, date: dates.acceptedOn, after: dates.appliedOn }));
  return out;
}

export function checkReviewDecision(
  review: { level: ReviewLevelName; decision: ReviewDecisionName | null; acceptedOn: string },
  input: { decision: ReviewDecisionName; decidedOn: string; hasSanction: boolean; sameTrack: boolean },
): RuleViolation[] {
  const [zh, en] = LEVEL[review.level];
  if (review.decision) return [violation('cases.review.alreadyDecided', REVIEW_SOURCE, 'V', { levelZh: zh, levelEn: en })];
  const out: RuleViolation[] = [];
  if (input.decidedOn < review.acceptedOn) out.push(violation('cases.review.dateOrder', REVIEW_SOURCE, 'V', { what: `${zh}决定`, whatEn: `${en} decision`, date: input.decidedOn, after: review.acceptedOn }));
  if (input.decision === 'changed' && !input.hasSanction) out.push(violation('cases.review.changeNeedsSanction', REVIEW_OUTCOME_SOURCE, 'V'));
  if (input.decision !== 'changed' && input.hasSanction) out.push(violation('cases.review.sanctionOnlyWhenChanged', REVIEW_OUTCOME_SOURCE, 'V'));
  if (input.decision === 'changed' && input.hasSanction && !input.sameTrack) out.push(violation('cases.review.trackMismatch', REVIEW_OUTCOME_SOURCE, 'S'));
  return out;
}

/**
 * Independent review: the staff handling a 复审/复核 may not have been on the original case (its investigators, its
 * 审理 staff or the approver of its opening). The reference places this rule with 实施条例 第二百一十条、第二百一十一条
 * on the 复审/复核 row without quoting the paragraph, hence confidence S.
 */
export const REVIEW_INDEPENDENCE_SOURCE = '监察法实施条例（2021） 第二百一十条、第二百一十一条（复审复核人员不得为原案调查、审理人员）';
export type OriginalRole = 'investigator' | 'reviewer' | 'approver';
const ROLE: Record<OriginalRole, [string, string]> = { investigator: ['调查人员', 'investigator'], reviewer: ['审理人员', 'trial staff'], approver: ['立案审批人', 'approver of the case opening'] };

export function checkReviewHandlers(
  level: ReviewLevelName, handlers: readonly { id: string; name: string }[], original: readonly { userId: string; role: OriginalRole }[],
): RuleViolation[] {
  const [zh, en] = LEVEL[level];
  const out: RuleViolation[] = [];
  for (const h of handlers) {
    const roles = [...new Set(original.filter((o) => o.userId === h.id).map((o) => o.role))];
    if (!roles.length) continue;
    out.push(violation('cases.review.handlerOnCase', REVIEW_INDEPENDENCE_SOURCE, 'S', {
      user: h.name, levelZh: zh, levelEn: en, roleZh: roles.map((r) => ROLE[r][0]).join('、'), roleEn: roles.map((r) => ROLE[r][1]).join(', '),
    }));
  }
  return out;
}
