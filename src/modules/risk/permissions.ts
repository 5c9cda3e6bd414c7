import type { Kysely } from 'kysely';
import type { PermissionInfo } from '../../platform/auth/permissions';
import type { DB } from '../../platform/db/schema';
import { applyRoleGrants, type RoleGrants } from '../org/builtinRoles';

export const riskPermissions: PermissionInfo[] = [
  { code: 'risk.read', group: 'risk', labelZh: '查看招投标数据和风险预警', labelEn: 'View procurement data and red-flag hits' },
  { code: 'risk.import', group: 'risk', labelZh: '导入招投标数据', labelEn: 'Import procurement data' },
  { code: 'risk.decide', group: 'risk', labelZh: '研判风险预警（排除、转为问题线索、重新筛查）', labelEn: 'Decide on hits (dismiss, hand over as a clue, re-screen)' },
];

// The supervision side (case handlers) screens and decides; leaders read; township committees see and decide on their own tenders.
const grants: Record<string, string[]> = {
  cdiLeader: ['risk.read', 'risk.decide'],
  caseHandler: ['risk.read', 'risk.import', 'risk.decide'],
  townshipCommittee: ['risk.read', 'risk.import', 'risk.decide'],
};

export const riskRoleGrants: RoleGrants = { key: 'risk.v1', grants };

export function ensureRiskRoles(db: Kysely<DB>): Promise<void> {
  return applyRoleGrants(db, riskRoleGrants);
}
