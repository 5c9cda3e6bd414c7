import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import type { AppContext } from '../../platform/context';
import { parsePeriod } from '../analysis/periods';
import { countyActor, metricDefinition } from '../analysis/registry';
import '../index';
import { createDemoReports } from '../reports/demo';
import { createDemoCases } from './demo';

let ctx: AppContext;
let close: () => Promise<void>;
const today = '2026-11-20';
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  await createDemoReports(ctx.db, '530125', { config: ctx.config, today });
}, 120_000);
afterAll(async () => { await close?.(); });

describe('demo clues and cases', () => {
  it('builds clues from the demo reports and cases through the stages, consistent with the rules, once', async () => {
    const r = await createDemoCases(ctx.db, '530125', { today });
    expect(r.clues).toBeGreaterThan(50);
    expect(r.cases / r.clues).toBeGreaterThan(0.25);
    expect(r.cases / r.clues).toBeLessThan(0.55);
    const fromReports = await sql<{ n: number }>`select count(*)::int as n from clue_sources s join reports r on r.id::text = s.source_id where s.source_type = 'report'`.execute(ctx.db);
    expect(fromReports.rows[0].n).toBeGreaterThan(20);
    const closedWithOpen = await sql<{ n: number }>`select count(*)::int as n from cases c join case_deadlines d on d.case_id = c.id where c.stage = 'closed' and d.fulfilled_on is null`.execute(ctx.db);
    expect(closedWithOpen.rows[0].n).toBe(0);
    const earlySanction = await sql<{ n: number }>`select count(*)::int as n from case_outcomes o join cases c on c.id = o.case_id where c.stage in ('investigation','review')`.execute(ctx.db);
    expect(earlySanction.rows[0].n).toBe(0);
    const villageHeavy = await sql<{ n: number }>`select count(*)::int as n from case_outcomes o join case_subjects s on s.id = o.subject_id
      where s.person_category = 'villageCommitteeManager' and o.track = 'admin' and o.kind not in ('warning','demerit','majorDemerit')`.execute(ctx.db);
    expect(villageHeavy.rows[0].n).toBe(0);
    expect((await createDemoCases(ctx.db, '530125', { today })).cases).toBe(0);
  });

  it('gives the analysis non-zero figures with the second form larger than the fourth', async () => {
    const q = { db: ctx.db, actor: countyActor(), countyCode: '530125', period: parsePeriod('2026M01-10') };
    const v = async (k: string) => (await metricDefinition(k)!.compute(q)).value;
    expect(await v('cases.opened')).toBeGreaterThan(5);
    expect(await v('sanctions.persons')).toBeGreaterThan(3);
    expect(await v('forms.second')).toBeGreaterThan(await v('forms.fourth'));
    expect(await v('clues.handled')).toBeGreaterThan(await v('cases.opened'));
  });
});
