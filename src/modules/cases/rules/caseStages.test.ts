import { describe, expect, it } from 'vitest';
import { type CaseStage, allowedTransitions, caseStages, checkSanctionAllowed, rulesStartedBy, transition } from './caseStages';
import { defaultDeadlineRules } from './deadlineRules';
import { renderViolation } from './messages';

const toReview = { investigationReportFiled: true, investigatorIds: ['i1', 'i2'], reviewerIds: ['r1', 'r2'] };
const codes = (r: ReturnType<typeof transition>) => (r.ok ? [] : r.violations.map((v) => v.code));

describe('case stages 审查调查 → 审理 → 决定 → 执行 → 结案', () => {
  it('walks the happy path and says which deadlines start', () => {
    const a = transition('investigation', 'review', toReview);
    expect(a).toEqual({ ok: true, value: { to: 'review', events: ['reviewAccepted'], clock: [], withdrawn: false } });
    expect(rulesStartedBy('reviewAccepted', defaultDeadlineRules).map((r) => r.key)).toEqual(['caseReview']);
    expect(transition('review', 'decision', { reviewReportFiled: true }).ok).toBe(true);
    const c = transition('decision', 'execution', { subjectsWithoutOutcome: [] });
    expect(c.ok && c.value.events).toEqual(['decisionMade']);
    expect(rulesStartedBy('decisionMade', defaultDeadlineRules).map((r) => r.key)).toContain('adminSanctionService');
    expect(transition('execution', 'closed', { openDeadlines: [], executionComplete: true }).ok).toBe(true);
  });

  it('refuses skipping stages or going back, naming the rule', () => {
    const r = transition('investigation', 'decision');
    expect(codes(r)).toEqual(['cases.stage.illegalTransition']);
    if (!r.ok) expect(renderViolation(r.violations[0], 'zh')).toBe('案件不能从“审查调查”转到“决定”（依据：案件流程规则（本系统））');
    expect(codes(transition('execution', 'decision'))).toEqual(['cases.stage.illegalTransition']);
    for (const s of caseStages) expect(transition('closed', s).ok).toBe(false);
  });

  it('review needs the report, two reviewers, and no investigator among them (实施条例 192–193)', () => {
    expect(codes(transition('investigation', 'review', { investigatorIds: ['a'], reviewerIds: ['a'] }))).toEqual([
      'cases.stage.reviewNeedsReport', 'cases.stage.reviewTeamSize', 'cases.stage.reviewSeparation',
    ]);
  });

  it('no decision before the review report; no execution while a subject has no outcome', () => {
    expect(codes(transition('review', 'decision', {}))).toEqual(['cases.stage.decisionNeedsReview']);
    expect(codes(transition('decision', 'execution', { subjectsWithoutOutcome: ['p1'] }))).toEqual(['cases.stage.outcomeMissing']);
  });

  it('no closing with open deadlines, listing them', () => {
    const r = transition('execution', 'closed', {
      executionComplete: true,
      openDeadlines: [{ key: 'adminSanctionExecution', labelZh: '政务处分执行（变更职务、待遇）', labelEn: 'Executing an administrative sanction' }],
    });
    expect(codes(r)).toEqual(['cases.stage.openDeadlines']);
    if (!r.ok) expect(renderViolation(r.violations[0], 'en')).toContain('(Executing an administrative sanction)');
  });

  it('sending back from review pauses or restarts the review clock (实施条例 196)', () => {
    expect(codes(transition('review', 'investigation', {}))).toEqual(['cases.stage.sendBackMode']);
    const sup = transition('review', 'investigation', { sendBackMode: 'supplementary' });
    expect(sup.ok && sup.value.clock).toEqual(['supplementaryInvestigation']);
    const re = transition('review', 'investigation', { sendBackMode: 'reinvestigation' });
    expect(re.ok && re.value.clock).toEqual(['reinvestigation']);
  });

  it('closing before a decision only by approved withdrawal (撤销案件)', () => {
    expect(codes(transition('investigation', 'closed', {}))).toEqual(['cases.stage.closeWithoutDecision']);
    const w = transition('review', 'closed', { withdrawalApproved: true });
    expect(w.ok && w.value).toMatchObject({ withdrawn: true, events: ['caseWithdrawn'] });
  });

  it('sanctions only in the decision stage', () => {
    expect(checkSanctionAllowed('investigation').map((v) => v.code)).toEqual(['cases.stage.sanctionBeforeReview']);
    expect(checkSanctionAllowed('review').map((v) => v.code)).toEqual(['cases.stage.sanctionBeforeReview']);
    expect(checkSanctionAllowed('decision')).toEqual([]);
    expect(checkSanctionAllowed('execution').map((v) => v.code)).toEqual(['cases.stage.sanctionAfterDecision']);
  });

  it('every stage but 结案 has a way forward', () => {
    for (const s of caseStages) expect(allowedTransitions[s as CaseStage].length > 0).toBe(s !== 'closed');
  });
});
