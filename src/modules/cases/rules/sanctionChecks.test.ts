import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderViolation } from './messages';
import { type SanctionCheckInput, type SanctionSubject, checkExemption, checkSanction } from './sanctionChecks';
import { type AdminSanctionKind, type Sanction, adminSanctionKinds } from './sanctions';

const member: SanctionSubject = { category: 'civilServant', partyMember: true, holdsPartyPost: true };
const check = (sanction: Sanction, subject: Partial<SanctionSubject> = {}, extra: Partial<SanctionCheckInput> = {}) =>
  checkSanction({ sanction, subject: { ...member, ...subject }, decidedOn: '2025-06-01', ...extra });
const codes = (vs: { code: string }[]) => vs.map((v) => v.code);

describe('who may receive which sanction', () => {
  it('village / residents\' committee managers: only 警告, 记过, 记大过 (政务处分法 第二十二条)', () => {
    const village = { category: 'villageCommitteeManager' as const };
    for (const k of ['warning', 'demerit', 'majorDemerit'] as const) expect(check({ track: 'admin', kind: k }, village)).toEqual([]);
    const [v] = check({ track: 'admin', kind: 'demotion' }, village);
    expect(v).toMatchObject({ code: 'cases.sanction.villageCadreLimit', source: '公职人员政务处分法 第二十二条', confidence: 'V' });
    expect(renderViolation(v, 'zh')).toBe('基层群众性自治组织中从事管理的人员只能给予警告、记过或者记大过，不能给予降级（依据：公职人员政务处分法 第二十二条）');
    expect(renderViolation(v, 'en')).toContain('not Demotion (basis: 公职人员政务处分法 第二十二条)');
  });

  it('a village party secretary can still receive any party sanction (the limit is on 政务处分 only)', () => {
    expect(check({ track: 'party', kind: 'probation', probationMonths: 12 }, { category: 'villageCommitteeManager' })).toEqual([]);
  });

  it('other persons performing public duties: the same three (第二十三条)', () => {
    expect(codes(check({ track: 'admin', kind: 'expulsion' }, { category: 'otherPublicDuty' }))).toEqual(['cases.sanction.otherPublicDutyLimit']);
  });

  it('property: every kind above 记大过 is refused for both limited categories, none for civil servants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...adminSanctionKinds), fc.constantFrom('villageCommitteeManager', 'otherPublicDuty', 'civilServant' as const), (kind: AdminSanctionKind, category) => {
        const refused = check({ track: 'admin', kind }, { category }).length > 0;
        const light = ['warning', 'demerit', 'majorDemerit'].includes(kind);
        expect(refused).toBe(category !== 'civilServant' && !light);
      }),
    );
  });

  it('retired officials receive no 政务处分 (第二十七条)', () => {
    expect(codes(check({ track: 'admin', kind: 'warning' }, { retired: true }))).toEqual(['cases.sanction.retired']);
  });

  it('people\'s congress appointees are removed from office first (第五十条)', () => {
    expect(codes(check({ track: 'admin', kind: 'dismissalFromPost' }, { congressAppointeeInOffice: true }))).toEqual(['cases.sanction.congressAppointeeFirst']);
    expect(check({ track: 'admin', kind: 'demerit' }, { congressAppointeeInOffice: true })).toEqual([]);
  });

  it('party sanctions need a party member; 撤销党内职务 needs a party post; 留党察看 is 1 or 2 years', () => {
    expect(codes(check({ track: 'party', kind: 'warning' }, { partyMember: false }))).toEqual(['cases.sanction.notPartyMember']);
    expect(codes(check({ track: 'party', kind: 'removalFromPartyPost' }, { holdsPartyPost: false }))).toEqual(['cases.sanction.removalWithoutPost']);
    expect(codes(check({ track: 'party', kind: 'probation' }))).toEqual(['cases.sanction.probationTerm']);
    expect(check({ track: 'party', kind: 'probation', probationMonths: 24 })).toEqual([]);
  });

  it('a new violation during 留党察看 leads to 开除党籍 (第十二条)', () => {
    const onProbation = { probationTermEnds: '2025-12-31' };
    expect(codes(check({ track: 'party', kind: 'seriousWarning' }, onProbation))).toEqual(['cases.sanction.newViolationOnProbation']);
    expect(check({ track: 'party', kind: 'expulsion' }, onProbation)).toEqual([]);
    expect(check({ track: 'party', kind: 'warning' }, { probationTermEnds: '2025-05-31' })).toEqual([]);
  });

  it('criminal outcomes set the floor (第十四条)', () => {
    const crime = (kind: NonNullable<SanctionCheckInput['criminal']>['kind'], higher = false) => ({ criminal: { kind, higherApprovalForDismissal: higher } });
    expect(codes(check({ track: 'admin', kind: 'dismissalFromPost' }, {}, crime('intentionalSentence')))).toEqual(['cases.sanction.crimeRequiresExpulsion']);
    expect(check({ track: 'admin', kind: 'expulsion' }, {}, crime('intentionalSentence'))).toEqual([]);
    expect(codes(check({ track: 'admin', kind: 'dismissalFromPost' }, {}, crime('negligentUpTo3Years')))).toEqual(['cases.sanction.crimeDismissalNeedsApproval']);
    expect(check({ track: 'admin', kind: 'dismissalFromPost' }, {}, crime('negligentUpTo3Years', true))).toEqual([]);
    expect(codes(check({ track: 'admin', kind: 'majorDemerit' }, {}, crime('fineOrNotProsecuted')))).toEqual(['cases.sanction.crimeRequiresDismissal']);
    expect(check({ track: 'admin', kind: 'dismissalFromPost' }, {}, crime('fineOrNotProsecuted'))).toEqual([]);
  });
});

describe('exemption (免予处分)', () => {
  it('party: only where 警告/严重警告 is due, with a mitigating circumstance and a written conclusion', () => {
    expect(checkExemption({ track: 'party', dueSanction: 'warning', mitigating: ['volunteered'], measures: ['criticism'], writtenConclusion: true })).toEqual([]);
    expect(codes(checkExemption({ track: 'party', dueSanction: 'removalFromPartyPost', mitigating: [], measures: [], writtenConclusion: false })))
      .toEqual(['cases.exemption.onlyLightSanction', 'cases.exemption.needsMitigation', 'cases.exemption.needsWrittenConclusion']);
  });

  it('administrative: minor facts plus an article 11 circumstance; no organisational handling (第十二条)', () => {
    expect(checkExemption({ track: 'admin', minorFacts: true, mitigating: ['recoveredLosses'], measures: ['admonition'], writtenConclusion: true })).toEqual([]);
    expect(codes(checkExemption({ track: 'admin', minorFacts: false, mitigating: ['recoveredLosses'], measures: ['organisational'], writtenConclusion: true })))
      .toEqual(['cases.exemption.needsMinorFacts', 'cases.exemption.measureNotAllowed']);
  });
});
