import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const accountabilityPermissions: PermissionInfo[] = [
  { code: 'accountability.read', group: 'accountability', labelZh: '查看问责决定', labelEn: 'View accountability decisions' },
  { code: 'accountability.write', group: 'accountability', labelZh: '登记问责决定', labelEn: 'Record accountability decisions' },
];

// Leaders and case handlers record decisions (问责调查 is case work); intake reads them. The system administrator gets none.
const grants: Record<string, string[]> = {
  cdiLeader: ['accountability.read', 'accountability.write'],
  caseHandler: ['accountability.read', 'accountability.write'],
  intakeOfficer: ['accountability.read'],
};

export const accountabilityRoleGrants: RoleGrants = { key: 'accountability.v1', grants };
