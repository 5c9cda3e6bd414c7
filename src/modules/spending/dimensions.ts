import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { DimensionSpec, Words } from '../analysis/dimensions';
import { areaCondition } from '../analysis/registry';
import { categoryWords } from './words';

/** Spending units by id (departments, townships and units under them), for the by-unit breakdown. */
async function unitNames(db: Kysely<DB>, areaCode: string): Promise<Record<string, Words>> {
  const rows = await db.selectFrom('units').select(['id', 'name']).where(areaCondition(areaCode, 'county_code'))
    .where('id', 'in', db.selectFrom('spending_expenses').select('unit_id').distinct()).execute();
  return Object.fromEntries(rows.map((r) => [r.id, [r.name, r.name] as const]));
}

export const spendingDimensions: Record<string, DimensionSpec> = {
  spendingCategory: { labelZh: '支出类别', labelEn: 'Spending category', values: categoryWords },
  spendingUnit: { labelZh: '支出单位', labelEn: 'Spending unit', lookup: unitNames },
};
