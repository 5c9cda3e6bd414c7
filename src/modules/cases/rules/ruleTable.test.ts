import { describe, expect, it } from 'vitest';
import { StatutoryCalendar } from '../../../platform/calendar/statutoryCalendar';
import { computeDue, defaultDeadlineRules, findRule, mergeRuleOverrides, ruleTableSchema } from './ruleTable';

const cal = new StatutoryCalendar();

describe('the rule table', () => {
  it('passes its own schema, with unique keys and a source and confidence tag on every rule', () => {
    expect(ruleTableSchema.safeParse(defaultDeadlineRules).success).toBe(true);
    for (const r of defaultDeadlineRules) {
      expect(r.source.length, r.key).toBeGreaterThan(3);
      expect(['V', 'S', 'R']).toContain(r.confidence);
    }
  });

  it('holds the limits the issue names, as stated by the reference', () => {
    const p = (key: string) => findRule(defaultDeadlineRules, key)!;
    expect(p('clueDisposalOpinion').period).toEqual({ amount: 1, unit: 'months' });
    expect(p('inquiryReply').period).toEqual({ amount: 15, unit: 'workingDays' });
    expect(p('investigationDecision').period).toEqual({ amount: 1, unit: 'years' });
    expect(p('investigationDecision').extension).toMatchObject({ amount: 6, unit: 'months', maxTimes: 1 });
    expect(p('caseReview').period).toEqual({ amount: 1, unit: 'months' });
    expect(p('reexamination').period).toEqual({ amount: 1, unit: 'months' });
    expect(p('recheck').period).toEqual({ amount: 2, unit: 'months' });
    expect(p('detention')).toMatchObject({ period: { amount: 3, unit: 'months' }, rollOver: false });
    expect(p('detention').extension).toMatchObject({ amount: 3, maxTimes: 1 });
  });

  it('refuses a duplicate key', () => {
    const twice = [...defaultDeadlineRules, defaultDeadlineRules[0]];
    expect(ruleTableSchema.safeParse(twice).success).toBe(false);
  });
});

describe('office overrides', () => {
  it('change a rule by key without touching the others, and the new rule is used', () => {
    const res = mergeRuleOverrides([
      { key: 'clueDisposalOpinion', period: { amount: 2, unit: 'months' }, confidence: 'V', confirmedBy: '案管室', confirmedOn: '2026-03-01' },
    ]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const changed = findRule(res.rules, 'clueDisposalOpinion')!;
    expect(changed).toMatchObject({ period: { amount: 2, unit: 'months' }, confidence: 'V', confirmedBy: '案管室' });
    expect(changed.source).toBe(findRule(defaultDeadlineRules, 'clueDisposalOpinion')!.source);
    expect(computeDue(changed, '2025-08-01', cal).due).toBe('2025-10-09');
    expect(res.rules.length).toBe(defaultDeadlineRules.length);
    // the defaults are not mutated
    expect(findRule(defaultDeadlineRules, 'clueDisposalOpinion')!.period.amount).toBe(1);
  });

  it('can add, change or remove an extension', () => {
    const res = mergeRuleOverrides([
      { key: 'caseReview', extension: { amount: 1, unit: 'months', approval: '委领导批准', maxTimes: 1 } },
      { key: 'investigationDecision', extension: null },
    ]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(findRule(res.rules, 'caseReview')!.extension!.amount).toBe(1);
    expect(findRule(res.rules, 'investigationDecision')!.extension).toBeUndefined();
  });

  it('refuses unknown keys and invalid values as a whole', () => {
    const res = mergeRuleOverrides([
      { key: 'clueDisposalOpinion', period: { amount: 2, unit: 'months' } },
      { key: 'noSuchRule', note: 'x' },
    ]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual([{ key: 'noSuchRule', code: 'cases.ruleTable.unknownKey' }]);
    const bad = mergeRuleOverrides([{ key: 'caseReview', period: { amount: -1, unit: 'months' } }]);
    expect(bad.ok).toBe(false);
    // the key and start event cannot be changed by an override
    const from = mergeRuleOverrides([{ key: 'caseReview', from: 'caseOpened' } as never]);
    expect(from.ok).toBe(false);
  });
});
