import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';

/**
 * Rules are county-level documents kept by the county's CDI: everyone with the read permission sees the county's
 * rules, and only a caller whose data scope holds the CDI (the county's leaders and offices) records or changes
 * them — a township committee maintains its own risk points, not the county's rules.
 */
export async function countyCdi(db: Kysely<DB>, countyCode: string): Promise<string> {
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirst();
  if (!cdi) throw AppError.notFound('what.unit');
  return cdi.id;
}

export async function requireCountyScope(db: Kysely<DB>, actor: Actor): Promise<string> {
  const cdi = await countyCdi(db, actor.countyCode);
  if (!(await unitInScope(db, actor, cdi))) throw new AppError('FORBIDDEN', { issues: [{ field: 'body', key: 'prevention.countyOnly' }] });
  return cdi;
}

/** Business dates are not after today (the office's day, Asia/Shanghai). */
export function notFuture(field: string, date: string): void {
  if (date > todayInShanghai()) throw AppError.field(field, 'prevention.dateFuture', { date });
}

/** 《关于…》: the register writes a rule's title inside 书名号 whether or not the user typed them. */
export function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《/, '').replace(/》$/, '').trim();
  return `《${bare}》`;
}
