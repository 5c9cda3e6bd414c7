import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers';
import { countyActor, registeredMetrics } from '../modules/analysis/registry';
import { evaluateMetrics } from '../modules/analysis/evaluate';
import { parsePeriod } from '../modules/analysis/periods';
import { todayInShanghai } from '../platform/calendar';
import type { AppContext } from '../platform/context';
import { createDemoData } from './demoData';

/** What `npm start` creates on an empty database: a county where every module has a history to look at. */
let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext({ demo: false }));
  await createDemoData(ctx, '530125');
}, 240_000);
afterAll(async () => { await close?.(); });

describe('the demo county', () => {
  it('gives every module that publishes figures something to count, this year or last', async () => {
    const year = Number(todayInShanghai().slice(0, 4));
    const q = { db: ctx.db, actor: countyActor(), countyCode: '530125' };
    const [thisYear, lastYear] = await Promise.all([evaluateMetrics(q, parsePeriod(String(year))), evaluateMetrics(q, parsePeriod(String(year - 1)))]);
    const value = (r: (typeof thisYear)[string] | undefined) => (r && 'value' in r ? r.value : 0);
    const modules = [...new Set(registeredMetrics().map((m) => m.module))];
    const empty = modules.filter((mod) => !registeredMetrics().some((m) => m.module === mod && (value(thisYear[m.key]) > 0 || value(lastYear[m.key]) > 0)));
    expect(empty).toEqual([]);
    // The red-flag screening ran over the demo tenders: hits exist and are dated this year.
    expect(value(thisYear['risk.hits'])).toBeGreaterThan(0);
  });
});
