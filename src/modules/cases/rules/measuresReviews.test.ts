import { describe, expect, it } from 'vitest';
import { checkNewMeasure } from './measures';
import { checkReviewApplication, checkReviewDecision } from './reviews';

const codes = (vs: Array<{ code: string }>) => vs.map((v) => v.code);

describe('measures', () => {
  it('refuses a second running 留置 for one person, allows one after the first ended and repeated searches', () => {
    const running = [{ kind: 'detention' as const, startedOn: '2026-03-10', endedOn: null }];
    expect(codes(checkNewMeasure({ kind: 'detention', startedOn: '2026-04-01' }, '2026-03-01', running))).toEqual(['cases.caseMeasure.overlap']);
    // A new record starting before an existing later one would run into it.
    expect(codes(checkNewMeasure({ kind: 'detention', startedOn: '2026-03-05' }, '2026-03-01', [{ kind: 'detention', startedOn: '2026-03-10', endedOn: '2026-04-01' }]))).toEqual(['cases.caseMeasure.overlap']);
    expect(checkNewMeasure({ kind: 'detention', startedOn: '2026-04-02' }, '2026-03-01', [{ kind: 'detention', startedOn: '2026-03-10', endedOn: '2026-04-01' }])).toEqual([]);
    expect(checkNewMeasure({ kind: 'search', startedOn: '2026-03-12' }, '2026-03-01', [{ kind: 'search', startedOn: '2026-03-12', endedOn: null }])).toEqual([]);
    expect(codes(checkNewMeasure({ kind: 'freezing', startedOn: '2026-02-28' }, '2026-03-01', []))).toEqual(['cases.caseMeasure.beforeOpening']);
  });
});

describe('复审 and 复核', () => {
  const dates = { decisionReceivedOn: '2026-06-03', appliedOn: '2026-06-20', applicationDue: '2026-07-03', acceptedOn: '2026-06-20' };
  const sanction = { type: 'sanction', decidedOn: '2026-06-01', revoked: false };
  it('orders the steps: 复审 first, once each, within the application period, only for sanctions', () => {
    expect(checkReviewApplication('reexamination', sanction, [], dates, 'S')).toEqual([]);
    expect(codes(checkReviewApplication('reexamination', { ...sanction, type: 'education' }, [], dates, 'S'))).toEqual(['cases.review.notSanction']);
    expect(codes(checkReviewApplication('recheck', sanction, [{ level: 'reexamination', decision: null, decidedOn: null }], dates, 'S'))).toEqual(['cases.review.recheckBeforeReexamination']);
    expect(codes(checkReviewApplication('reexamination', sanction, [], { ...dates, appliedOn: '2026-07-04', acceptedOn: '2026-07-04' }, 'S'))).toEqual(['cases.review.applicationLate']);
    expect(checkReviewApplication('reexamination', sanction, [], { ...dates, appliedOn: '2026-07-03', acceptedOn: '2026-07-03' }, 'S')).toEqual([]);
    const decided = [{ level: 'reexamination' as const, decision: 'revoked' as const, decidedOn: '2026-07-01' }];
    expect(codes(checkReviewApplication('recheck', { ...sanction, revoked: true }, decided, { ...dates, decisionReceivedOn: '2026-07-02' }, 'S'))).toEqual(['cases.review.nothingToReview']);
  });

  it('decides once; a change names the new sanction on the same track', () => {
    const open = { level: 'reexamination' as const, decision: null, acceptedOn: '2026-06-20' };
    expect(checkReviewDecision(open, { decision: 'upheld', decidedOn: '2026-07-01', hasSanction: false, sameTrack: false })).toEqual([]);
    expect(codes(checkReviewDecision({ ...open, decision: 'upheld' }, { decision: 'revoked', decidedOn: '2026-07-01', hasSanction: false, sameTrack: false }))).toEqual(['cases.review.alreadyDecided']);
    expect(codes(checkReviewDecision(open, { decision: 'upheld', decidedOn: '2026-06-19', hasSanction: true, sameTrack: true }))).toEqual(['cases.review.dateOrder', 'cases.review.sanctionOnlyWhenChanged']);
  });
});
