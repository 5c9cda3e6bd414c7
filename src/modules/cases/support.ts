import type { Kysely } from 'kysely';
import type { DB, ManagedBy } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import type { ApprovalLevel, RelationKind } from './db';
import { userHasPermission } from './permissions';
import { type RuleViolation, toAppError, violation } from './rules';

export const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, clientIp: a.clientIp });

const GZ = '监督执纪工作规则（2019）';
export const FLOW = '案件流程规则（本系统）';

/**
 * Who approves a clue disposal, by the accused's management authority (干部管理权限): officials managed above
 * the county go to the higher commission; county-managed cadres to the commission's head; the rest to the
 * deputy in charge. 第二十一条 requires "履行审批手续" [S]; the level mapping is this office's configuration [R].
 */
export function approvalLevelFor(managedBy: readonly ManagedBy[]): ApprovalLevel {
  if (managedBy.some((m) => m === 'province' || m === 'city')) return 'higherOrgan';
  if (managedBy.includes('county')) return 'cdiSecretary';
  return 'cdiDeputy';
}

const LEVEL_TEXT: Record<ApprovalLevel, [string, string]> = {
  higherOrgan: ['上级纪委监委', 'the higher-level commission'],
  cdiSecretary: ['县纪委监委主要负责人', 'the head of the county commission'],
  cdiDeputy: ['县纪委监委分管负责人', 'the deputy head in charge'],
};

/** Checks the named approver (or the higher organ's reference) for a level; returns the violations. */
export async function checkApprover(
  db: Kysely<DB>, level: ApprovalLevel, permission: string, approverId: string | undefined, higherRef: string | undefined, managedBy: string,
): Promise<RuleViolation[]> {
  const source = `${GZ} 第二十一条（审批层级按干部管理权限，本系统配置）`;
  if (level === 'higherOrgan') {
    return higherRef ? [] : [violation('cases.approval.higherRefRequired', source, 'S', { managedByZh: managedBy, managedByEn: managedBy })];
  }
  if (approverId && (await userHasPermission(db, approverId, permission))) return [];
  return [violation('cases.approval.approverLacksPermission', source, 'S', { permission, levelZh: LEVEL_TEXT[level][0], levelEn: LEVEL_TEXT[level][1] })];
}

/** Refuses dates out of order, naming the rule: an act cannot precede what it follows. */
export function dateOrder(what: [string, string], date: string, after: string, source = FLOW): RuleViolation[] {
  return date < after ? [violation('cases.date.order', source, 'S', { what: what[0], whatEn: what[1], date, after })] : [];
}

export function refuse(violations: RuleViolation[], field = 'body'): void {
  if (violations.length) throw toAppError(violations, field);
}

const RELATION_TEXT: Record<RelationKind, [string, string]> = {
  spouse: ['配偶', 'spouse'], closeRelative: ['近亲属', 'close relative'], relative: ['亲属', 'relative'],
  formerColleague: ['曾有上下级等工作关系', 'former working relation'], interest: ['利害关系', 'interest'],
  witness: ['证人', 'witness'], other: ['其他可能影响公正处理的关系', 'other relation that may affect impartiality'],
};
const RECUSAL_SOURCE = '公职人员政务处分法 第四十七条；监督执纪工作规则（2019） 回避条款';

/**
 * Recusal (回避): a handler with a recorded relation to a subject, or serving in the subject's unit, may not
 * join or open the case. Returns every conflict so the refusal names all of them.
 */
export async function recusalViolations(db: Kysely<DB>, userIds: readonly string[], officialIds: readonly string[]): Promise<RuleViolation[]> {
  if (userIds.length === 0 || officialIds.length === 0) return [];
  const users = await db.selectFrom('users as u').innerJoin('units as n', 'n.id', 'u.unit_id').select(['u.id', 'u.display_name', 'u.unit_id', 'n.name as unitName'])
    .where('u.id', 'in', [...userIds]).execute();
  const officials = await db.selectFrom('officials').select(['id', 'name', 'unit_id']).where('id', 'in', [...officialIds]).execute();
  const relations = await db.selectFrom('official_relations').select(['official_id', 'user_id', 'kind'])
    .where('user_id', 'in', [...userIds]).where('official_id', 'in', [...officialIds]).execute();
  const out: RuleViolation[] = [];
  for (const r of relations) {
    const u = users.find((x) => x.id === r.user_id);
    const o = officials.find((x) => x.id === r.official_id);
    out.push(violation('cases.recusal.related', RECUSAL_SOURCE, 'V', { user: u?.display_name ?? '', official: o?.name ?? '', kindZh: RELATION_TEXT[r.kind][0], kindEn: RELATION_TEXT[r.kind][1] }));
  }
  for (const u of users) {
    for (const o of officials) {
      if (u.unit_id === o.unit_id) out.push(violation('cases.recusal.sameUnit', `${RECUSAL_SOURCE}（同单位任职回避为本系统规则）`, 'S', { user: u.display_name, official: o.name, unit: u.unitName }));
    }
  }
  return out;
}

export function forbidRecusal(violations: RuleViolation[]): void {
  if (violations.length === 0) return;
  throw new AppError('FORBIDDEN', { issues: violations.map((v) => ({ field: 'body', key: v.code, params: v.params })), details: { violations } });
}
