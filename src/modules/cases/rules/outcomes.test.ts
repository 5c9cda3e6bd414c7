import { describe, expect, it } from 'vitest';
import { classifyHandling } from './fourForms';
import { type SubjectOutcome, checkOutcome, outcomeComponents } from './outcomes';
import type { SanctionSubject } from './sanctionChecks';

const subject: SanctionSubject = { category: 'civilServant', partyMember: true, holdsPartyPost: false };

describe('outcomes', () => {
  it('checks sanctions and exemptions with the same rules as their own checks', () => {
    expect(checkOutcome({ type: 'sanction', sanction: { track: 'party', kind: 'removalFromPartyPost' } }, subject, '2026-01-05').map((v) => v.code))
      .toEqual(['cases.sanction.removalWithoutPost']);
    const exempt: SubjectOutcome = { type: 'exempted', track: 'admin', minorFacts: true, mitigating: ['volunteered'], measures: ['criticism'], writtenConclusion: true };
    expect(checkOutcome(exempt, subject, '2026-01-05')).toEqual([]);
    expect(checkOutcome({ type: 'cleared' }, subject, '2026-01-05')).toEqual([]);
  });

  it('party + administrative sanctions for one matter are one person-time in the heavier form', () => {
    const components = outcomeComponents([
      { type: 'sanction', sanction: { track: 'party', kind: 'seriousWarning' } },
      { type: 'sanction', sanction: { track: 'admin', kind: 'demotion' } },
    ]);
    expect(classifyHandling({ components })).toBe(3);
  });

  it('exemption counts in the first form, or the second with organisational handling; clearing is not counted', () => {
    const base = { type: 'exempted' as const, track: 'party' as const, dueSanction: 'warning' as const, mitigating: ['volunteered' as const], writtenConclusion: true };
    expect(classifyHandling({ components: outcomeComponents([{ ...base, measures: ['criticism', 'selfExamination'] }]) })).toBe(1);
    expect(classifyHandling({ components: outcomeComponents([{ ...base, measures: ['organisational'], organisationalMeasure: 'postAdjusted' }]) })).toBe(2);
    expect(classifyHandling({ components: outcomeComponents([{ type: 'cleared' }]) })).toBeNull();
    expect(classifyHandling({ components: outcomeComponents([{ type: 'prosecutionTransfer' }, { type: 'sanction', sanction: { track: 'party', kind: 'expulsion' } }]) })).toBe(4);
  });
});
