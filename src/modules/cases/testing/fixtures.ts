import type { TestApp } from '../../../../test/helpers';

/** Look-ups shared by the module's API tests and scope fixtures (demo county 530125). */
export async function unitId(t: TestApp, code: string): Promise<string> {
  return (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** An official of the township (post contains `post`), or of one of its villages when `village` is set. */
export async function officialIn(t: TestApp, townshipCode: string, post: string, village = false): Promise<{ id: string; name: string; unitId: string }> {
  const township = await unitId(t, townshipCode);
  let q = t.ctx.db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select(['o.id', 'o.name', 'o.unit_id as unitId'])
    .where('o.post', 'like', `%${post}%`).where('o.active', '=', true);
  q = village ? q.where('u.parent_id', '=', township) : q.where('u.id', '=', township);
  return q.orderBy('o.id').executeTakeFirstOrThrow();
}

/** Inserts a fresh official (so fixtures never collide on one person's history). */
export async function newOfficial(t: TestApp, unitCode: string, opts: { rank?: 'township' | 'general' | 'other'; managedBy?: 'county' | 'township' } = {}) {
  const unit = await unitId(t, unitCode);
  const name = `测试干部${Math.random().toString(36).slice(2, 7)}`;
  const row = await t.ctx.db.insertInto('officials').values({
    county_code: '530125', unit_id: unit, name, gender: 'male', party_member: true, rank: opts.rank ?? 'township', managed_by: opts.managedBy ?? 'county', post: '副镇长',
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, name, unitId: unit };
}
