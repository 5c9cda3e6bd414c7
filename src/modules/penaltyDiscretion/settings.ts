import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';

/**
 * The county's screening settings. Defaults: a fine of ¥10,000 for an individual or ¥100,000 for an organisation
 * is a 较大数额罚款 needing 法制审核 (the figures many Yunnan 重大执法决定法制审核目录 use; a county sets its own),
 * and a fine unpaid 30 days after its due date is flagged.
 */
export interface PenaltySettings { seriousFineIndividual: number; seriousFineOrganisation: number; unpaidDays: number }
export const defaultSettings: PenaltySettings = { seriousFineIndividual: 10_000, seriousFineOrganisation: 100_000, unpaidDays: 30 };
export const settingsKey = (countyCode: string) => `penaltyDiscretion.settings.${countyCode}`;

export async function loadSettings(db: Kysely<DB>, countyCode: string): Promise<PenaltySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', settingsKey(countyCode)).executeTakeFirst();
  const v = (row?.value ?? {}) as Partial<PenaltySettings>;
  const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? x : d);
  return {
    seriousFineIndividual: num(v.seriousFineIndividual, defaultSettings.seriousFineIndividual),
    seriousFineOrganisation: num(v.seriousFineOrganisation, defaultSettings.seriousFineOrganisation),
    unpaidDays: num(v.unpaidDays, defaultSettings.unpaidDays),
  };
}
