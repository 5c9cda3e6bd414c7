import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Form, type Handling, type HandlingComponent, apportion, classifyHandling, countForms, formShares } from './fourForms';

const h = (id: string, personId: string, ...components: HandlingComponent[]): Handling => ({ id, personId, components });

describe('classification per §3.5', () => {
  it.each<[HandlingComponent[], Form]>([
    [[{ type: 'measure', measure: 'criticism' }], 1],
    [[{ type: 'measure', measure: 'inquiryClosedWithEducation' }], 1],
    [[{ type: 'measure', measure: 'admonition' }], 1],
    [[{ type: 'partySanction', kind: 'warning' }], 2],
    [[{ type: 'partySanction', kind: 'seriousWarning' }], 2],
    [[{ type: 'adminSanction', kind: 'majorDemerit' }], 2],
    [[{ type: 'organisational', measure: 'removedFromOffice' }], 2],
    [[{ type: 'organisational', measure: 'suspendedForExamination' }], 2],
    [[{ type: 'partySanction', kind: 'removalFromPartyPost' }], 3],
    [[{ type: 'partySanction', kind: 'expulsion' }], 3],
    [[{ type: 'adminSanction', kind: 'demotion' }], 3],
    [[{ type: 'organisational', measure: 'majorPostAdjustment' }], 3],
    [[{ type: 'prosecutionTransfer' }], 4],
    // combined party + administrative sanctions: one person-time in the form of the heavier
    [[{ type: 'partySanction', kind: 'warning' }, { type: 'adminSanction', kind: 'dismissalFromPost' }], 3],
    [[{ type: 'partySanction', kind: 'seriousWarning' }, { type: 'adminSanction', kind: 'demerit' }], 2],
    // expelled and transferred for prosecution: fourth form, not third
    [[{ type: 'partySanction', kind: 'expulsion' }, { type: 'adminSanction', kind: 'expulsion' }, { type: 'prosecutionTransfer' }], 4],
  ])('%o → form %i', (components, form) => {
    expect(classifyHandling({ components })).toBe(form);
  });

  it('an empty handling is not classified', () => {
    expect(classifyHandling({ components: [] })).toBeNull();
  });
});

describe('counting in person-times', () => {
  it('counts each handling once, the same person twice if handled twice, with the record ids', () => {
    const c = countForms([
      h('a', 'p1', { type: 'measure', measure: 'reminderTalk' }),
      h('b', 'p1', { type: 'partySanction', kind: 'warning' }, { type: 'adminSanction', kind: 'warning' }),
      h('c', 'p2', { type: 'partySanction', kind: 'expulsion' }, { type: 'prosecutionTransfer' }),
      h('d', 'p3'),
    ]);
    expect(c.counts).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1 });
    expect(c.total).toBe(3);
    expect(c.ids).toEqual({ 1: ['a'], 2: ['b'], 3: [], 4: ['c'] });
    expect(c.unclassified).toEqual(['d']);
  });
});

describe('shares to one decimal summing to 100.0', () => {
  it('reproduces the CCDI 2025 Jan–Sep shares (68.8/55.6/6.6/6.6 万人次 → 50.0/40.4/4.8/4.8)', () => {
    const s = formShares({ 1: 688_000, 2: 556_000, 3: 66_000, 4: 66_000 });
    expect(s.map((x) => x.text)).toEqual(['50.0', '40.4', '4.8', '4.8']);
  });

  it('thirds: the leftover tenth goes to the largest remainder, ties to the earlier form', () => {
    expect(formShares({ 1: 1, 2: 1, 3: 1, 4: 0 }).map((x) => x.text)).toEqual(['33.4', '33.3', '33.3', '0.0']);
    expect(formShares({ 1: 1, 2: 2, 3: 0, 4: 0 }).map((x) => x.text)).toEqual(['33.3', '66.7', '0.0', '0.0']);
  });

  it('nothing to count: all zero', () => {
    expect(formShares({ 1: 0, 2: 0, 3: 0, 4: 0 }).map((x) => x.tenths)).toEqual([0, 0, 0, 0]);
  });

  it('the §5.3 practice (adjust the largest bucket) is available too', () => {
    const s = formShares({ 1: 1, 2: 1, 3: 1, 4: 0 }, 'adjustLargest');
    expect(s.reduce((a, x) => a + x.tenths, 0)).toBe(1000);
  });

  it('property: for any counts the tenths sum to exactly 1000, each within one tenth of the exact share', () => {
    const counts = fc.tuple(...Array.from({ length: 4 }, () => fc.nat({ max: 2_000_000 })));
    fc.assert(
      fc.property(counts, fc.constantFrom('largestRemainder' as const, 'adjustLargest' as const), (cs, method) => {
        const total = cs.reduce((a, b) => a + b, 0);
        const s = formShares({ 1: cs[0], 2: cs[1], 3: cs[2], 4: cs[3] }, method);
        if (total === 0) {
          expect(s.every((x) => x.tenths === 0)).toBe(true);
          return;
        }
        expect(s.reduce((a, x) => a + x.tenths, 0)).toBe(1000);
        expect(s.map((x) => x.percent * 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 6);
        for (const [i, x] of s.entries()) {
          const exact = (cs[i] * 1000) / total;
          if (method === 'largestRemainder') expect(Math.abs(x.tenths - exact)).toBeLessThan(1);
          expect(x.text).toMatch(/^\d{1,3}\.\d$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: largest remainder is the best 1-decimal approximation (no share moved by a full tenth)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 8 }), (cs) => {
        const total = cs.reduce((a, b) => a + b, 0);
        const parts = apportion(cs, 1000);
        if (total === 0) return;
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(Math.floor((cs[i] * 1000) / total));
          expect(p).toBeLessThanOrEqual(Math.ceil((cs[i] * 1000) / total));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
