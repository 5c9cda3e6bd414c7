/**
 * Who may receive which sanction, and when a sanction may be replaced by exemption (免予处分). Every check
 * returns the violated rules with their article (see ./violations), so the API can refuse an illegal sanction
 * with a message that names the rule. Reference: discipline-rules.md §1.2–1.3 and §2.
 */
import { type IsoDate, compareIsoDates } from '../../../platform/calendar/dates';
import { type AdminSanctionKind, type PartySanctionKind, type Sanction, adminSanctionInfo } from './sanctions';
import { type RuleViolation, violation } from './violations';

/**
 * Categories of person for 政务处分 (政务处分法 第十九–二十三、二十七、五十条). `villageCommitteeManager`:
 * 基层群众性自治组织中从事管理的人员 (村、居委会; 第二十二条); `otherPublicDuty`: 监察法 第十五条第六项
 * 其他依法履行公职的人员 (第二十三条).
 */
export const personCategories = [
  'civilServant', 'publicInstitution', 'soeManager', 'villageCommitteeManager', 'otherPublicDuty',
] as const;
export type PersonCategory = (typeof personCategories)[number];

export interface SanctionSubject {
  category: PersonCategory;
  partyMember: boolean;
  holdsPartyPost: boolean;
  retired?: boolean;
  /** Appointed or elected by a people's congress / CPPCC and not yet removed from that office (第五十条). */
  congressAppointeeInOffice?: boolean;
  /** Last day of a running 留党察看 term, if any. */
  probationTermEnds?: IsoDate | null;
  /** Already expelled from the party. */
  expelledFromParty?: boolean;
}

/** Criminal outcome of the same acts, for 政务处分法 第十四条. */
export interface CriminalOutcome {
  kind: 'intentionalSentence' | 'negligentOver3Years' | 'negligentUpTo3Years' | 'politicalRightsDeprived' | 'fineOrNotProsecuted';
  /** For negligentUpTo3Years: 撤职 instead of 开除 was approved by the next-higher organ. */
  higherApprovalForDismissal?: boolean;
}

export interface SanctionCheckInput {
  sanction: Sanction;
  subject: SanctionSubject;
  decidedOn: IsoDate;
  criminal?: CriminalOutcome;
}

const CPC = '纪律处分条例（2023）';
const ZW = '公职人员政务处分法';
const LIMITED: readonly AdminSanctionKind[] = ['warning', 'demerit', 'majorDemerit'];

function checkParty(kind: PartySanctionKind, input: SanctionCheckInput): RuleViolation[] {
  const { subject, sanction, decidedOn } = input;
  const out: RuleViolation[] = [];
  if (!subject.partyMember || subject.expelledFromParty) {
    out.push(violation('cases.sanction.notPartyMember', `${CPC} 第八条`, 'V'));
    return out;
  }
  if (kind === 'removalFromPartyPost' && !subject.holdsPartyPost) {
    out.push(violation('cases.sanction.removalWithoutPost', `${CPC} 第十一条`, 'S'));
  }
  if (sanction.track === 'party' && kind === 'probation' && ![12, 24].includes(sanction.probationMonths ?? 0)) {
    out.push(violation('cases.sanction.probationTerm', `${CPC} 第十二条（条号待核）`, 'S'));
  }
  if (subject.probationTermEnds && compareIsoDates(decidedOn, subject.probationTermEnds) <= 0 && kind !== 'expulsion') {
    out.push(violation('cases.sanction.newViolationOnProbation', `${CPC} 第十二条（条号待核）`, 'S'));
  }
  return out;
}

const kindParams = (kind: AdminSanctionKind) => ({ kind, kindZh: adminSanctionInfo[kind].labelZh, kindEn: adminSanctionInfo[kind].labelEn });

function checkAdmin(kind: AdminSanctionKind, input: SanctionCheckInput): RuleViolation[] {
  const { subject, criminal } = input;
  const out: RuleViolation[] = [];
  if (subject.retired) {
    out.push(violation('cases.sanction.retired', `${ZW} 第二十七条`, 'V'));
    return out;
  }
  if (subject.category === 'villageCommitteeManager' && !LIMITED.includes(kind)) {
    out.push(violation('cases.sanction.villageCadreLimit', `${ZW} 第二十二条`, 'V', kindParams(kind)));
  }
  if (subject.category === 'otherPublicDuty' && !LIMITED.includes(kind)) {
    out.push(violation('cases.sanction.otherPublicDutyLimit', `${ZW} 第二十三条`, 'V', kindParams(kind)));
  }
  if (subject.congressAppointeeInOffice && (kind === 'dismissalFromPost' || kind === 'expulsion')) {
    out.push(violation('cases.sanction.congressAppointeeFirst', `${ZW} 第五十条`, 'V'));
  }
  const limitedCategory = subject.category === 'villageCommitteeManager' || subject.category === 'otherPublicDuty';
  // 第十四条 sets floors for acts that also led to a criminal outcome; the limited categories above cannot reach
  // those floors, their grave cases go to the unit (pay cut, transfer, termination), so the floors do not apply.
  if (criminal && !limitedCategory) {
    const src = `${ZW} 第十四条`;
    const mustExpel = ['intentionalSentence', 'negligentOver3Years', 'politicalRightsDeprived'].includes(criminal.kind);
    if (mustExpel && kind !== 'expulsion') out.push(violation('cases.sanction.crimeRequiresExpulsion', src, 'V'));
    else if (criminal.kind === 'negligentUpTo3Years' && kind !== 'expulsion') {
      if (kind !== 'dismissalFromPost') out.push(violation('cases.sanction.crimeRequiresExpulsion', src, 'V'));
      else if (!criminal.higherApprovalForDismissal) out.push(violation('cases.sanction.crimeDismissalNeedsApproval', src, 'V'));
    } else if (criminal.kind === 'fineOrNotProsecuted' && kind !== 'dismissalFromPost' && kind !== 'expulsion') {
      out.push(violation('cases.sanction.crimeRequiresDismissal', src, 'V'));
    }
  }
  return out;
}

/** Every rule the proposed sanction breaks for this person; empty when it is allowed. */
export function checkSanction(input: SanctionCheckInput): RuleViolation[] {
  return input.sanction.track === 'party' ? checkParty(input.sanction.kind, input) : checkAdmin(input.sanction.kind, input);
}

/** Measures that replace a sanction on exemption (政务处分法 第十二条; 纪律处分条例 免予处分). */
export const exemptionMeasures = ['reminderTalk', 'criticism', 'selfExamination', 'admonition', 'organisational'] as const;
export type ExemptionMeasure = (typeof exemptionMeasures)[number];

/** 从轻/减轻 circumstances (政务处分法 第十一条; 纪律处分条例 2018 第十七条). */
export const mitigatingCircumstances = [
  'volunteered', 'cooperated', 'informedOnOthers', 'recoveredLosses', 'minorRole', 'surrenderedGains', 'otherMerit',
] as const;
export type MitigatingCircumstance = (typeof mitigatingCircumstances)[number];

export interface ExemptionInput {
  track: 'party' | 'admin';
  /** The sanction the facts would call for without exemption (party track). */
  dueSanction?: PartySanctionKind;
  /** 政务处分法 第十二条: 情节轻微 (minor facts). */
  minorFacts?: boolean;
  mitigating: readonly MitigatingCircumstance[];
  measures: readonly ExemptionMeasure[];
  writtenConclusion: boolean;
}

const PARTY_EXEMPT = `${CPC} 免予处分条款（2018年版第十九条，2023年版条号待核）`;

/** Whether 免予处分 is allowed: empty result means yes. */
export function checkExemption(input: ExemptionInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (input.track === 'party') {
    if (input.dueSanction !== 'warning' && input.dueSanction !== 'seriousWarning') {
      out.push(violation('cases.exemption.onlyLightSanction', PARTY_EXEMPT, 'R'));
    }
    if (input.mitigating.length === 0) out.push(violation('cases.exemption.needsMitigation', PARTY_EXEMPT, 'R'));
    if (!input.writtenConclusion) out.push(violation('cases.exemption.needsWrittenConclusion', PARTY_EXEMPT, 'R'));
  } else {
    if (!input.minorFacts) out.push(violation('cases.exemption.needsMinorFacts', `${ZW} 第十二条`, 'V'));
    if (input.mitigating.length === 0) out.push(violation('cases.exemption.needsMitigation', `${ZW} 第十二条、第十一条`, 'V'));
    if (input.measures.includes('organisational')) out.push(violation('cases.exemption.measureNotAllowed', `${ZW} 第十二条`, 'V'));
  }
  return out;
}
