import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { expectedMetrics } from '../analysis/catalogue';
import { parsePeriod } from '../analysis/periods';
import { countyActor, metricDefinition } from '../analysis/registry';
import '../index';
import { formShares } from './rules';

/**
 * Every registered cases metric against SQL written here, independently of metrics.ts, on fixture rows placed
 * on both sides of the period's edges ([2026-04-01, 2026-07-01)).
 */
let ctx: AppContext;
let close: () => Promise<void>;
const period = parsePeriod('2026Q2');
const FROM = period.from;
const TO = period.to;

async function fixture(db: Kysely<DB>) {
  const cdi = (await db.selectFrom('units').select('id').where('code', '=', '530125CDI').executeTakeFirstOrThrow()).id;
  const town = (await db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow()).id;
  const approver = (await db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirstOrThrow()).id;
  let n = 0;
  const person = async (rank: 'county' | 'township' | 'general' | 'other') => (await db.insertInto('officials').values({ county_code: '530125', unit_id: town, name: `指标${++n}`, gender: 'male', party_member: true, rank, managed_by: 'county' }).returning('id').executeTakeFirstOrThrow()).id;
  const kase = async (opened: string, economic: boolean, subjects: Array<{ rank: 'county' | 'township' | 'general' | 'other'; outcomes: Array<[string, string | null, string | null, string, unknown]> }>, recoveries: Array<[number, string]> = []) => {
    const c = await db.insertInto('cases').values({ county_code: '530125', unit_id: ++n % 2 ? cdi : town, doc_no: `测〔2026〕${n}号`, year: 2026, seq: n, title: `案件${n}`, case_type_code: economic ? 'economic.bribeTaking' : 'duty.neglect', economic, opened_on: opened, approved_by: approver, stage: 'decision', stage_since: opened })
      .returning('id').executeTakeFirstOrThrow();
    for (const s of subjects) {
      const official = await person(s.rank);
      const sub = await db.insertInto('case_subjects').values({ case_id: c.id, official_id: official, rank_at_time: s.rank, managed_by_at_time: 'county', unit_id_at_time: town, person_category: 'civilServant', party_member: true }).returning('id').executeTakeFirstOrThrow();
      for (const [type, track, kind, decided, outcome] of s.outcomes) {
        await db.insertInto('case_outcomes').values({ case_id: c.id, subject_id: sub.id, official_id: official, type: type as never, track: track as never, kind, decided_on: decided, detail: JSON.stringify({ outcome }) }).execute();
      }
    }
    for (const [fen, on] of recoveries) await db.insertInto('case_recoveries').values({ case_id: c.id, amount_fen: fen, recovered_on: on }).execute();
  };
  const party = (kind: string, on: string): [string, string, string, string, unknown] => ['sanction', 'party', kind, on, { type: 'sanction', sanction: { track: 'party', kind } }];
  const admin = (kind: string, on: string): [string, string, string, string, unknown] => ['sanction', 'admin', kind, on, { type: 'sanction', sanction: { track: 'admin', kind } }];
  await kase('2026-03-31', true, [{ rank: 'township', outcomes: [party('warning', '2026-04-01'), admin('demerit', '2026-04-02')] }], [[5_000_000, '2026-04-10']]);
  await kase('2026-04-01', true, [{ rank: 'county', outcomes: [party('expulsion', '2026-06-30'), ['prosecutionTransfer', null, null, '2026-06-30', { type: 'prosecutionTransfer' }]] },
    { rank: 'township', outcomes: [admin('dismissalFromPost', '2026-06-30')] }], [[12_345_678, '2026-06-30'], [1, '2026-07-01']]);
  await kase('2026-05-10', false, [{ rank: 'general', outcomes: [['exempted', 'party', null, '2026-05-20', { type: 'exempted', track: 'party', dueSanction: 'warning', mitigating: ['volunteered'], measures: ['criticism'], writtenConclusion: true }]] },
    { rank: 'other', outcomes: [admin('warning', '2026-07-01'), ['organisational', null, 'postAdjusted', '2026-06-01', { type: 'organisational', measure: 'postAdjusted' }]] }]);
  await kase('2026-06-30', false, [{ rank: 'township', outcomes: [['cleared', null, null, '2026-06-15', { type: 'cleared' }], ['education', null, 'admonition', '2026-03-31', { type: 'education', measure: 'admonition' }]] }]);
  await kase('2026-07-01', true, [{ rank: 'township', outcomes: [party('seriousWarning', '2026-07-02')] }]);
  const clue = async (received: string, disposal: string | null, disposalOn: string | null, measure: string | null, outcomeOn: string | null, accused: number) => {
    const c = await db.insertInto('clues').values({ county_code: '530125', unit_id: cdi, serial: `测线${++n}`, year: 2026, seq: n, title: `线索${n}`, received_on: received, disposal_due: received, disposal: disposal as never, disposal_on: disposalOn, outcome: measure ? 'education' : null, outcome_measure: measure, outcome_on: outcomeOn })
      .returning('id').executeTakeFirstOrThrow();
    for (let i = 0; i < accused; i++) await db.insertInto('clue_accused').values({ clue_id: c.id, official_id: await person('general'), rank_at_time: 'general', managed_by_at_time: 'township' }).execute();
  };
  await clue('2026-03-01', 'inquiry', '2026-03-31', 'reminderTalk', '2026-04-15', 1);
  await clue('2026-03-20', 'inquiry', '2026-04-01', null, null, 2);
  await clue('2026-04-02', 'verification', '2026-06-30', 'removedFromOffice', '2026-06-30', 1);
  await clue('2026-04-02', 'closed', '2026-05-01', null, null, 0);
  await clue('2026-06-02', 'inquiry', '2026-07-01', null, null, 1);
  await clue('2026-06-20', null, null, null, null, 1);
}

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  await fixture(ctx.db);
}, 60_000);
afterAll(async () => { await close?.(); });

const ids = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(ctx.db)).rows.map((r) => r.id).sort();
const compute = async (key: string) => {
  const d = metricDefinition(key);
  expect(d, key).toBeDefined();
  return d!.compute({ db: ctx.db, actor: countyActor(), countyCode: '530125', period });
};

const caseIds = (where: ReturnType<typeof sql>) => sql<{ id: string }>`select c.id from cases c where c.opened_on >= ${FROM} and c.opened_on < ${TO} and ${where}`;
const subjectIds = (where: ReturnType<typeof sql>) =>
  sql<{ id: string }>`select distinct o.subject_id as id from case_outcomes o join case_subjects s on s.id = o.subject_id where o.decided_on >= ${FROM} and o.decided_on < ${TO} and ${where}`;

const independent: Record<string, () => Promise<{ value: number; ids: string[] }>> = {};
const byIds = (q: ReturnType<typeof sql<{ id: string }>>) => async () => { const list = await ids(q); return { value: list.length, ids: list }; };
independent['clues.handled'] = byIds(sql<{ id: string }>`select id from clues where disposal_on >= ${FROM} and disposal_on < ${TO}`);
independent['clues.inquiries'] = byIds(sql<{ id: string }>`select id from clues where disposal = 'inquiry' and disposal_on >= ${FROM} and disposal_on < ${TO}`);
independent['cases.opened'] = byIds(caseIds(sql`true`));
independent['cases.openedTownshipRank'] = byIds(caseIds(sql`c.id in (select case_id from case_subjects where rank_at_time = 'township')`));
independent['cases.openedEconomic'] = byIds(caseIds(sql`c.economic`));
independent['cases.prosecutedPersons'] = byIds(subjectIds(sql`o.type = 'prosecutionTransfer'`));
independent['sanctions.persons'] = byIds(subjectIds(sql`o.type = 'sanction'`));
independent['sanctions.party'] = byIds(subjectIds(sql`o.type = 'sanction' and o.track = 'party'`));
independent['sanctions.admin'] = byIds(subjectIds(sql`o.type = 'sanction' and o.track = 'admin'`));
independent['sanctions.exempted'] = byIds(subjectIds(sql`o.type = 'exempted'`));
for (const rank of ['provincial', 'bureau', 'county', 'township', 'general', 'other']) {
  independent[`sanctions.rank.${rank}`] = byIds(subjectIds(sql`o.type = 'sanction' and s.rank_at_time = ${rank}`));
}
independent['cases.lossesRecoveredWan'] = async () => {
  const r = await sql<{ wan: string; id: string | null }>`select round(sum(amount_fen) / 1000000.0, 2)::text as wan, null as id from case_recoveries where recovered_on >= ${FROM} and recovered_on < ${TO}`.execute(ctx.db);
  return { value: Number(r.rows[0].wan), ids: await ids(sql<{ id: string }>`select distinct case_id as id from case_recoveries where recovered_on >= ${FROM} and recovered_on < ${TO}`) };
};

// The four forms in SQL: each handling's heaviest component (case subject's outcomes in the period; clue accused).
const FORM_SQL = sql<{ id: string; form: number }>`
  select id, max(form) as form from (
    select o.subject_id as id, case
      when o.type = 'prosecutionTransfer' then 4
      when o.type = 'sanction' and o.kind in ('removalFromPartyPost','probation','expulsion','demotion','dismissalFromPost') then 3
      when o.type = 'sanction' then 2
      when o.type = 'organisational' and o.kind = 'majorPostAdjustment' then 3
      when o.type = 'organisational' then 2
      when o.type in ('education','exempted') then 1 end as form
    from case_outcomes o where o.decided_on >= ${FROM} and o.decided_on < ${TO}
    union all
    select a.id, 1 from clue_accused a join clues c on c.id = a.clue_id where c.disposal = 'inquiry' and c.disposal_on >= ${FROM} and c.disposal_on < ${TO}
    union all
    select a.id, case when c.outcome_measure in ('suspendedForExamination','postAdjusted','orderedToResign','removedFromOffice') then 2
                      when c.outcome_measure = 'majorPostAdjustment' then 3 else 1 end
    from clue_accused a join clues c on c.id = a.clue_id where c.outcome_measure is not null and c.outcome_on >= ${FROM} and c.outcome_on < ${TO}
  ) h where form is not null group by id`;
(['first', 'second', 'third', 'fourth'] as const).forEach((name, i) => {
  independent[`forms.${name}`] = async () => {
    const rows = (await FORM_SQL.execute(ctx.db)).rows.filter((r) => Number(r.form) === i + 1).map((r) => r.id).sort();
    return { value: rows.length, ids: rows };
  };
});

describe('cases metrics', () => {
  it('registers exactly the catalogue keys of the cases module', () => {
    const keys = expectedMetrics.filter((m) => m.module === 'cases').map((m) => m.key);
    for (const k of keys) expect(metricDefinition(k), k).toBeDefined();
    expect(Object.keys(independent).sort()).toEqual(keys.sort());
  });

  for (const key of expectedMetrics.filter((m) => m.module === 'cases').map((m) => m.key)) {
    it(`${key} equals independent SQL on the fixture`, async () => {
      const want = await independent[key]();
      const got = await compute(key);
      expect(got.value).toBe(want.value);
      expect([...got.recordIds].sort()).toEqual(want.ids);
    });
  }

  it('has fixture values that exercise the edges (not all zero) and four-form shares summing to 100.0', async () => {
    const values = Object.fromEntries(await Promise.all(['cases.opened', 'sanctions.persons', 'forms.first', 'forms.second', 'forms.third', 'forms.fourth', 'cases.lossesRecoveredWan'].map(async (k) => [k, (await compute(k)).value])));
    expect(values).toEqual({ 'cases.opened': 3, 'sanctions.persons': 3, 'forms.first': 4, 'forms.second': 3, 'forms.third': 1, 'forms.fourth': 1, 'cases.lossesRecoveredWan': 17.35 });
    const shares = formShares({ 1: values['forms.first'], 2: values['forms.second'], 3: values['forms.third'], 4: values['forms.fourth'] });
    expect(shares.reduce((a, s) => a + s.tenths, 0)).toBe(1000);
    const opened = await compute('cases.opened');
    expect(Object.fromEntries(opened.breakdown!.rank.map((b) => [b.key, b.value]))).toEqual({ county: 1, general: 1, township: 1 });
  });
});
