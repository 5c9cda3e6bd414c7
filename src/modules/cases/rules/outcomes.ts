/**
 * What a case (or a clue's handling) decides for one person: a sanction, exemption (免予处分) with its
 * measures, organisational handling, first-form education, transfer for prosecution, or clearing a wrongly
 * accused person (澄清正名). One function checks an outcome against the rules, another turns it into the
 * components the four-forms count classifies, so the workflow never re-implements either.
 */
import type { IsoDate } from '../../../platform/calendar/dates';
import type { FirstFormMeasure, HandlingComponent, OrganisationalMeasure } from './fourForms';
import {
  type CriminalOutcome,
  type ExemptionMeasure,
  type MitigatingCircumstance,
  type SanctionSubject,
  checkExemption,
  checkSanction,
} from './sanctionChecks';
import type { PartySanctionKind, Sanction } from './sanctions';
import type { RuleViolation } from './violations';

export type SubjectOutcome =
  | { type: 'sanction'; sanction: Sanction; criminal?: CriminalOutcome }
  | {
      type: 'exempted';
      track: 'party' | 'admin';
      dueSanction?: PartySanctionKind;
      minorFacts?: boolean;
      mitigating: readonly MitigatingCircumstance[];
      measures: readonly ExemptionMeasure[];
      /** Which organisational handling, when `measures` includes 'organisational' (party track). */
      organisationalMeasure?: OrganisationalMeasure;
      writtenConclusion: boolean;
    }
  | { type: 'organisational'; measure: OrganisationalMeasure }
  | { type: 'education'; measure: FirstFormMeasure }
  | { type: 'prosecutionTransfer' }
  /** 澄清正名: the accusation proved false; not a handling, so it is not counted in the four forms. */
  | { type: 'cleared' };

/** Every rule the outcome breaks for this person on this date; empty when it is allowed. */
export function checkOutcome(outcome: SubjectOutcome, subject: SanctionSubject, decidedOn: IsoDate): RuleViolation[] {
  switch (outcome.type) {
    case 'sanction':
      return checkSanction({ sanction: outcome.sanction, subject, decidedOn, criminal: outcome.criminal });
    case 'exempted':
      return checkExemption(outcome);
    default:
      return [];
  }
}

const EXEMPTION_TO_FIRST_FORM: Record<Exclude<ExemptionMeasure, 'organisational'>, FirstFormMeasure> = {
  reminderTalk: 'reminderTalk',
  criticism: 'criticism',
  selfExamination: 'selfExamination',
  admonition: 'admonition',
};

/** The four-forms components of a person's outcomes in one handling (sanctions of both tracks together). */
export function outcomeComponents(outcomes: readonly SubjectOutcome[]): HandlingComponent[] {
  const out: HandlingComponent[] = [];
  for (const o of outcomes) {
    switch (o.type) {
      case 'sanction':
        out.push(o.sanction.track === 'party'
          ? { type: 'partySanction', kind: o.sanction.kind }
          : { type: 'adminSanction', kind: o.sanction.kind });
        break;
      case 'exempted':
        for (const m of o.measures) if (m !== 'organisational') out.push({ type: 'measure', measure: EXEMPTION_TO_FIRST_FORM[m] });
        if (o.measures.includes('organisational') && o.organisationalMeasure) out.push({ type: 'organisational', measure: o.organisationalMeasure });
        break;
      case 'organisational':
        out.push({ type: 'organisational', measure: o.measure });
        break;
      case 'education':
        out.push({ type: 'measure', measure: o.measure });
        break;
      case 'prosecutionTransfer':
        out.push({ type: 'prosecutionTransfer' });
        break;
      case 'cleared':
        break;
    }
  }
  return out;
}
