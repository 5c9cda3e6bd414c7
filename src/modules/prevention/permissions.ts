import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const preventionPermissions: PermissionInfo[] = [
  { code: 'prevention.read', group: 'prevention', labelZh: '查看预防腐败制度和廉政风险点', labelEn: 'View corruption prevention rules and integrity risk points' },
  { code: 'prevention.write', group: 'prevention', labelZh: '登记预防腐败制度、维护廉政风险点', labelEn: 'Record prevention rules and maintain integrity risk points' },
];

// Leaders keep the register; intake and case officers read it; township committees maintain their own units' risk
// points (data scope) but cannot write the county-level rules (the service asks for a scope holding the CDI).
const grants: Record<string, string[]> = {
  cdiLeader: ['prevention.read', 'prevention.write'],
  intakeOfficer: ['prevention.read'],
  caseHandler: ['prevention.read'],
  townshipCommittee: ['prevention.read', 'prevention.write'],
};

export const preventionRoleGrants: RoleGrants = { key: 'prevention.v1', grants };
