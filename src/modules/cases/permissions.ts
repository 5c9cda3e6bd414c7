import type { Kysely } from 'kysely';
import type { PermissionInfo } from '../../platform/auth/permissions';
import type { DB } from '../../platform/db/schema';
import { applyRoleGrants, type RoleGrants } from '../org/builtinRoles';

export const casesPermissions: PermissionInfo[] = [
  { code: 'cases.clue.read', group: 'cases', labelZh: '查看问题线索', labelEn: 'View clues' },
  { code: 'cases.clue.write', group: 'cases', labelZh: '登记、处置问题线索', labelEn: 'Register and dispose of clues' },
  { code: 'cases.clue.approve', group: 'cases', labelZh: '审批线索处置', labelEn: 'Approve clue disposals' },
  { code: 'cases.case.read', group: 'cases', labelZh: '查看案件（须为办案组成员或有督办权限）', labelEn: 'View cases (team members or supervisors)' },
  { code: 'cases.case.write', group: 'cases', labelZh: '立案、办理案件', labelEn: 'Open and handle cases' },
  { code: 'cases.case.approve', group: 'cases', labelZh: '审批立案', labelEn: 'Approve case openings' },
  { code: 'cases.case.supervise', group: 'cases', labelZh: '监督管理全部案件（不限办案组）', labelEn: 'Supervise all cases (beyond the team)' },
  { code: 'cases.relation.write', group: 'cases', labelZh: '登记回避关系', labelEn: 'Record relations for recusal' },
  { code: 'cases.rules.write', group: 'cases', labelZh: '确认、修改期限规则表', labelEn: 'Confirm or change the time-limit rule table' },
  { code: 'cases.dictionary.read', group: 'cases', labelZh: '查看案件类别字典', labelEn: 'View the case type dictionary' },
  { code: 'cases.dictionary.write', group: 'cases', labelZh: '维护案件类别字典', labelEn: 'Maintain the case type dictionary' },
  { code: 'cases.integrity.read', group: 'cases', labelZh: '查阅廉政档案、出具廉政意见', labelEn: 'Read integrity records and issue integrity opinions' },
];

const grants: Record<string, string[]> = {
  cdiLeader: ['cases.clue.read', 'cases.clue.approve', 'cases.case.read', 'cases.case.approve', 'cases.case.supervise', 'cases.relation.write', 'cases.integrity.read', 'cases.rules.write'],
  intakeOfficer: ['cases.clue.read', 'cases.clue.write'],
  caseHandler: ['cases.clue.read', 'cases.clue.write', 'cases.case.read', 'cases.case.write', 'cases.relation.write', 'cases.integrity.read'],
  townshipCommittee: ['cases.clue.read', 'cases.clue.write', 'cases.case.read', 'cases.case.write'],
};

export const casesRoleGrants: RoleGrants = { key: 'cases.v1', grants };

/** v2: the case type dictionary; the system administrator and the CDI leadership maintain it, handlers read it. */
export const casesDictionaryGrants: RoleGrants = {
  key: 'cases.v2.dictionary',
  grants: {
    sysadmin: ['cases.dictionary.read', 'cases.dictionary.write'],
    cdiLeader: ['cases.dictionary.read', 'cases.dictionary.write'],
    intakeOfficer: ['cases.dictionary.read'],
    caseHandler: ['cases.dictionary.read'],
    townshipCommittee: ['cases.dictionary.read'],
  },
};

/** Safe on every start: applied once per database, so an office's later removals stay removed. */
export async function ensureCasesRoles(db: Kysely<DB>): Promise<void> {
  await applyRoleGrants(db, casesRoleGrants);
  await applyRoleGrants(db, casesDictionaryGrants);
}

/** Whether a user holds a permission through any role (approvers are named users, not the caller). */
export async function userHasPermission(db: Kysely<DB>, userId: string, permission: string): Promise<boolean> {
  const rows = await db.selectFrom('user_roles as ur').innerJoin('roles as r', 'r.id', 'ur.role_id').innerJoin('users as u', 'u.id', 'ur.user_id')
    .select('r.permissions').where('ur.user_id', '=', userId).where('u.active', '=', true).execute();
  return rows.some((r) => r.permissions.includes(permission));
}
