import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareIsoDates, diffDays, fromDayNumber, toDayNumber } from '../../../platform/calendar/dates';
import { StatutoryCalendar } from '../../../platform/calendar/statutoryCalendar';
import { defaultDeadlineRules } from './deadlineRules';
import { type DeadlineRule, computeDue, deadlineState, findRule } from './ruleTable';
import { RuleViolationError } from './violations';

const cal = new StatutoryCalendar();
const rule = (key: string): DeadlineRule => {
  const r = findRule(defaultDeadlineRules, key);
  if (!r) throw new Error(`no rule ${key}`);
  return r;
};
const due = (key: string, start: string, opts = {}) => computeDue(rule(key), start, cal, opts).due;
const codesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolationError) return e.violations.map((v) => v.code);
    throw e;
  }
  return [];
};

describe('deadlines across Chinese holidays (实施条例 285 roll-over)', () => {
  it.each([
    // clue disposal opinion: 1 month lands on 国庆 2025 (10-01..10-08 off) → next working day 10-09
    ['clueDisposalOpinion', '2025-09-01', '2025-10-09'],
    // lands on 春节 2026 (02-15..02-23 off) → 02-24
    ['clueDisposalOpinion', '2026-01-15', '2026-02-24'],
    // month end: 01-31 + 1 month = 02-28, a 调休 make-up Saturday in 2026, so a working day: no roll-over needed
    ['caseReview', '2026-01-31', '2026-02-28'],
    ['caseReview', '2025-01-31', '2025-02-28'],
    // 2 months for 复核: 07-31 → 09-30 (a Tuesday); 08-01 → 10-01 → 10-09
    ['recheck', '2025-07-31', '2025-09-30'],
    ['recheck', '2025-08-01', '2025-10-09'],
    // 1 year for the investigation period: 2024-10-01 → 2025-10-01 → 10-09
    ['investigationDecision', '2024-10-01', '2025-10-09'],
    // a leap day start: 2024-02-29 + 1 year = 2025-02-28 (Friday)
    ['investigationDecision', '2024-02-29', '2025-02-28'],
    // 15 working days across 国庆 (counted by hand in the calendar tests)
    ['inquiryReply', '2025-09-20', '2025-10-16'],
    // 15 working days across 春节, counting the make-up Saturdays 02-14 and 02-28
    ['inquiryReply', '2026-02-10', '2026-03-09'],
    // 7 working days BEFORE the end of an assigned period (negative amount)
    ['assignedCaseSubmission', '2025-10-13', '2025-09-26'],
    // 15 calendar days for seized cash: 2025-09-16 + 15 = 10-01 → 10-09
    ['seizedCashDeposit', '2025-09-16', '2025-10-09'],
  ])('%s from %s is due %s', (key, start, expected) => {
    expect(due(key, start)).toBe(expected);
  });

  it('留置 does not roll over a holiday, also after its one extension', () => {
    expect(due('detention', '2025-07-01')).toBe('2025-10-01');
    expect(due('detention', '2025-09-01', { extensions: [{}] })).toBe('2026-03-01'); // a Sunday, stays
    expect(due('detention', '2025-10-01', { extensions: [{}] })).toBe('2026-04-01');
    expect(due('detentionSpecialExtension', '2025-12-23')).toBe('2026-02-23'); // last day of 春节, stays
  });

  it('investigation period +6 months with approval (实施条例 185)', () => {
    expect(due('investigationDecision', '2024-10-01', { extensions: [{}] })).toBe('2026-04-01');
    // 2025-08-31 + 1 year + 6 months: month end 2027-02-28 (a Sunday) → next working day 2027-03-01
    expect(computeDue(rule('investigationDecision'), '2025-08-31', cal, { extensions: [{}] }).unrolledDue).toBe('2027-02-28');
  });

  it('review period "适当延长": each extension must state its length', () => {
    expect(codesOf(() => due('caseReview', '2025-09-01', { extensions: [{}] }))).toEqual(['cases.deadline.extensionAmountRequired']);
    expect(due('caseReview', '2025-09-01', { extensions: [{ amount: 1 }] })).toBe('2025-11-03'); // 11-01 is a Saturday
  });

  it('refuses extensions the rule does not allow, naming the rule', () => {
    expect(codesOf(() => due('detention', '2025-07-01', { extensions: [{}, {}] }))).toEqual(['cases.deadline.tooManyExtensions']);
    expect(codesOf(() => due('inquiryReply', '2025-07-01', { extensions: [{}] }))).toEqual(['cases.deadline.noExtensionAllowed']);
    expect(codesOf(() => due('adminSanctionExecution', '2025-07-01', { extensions: [{ amount: 6 }] }))).toEqual(['cases.deadline.extensionTooLong']);
    expect(codesOf(() => due('adminSanctionExecution', '2025-07-01', { extensions: [{ amount: 2, unit: 'days' }] }))).toEqual(['cases.deadline.extensionUnit']);
    try {
      due('detention', '2025-07-01', { extensions: [{}, {}] });
    } catch (e) {
      expect((e as RuleViolationError).violations[0].source).toBe('监察法（2024） 第四十八条');
    }
  });

  it('renewable measures (freezing) take any number of renewals; a year without a holiday schedule is flagged', () => {
    const r = computeDue(rule('freezing'), '2025-01-10', cal, { extensions: [{}, {}, {}] });
    expect(r.due).toBe('2027-01-11'); // 2027-01-10 is a Sunday
    expect(r.calendarWarnings.map((w) => w.params.year)).toEqual(cal.yearCovered(2027) ? [] : [2027]);
  });
});

describe('suspension stops the clock', () => {
  it('补充调查 pauses the review period: 10 days later, onto a make-up Saturday', () => {
    expect(due('caseReview', '2025-09-01')).toBe('2025-10-09');
    const r = computeDue(rule('caseReview'), '2025-09-01', cal, {
      suspensions: [{ from: '2025-09-10', to: '2025-09-19', kind: 'supplementaryInvestigation' }],
    });
    expect(r.suspendedDays).toBe(10);
    expect(r.unrolledDue).toBe('2025-10-11');
    expect(r.due).toBe('2025-10-11'); // 2025-10-11 is a 调休 working Saturday
  });

  it('overlapping suspensions count each day once; one after the end is ignored', () => {
    const r = computeDue(rule('caseReview'), '2025-03-03', cal, {
      suspensions: [
        { from: '2025-03-10', to: '2025-03-14', kind: 'supplementaryInvestigation' },
        { from: '2025-03-12', to: '2025-03-16', kind: 'supplementaryInvestigation' },
        { from: '2025-06-01', to: '2025-06-10', kind: 'supplementaryInvestigation' },
      ],
    });
    expect(r.suspendedDays).toBe(7);
    expect(r.unrolledDue).toBe('2025-04-10');
  });

  it('a running suspension leaves the due date open', () => {
    const r = computeDue(rule('investigationDecision'), '2025-03-03', cal, { suspensions: [{ from: '2025-05-01' }] });
    expect(r.due).toBeNull();
  });

  it('refuses to stop a clock that cannot stop, and dates out of order', () => {
    expect(codesOf(() => due('detention', '2025-07-01', { suspensions: [{ from: '2025-07-10', to: '2025-07-12' }] })))
      .toEqual(['cases.deadline.clockCannotStop']);
    expect(codesOf(() => due('investigationDecision', '2025-07-01', { suspensions: [{ from: '2025-07-10', to: '2025-07-01' }] })))
      .toEqual(['cases.deadline.suspensionOrder']);
    expect(codesOf(() => due('investigationDecision', '2025-07-01', { suspensions: [{ from: '2025-06-10', to: '2025-07-05' }] })))
      .toEqual(['cases.deadline.suspensionBeforeStart']);
    expect(codesOf(() => due('caseReview', '2025-07-01', { suspensions: [{ from: '2025-07-10', to: '2025-07-11', kind: 'suspension' }] })))
      .toEqual(['cases.deadline.clockCannotStop']);
  });

  it('working-day periods skip only the suspended working days', () => {
    const r: DeadlineRule = { ...rule('inquiryReply'), stopsClock: ['suspension'] };
    // 2025-09-29/30 are working days inside the suspension 09-29..10-08; the holiday days were not counting anyway
    const res = computeDue(r, '2025-09-20', cal, { suspensions: [{ from: '2025-09-29', to: '2025-10-08' }] });
    expect(res.suspendedDays).toBe(2);
    expect(res.due).toBe(cal.addWorkingDays('2025-10-16', 2));
  });
});

describe('deadlineState', () => {
  it('warns before and after the due day', () => {
    expect(deadlineState('2025-10-09', '2025-10-01', 3)).toBe('ok');
    expect(deadlineState('2025-10-09', '2025-10-06', 3)).toBe('dueSoon');
    expect(deadlineState('2025-10-09', '2025-10-09', 3)).toBe('dueSoon');
    expect(deadlineState('2025-10-09', '2025-10-10', 3)).toBe('overdue');
  });
});

const dateArb = fc.integer({ min: toDayNumber('2010-01-01'), max: toDayNumber('2026-06-30') }).map(fromDayNumber);
const rolling = defaultDeadlineRules.filter((r) => r.rollOver !== false && r.period.amount > 0);

describe('properties', () => {
  it('a rolled-over due date is a working day on or after the plain end', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...rolling), (start, r) => {
        const res = computeDue(r, start, cal);
        expect(cal.isWorkingDay(res.due!)).toBe(true);
        expect(compareIsoDates(res.due!, res.unrolledDue!)).toBeGreaterThanOrEqual(0);
        expect(compareIsoDates(res.due!, start)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a suspension inside a calendar period pushes the plain end by exactly its length', () => {
    const r = rule('investigationDecision');
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 60 }), (start, offset, len) => {
        const from = addCalendarDays(start, offset);
        const to = addCalendarDays(from, len);
        const plain = computeDue(r, start, cal);
        const res = computeDue(r, start, cal, { suspensions: [{ from, to }] });
        expect(res.suspendedDays).toBe(len + 1);
        expect(diffDays(plain.unrolledDue!, res.unrolledDue!)).toBe(len + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('later starts never give earlier due dates', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), fc.constantFrom(...rolling), (a, gap, r) => {
        const b = addCalendarDays(a, gap);
        expect(compareIsoDates(computeDue(r, b, cal).due!, computeDue(r, a, cal).due!)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
