import type { Kysely } from 'kysely';
import type { Period } from '../analysis/periods';
import { areaCondition } from '../analysis/registry';
import type { Actor } from '../../platform/scope/actor';
import type { DB } from '../../platform/db/schema';
import { scopeCondition } from '../../platform/scope/dataScope';
import { type FirstFormMeasure, type Handling, type HandlingComponent, type OrganisationalMeasure, type SubjectOutcome, firstFormMeasures, outcomeComponents } from './rules';

type Q = { db: Kysely<DB>; actor: Pick<Actor, 'scope' | 'userId'>; countyCode: string; period: Period };

/**
 * The handlings of persons in a period, for the four forms (person-times):
 *  - a case subject with outcomes decided in the period is one handling (id = case subject), made of those outcomes;
 *  - a person accused in a clue is one handling (id = clue_accused row) when the clue was disposed of by 谈话函询 in
 *    the period (form 1) and/or concluded in the period with a recorded measure (education or organisational).
 * Classification and counting are the rules library's (outcomeComponents, countForms).
 */
export async function handlingsInPeriod({ db, actor, countyCode, period }: Q): Promise<Handling[]> {
  const outcomes = await db.selectFrom('case_outcomes as o').innerJoin('case_subjects as s', 's.id', 'o.subject_id').innerJoin('cases as c', 'c.id', 'o.case_id')
    .select(['o.subject_id', 's.official_id', 'o.detail']).where(areaCondition(countyCode, 'c.county_code'))
    .where('o.decided_on', '>=', period.from).where('o.decided_on', '<', period.to).where(scopeCondition(actor, 'c.unit_id', 'c.created_by'))
    .where('o.superseded_by', 'is', null).where('o.revoked_on', 'is', null).orderBy('o.subject_id').execute();
  const bySubject = new Map<string, { personId: string; outcomes: SubjectOutcome[] }>();
  for (const o of outcomes) {
    const h = bySubject.get(o.subject_id) ?? { personId: o.official_id, outcomes: [] };
    h.outcomes.push((o.detail as { outcome: SubjectOutcome }).outcome);
    bySubject.set(o.subject_id, h);
  }
  const handlings: Handling[] = [...bySubject].map(([id, h]) => ({ id, personId: h.personId, components: outcomeComponents(h.outcomes) }));

  const clueRows = await db.selectFrom('clue_accused as a').innerJoin('clues as c', 'c.id', 'a.clue_id')
    .select(['a.id', 'a.official_id', 'c.disposal', 'c.disposal_on', 'c.outcome_measure', 'c.outcome_on'])
    .where(areaCondition(countyCode, 'c.county_code')).where(scopeCondition(actor, 'c.unit_id', 'c.created_by'))
    .where((eb) => eb.or([
      eb.and([eb('c.disposal', '=', 'inquiry'), eb('c.disposal_on', '>=', period.from), eb('c.disposal_on', '<', period.to)]),
      eb.and([eb('c.outcome_measure', 'is not', null), eb('c.outcome_on', '>=', period.from), eb('c.outcome_on', '<', period.to)]),
    ])).orderBy('a.id').execute();
  for (const r of clueRows) {
    const components: HandlingComponent[] = [];
    if (r.disposal === 'inquiry' && r.disposal_on! >= period.from && r.disposal_on! < period.to) components.push({ type: 'measure', measure: 'inquiry' });
    if (r.outcome_measure && r.outcome_on! >= period.from && r.outcome_on! < period.to) {
      components.push((firstFormMeasures as readonly string[]).includes(r.outcome_measure)
        ? { type: 'measure', measure: r.outcome_measure as FirstFormMeasure }
        : { type: 'organisational', measure: r.outcome_measure as OrganisationalMeasure });
    }
    handlings.push({ id: r.id, personId: r.official_id, components });
  }
  return handlings;
}
