import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const campaignPermissions: PermissionInfo[] = [
  { code: 'campaigns.read', group: 'campaigns', labelZh: '查看专项治理及发现问题', labelEn: 'View special campaigns and their findings' },
  { code: 'campaigns.write', group: 'campaigns', labelZh: '登记专项治理、排查对象、问题及整改情况', labelEn: 'Record campaigns, inspected objects, findings and rectification' },
  { code: 'campaigns.signOff', group: 'campaigns', labelZh: '审核销号、抽查复核（重新整改）', labelEn: 'Review and sign off findings; reopen them on a spot-check' },
];

// Leaders organise, review and sign off; intake and case officers read; township committees record their own
// findings and rectification. The 销号 needs someone other than who recorded the rectification (campaignService).
const grants: Record<string, string[]> = {
  cdiLeader: ['campaigns.read', 'campaigns.write', 'campaigns.signOff'],
  intakeOfficer: ['campaigns.read'],
  caseHandler: ['campaigns.read'],
  townshipCommittee: ['campaigns.read', 'campaigns.write'],
};

export const campaignRoleGrants: RoleGrants = { key: 'campaigns.v1', grants };
