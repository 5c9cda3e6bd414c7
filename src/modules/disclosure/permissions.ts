import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const disclosurePermissions: PermissionInfo[] = [
  { code: 'disclosure.read', group: 'disclosure', labelZh: '查看党务、政务、村务、办事公开台账', labelEn: 'View party, government, village and service disclosures' },
  { code: 'disclosure.write', group: 'disclosure', labelZh: '登记本单位（含所辖村）公开情况及检查问题整改', labelEn: 'Record disclosures of own units (and their villages) and rectify check findings' },
  { code: 'disclosure.check', group: 'disclosure', labelZh: '开展公开专项检查、管理示范点及公开设置', labelEn: 'Spot-check disclosures, manage demonstration sites and disclosure settings' },
];

// The CDI checks and keeps the 示范点 register; a township committee records its own and its villages' disclosures
// (its unitAndBelow scope covers the villages) and the rectification of what a check found; intake and case
// officers read. The system administrator gets none (separation of duties).
const grants: Record<string, string[]> = {
  cdiLeader: ['disclosure.read', 'disclosure.write', 'disclosure.check'],
  intakeOfficer: ['disclosure.read'],
  caseHandler: ['disclosure.read'],
  townshipCommittee: ['disclosure.read', 'disclosure.write'],
};

export const disclosureRoleGrants: RoleGrants = { key: 'disclosure.v1', grants };
