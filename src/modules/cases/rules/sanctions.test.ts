import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, compareIsoDates, fromDayNumber, toDayNumber } from '../../../platform/calendar/dates';
import {
  type AdminSanctionKind,
  type PartySanctionKind,
  type Sanction,
  addDuringRunningPeriod,
  adminSanctionKinds,
  checkAdminCombinedMonths,
  combineAdminViolations,
  combinePartyViolations,
  effectUntil,
  lowerOneTier,
  partySanctionKinds,
  raiseOneTier,
  sanctionEffect,
} from './sanctions';

const party = (kind: PartySanctionKind, extra: Partial<Extract<Sanction, { track: 'party' }>> = {}): Sanction => ({ track: 'party', kind, ...extra });
const admin = (kind: AdminSanctionKind, months?: number): Sanction => ({ track: 'admin', kind, months });

describe('influence periods from the decision date (month-end rule)', () => {
  it.each([
    // party: 警告 12, 严重警告 18, 撤销党内职务 24 months from approval (第十条、第十一条)
    [party('warning'), '2025-03-15', '2026-03-15'],
    [party('seriousWarning'), '2025-08-31', '2027-02-28'],
    [party('removalFromPartyPost'), '2024-02-29', '2026-02-28'],
    [party('seriousWarning', { insteadOfRemoval: true }), '2025-01-10', '2027-01-10'],
    // administrative: 警告 6, 记过 12, 记大过 18, 降级/撤职 24 months from the decision (政务处分法 第八条)
    [admin('warning'), '2025-08-31', '2026-02-28'],
    [admin('warning'), '2023-08-31', '2024-02-29'],
    [admin('demerit'), '2024-02-29', '2025-02-28'],
    [admin('majorDemerit'), '2025-03-31', '2026-09-30'],
    [admin('demotion'), '2025-12-31', '2027-12-31'],
    [admin('dismissalFromPost'), '2025-10-01', '2027-10-01'], // no holiday roll-over for influence periods
    [admin('demerit', 30), '2025-01-31', '2027-07-31'], // a combined period chosen under 第十五条
  ])('%o decided %s lasts until %s', (s, decided, until) => {
    expect(effectUntil(s, decided)).toBe(until);
  });

  it('开除 and 开除党籍 have no period; 开除党籍 bars re-admission for 5 years', () => {
    expect(sanctionEffect(admin('expulsion'), '2025-05-20')).toEqual({ effectUntil: null, permanent: true });
    expect(sanctionEffect(party('expulsion'), '2024-02-29')).toEqual({ effectUntil: null, readmissionBarredUntil: '2029-02-28', permanent: true });
  });

  it('留党察看: the 1- or 2-year term, then 2 years with no equal or higher post', () => {
    expect(sanctionEffect(party('probation', { probationMonths: 12 }), '2025-01-31')).toEqual({ termEnds: '2026-01-31', effectUntil: '2028-01-31', permanent: false });
    expect(sanctionEffect(party('probation', { probationMonths: 24 }), '2024-02-29')).toEqual({ termEnds: '2026-02-28', effectUntil: '2028-02-28', permanent: false });
  });
});

describe('tiers', () => {
  it('raise and lower one tier, clamped', () => {
    expect(raiseOneTier('warning')).toBe('seriousWarning');
    expect(raiseOneTier('probation')).toBe('expulsion');
    expect(raiseOneTier('expulsion')).toBe('expulsion');
    expect(lowerOneTier('seriousWarning')).toBe('warning');
    expect(lowerOneTier('warning')).toBeNull();
  });
});

describe('several party violations (第二十四条): heaviest raised one tier', () => {
  const combine = (due: PartySanctionKind[], post = true) => {
    const r = combinePartyViolations(due, post);
    if (!r.ok) throw new Error(r.violations[0].code);
    return r.value;
  };
  it.each<[PartySanctionKind[], boolean, Partial<Extract<Sanction, { track: 'party' }>>]>([
    [['warning'], true, { kind: 'warning' }], // one violation: no combination
    [['warning', 'warning'], true, { kind: 'seriousWarning' }],
    [['warning', 'seriousWarning'], true, { kind: 'removalFromPartyPost' }],
    // no party post: the raise to 撤销党内职务 becomes 严重警告 with the 2-year restriction (第十一条)
    [['warning', 'seriousWarning'], false, { kind: 'seriousWarning', insteadOfRemoval: true }],
    [['removalFromPartyPost', 'warning'], true, { kind: 'probation' }],
    [['probation', 'warning'], true, { kind: 'expulsion' }],
    // any violation calling for expulsion: expulsion (no further raise possible anyway)
    [['expulsion', 'warning'], true, { kind: 'expulsion' }],
  ])('%o (post: %s) → %o', (due, post, expected) => {
    expect(combine(due, post)).toMatchObject(expected);
  });

  it('refuses an empty list', () => {
    const r = combinePartyViolations([], true);
    expect(r.ok).toBe(false);
  });

  it('property: the result is never lighter than the heaviest, and exactly one tier heavier for 2+ (below expulsion)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...partySanctionKinds), { minLength: 2, maxLength: 6 }), (due) => {
        const r = combinePartyViolations(due, true);
        if (!r.ok) throw new Error('unexpected');
        const max = Math.max(...due.map((k) => partySanctionKinds.indexOf(k)));
        expect(partySanctionKinds.indexOf(r.value.kind)).toBe(Math.min(max + 1, 4));
      }),
    );
  });
});

describe('several administrative violations (政务处分法 第十五条)', () => {
  it.each<[AdminSanctionKind[], AdminSanctionKind, number | null, number | null]>([
    [['demerit', 'demerit'], 'demerit', 12, 24],
    [['majorDemerit', 'majorDemerit', 'majorDemerit'], 'majorDemerit', 18, 48], // 54 capped at 48
    [['dismissalFromPost', 'dismissalFromPost', 'dismissalFromPost'], 'dismissalFromPost', 24, 48],
    [['warning', 'demerit'], 'demerit', 12, 12], // different kinds: the heaviest is executed
    [['warning', 'expulsion'], 'expulsion', null, null],
  ])('%o → %s %s..%s months', (due, kind, min, max) => {
    const r = combineAdminViolations(due);
    expect(r).toEqual({ ok: true, value: { kind, minMonths: min, maxMonths: max } });
  });

  it('checks a chosen combined period against the range, naming 第十五条', () => {
    expect(checkAdminCombinedMonths(['demerit', 'demerit'], 18)).toEqual({ ok: true, value: { track: 'admin', kind: 'demerit', months: 18 } });
    const bad = checkAdminCombinedMonths(['demerit', 'demerit'], 30);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.violations[0]).toMatchObject({ code: 'cases.sanction.combinedMonthsRange', source: '公职人员政务处分法 第十五条' });
  });

  it('property: the range never exceeds 48 months and never falls below one period', () => {
    const below = adminSanctionKinds.filter((k) => k !== 'expulsion');
    fc.assert(
      fc.property(fc.constantFrom(...below), fc.integer({ min: 1, max: 8 }), (k, n) => {
        const r = combineAdminViolations(Array(n).fill(k));
        if (!r.ok) throw new Error('unexpected');
        expect(r.value.maxMonths!).toBeLessThanOrEqual(48);
        expect(r.value.minMonths!).toBeLessThanOrEqual(r.value.maxMonths!);
      }),
    );
  });
});

describe('a new sanction during a running period adds to what remains', () => {
  it('administrative: remainder + new period (行政机关公务员处分条例 第十条)', () => {
    // 记过 on 2025-01-10 runs to 2026-01-10; a 警告 on 2025-07-10 adds 6 months after that end
    const r = addDuringRunningPeriod('2026-01-10', admin('warning'), '2025-07-10');
    expect(r).toMatchObject({ effectUntil: '2026-07-10', merged: true, aggravationToConsider: true, confidence: 'V' });
    expect(r.source).toContain('行政机关公务员处分条例 第十条');
  });

  it('administrative: capped at 48 months from the new decision', () => {
    const r = addDuringRunningPeriod('2028-06-01', admin('dismissalFromPost'), '2025-01-01');
    expect(r.effectUntil).toBe('2029-01-01');
  });

  it('party: remainder + full new period (CCDI), no cap', () => {
    expect(addDuringRunningPeriod('2026-03-15', party('seriousWarning'), '2025-09-15').effectUntil).toBe('2027-09-15');
  });

  it('after the old period ended, or for expulsion, nothing is merged', () => {
    expect(addDuringRunningPeriod('2025-01-01', admin('warning'), '2025-03-01')).toEqual({ effectUntil: '2025-09-01', merged: false, aggravationToConsider: false });
    expect(addDuringRunningPeriod('2026-01-01', admin('expulsion'), '2025-03-01').effectUntil).toBeNull();
  });

  it('property: merged end = old end + new months, never before the plain end', () => {
    const day = fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 700 }), fc.constantFrom<AdminSanctionKind>('warning', 'demerit', 'majorDemerit'), (decided, left, kind) => {
        const prevUntil = fromDayNumber(toDayNumber(decided) + left);
        const r = addDuringRunningPeriod(prevUntil, admin(kind), decided);
        const plain = effectUntil(admin(kind), decided)!;
        expect(compareIsoDates(r.effectUntil!, plain)).toBeGreaterThanOrEqual(0);
        expect(compareIsoDates(r.effectUntil!, addCalendarMonths(decided, 48))).toBeLessThanOrEqual(0);
      }),
    );
  });
});
