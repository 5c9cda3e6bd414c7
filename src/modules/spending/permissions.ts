import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const spendingPermissions: PermissionInfo[] = [
  { code: 'spending.read', group: 'spending', labelZh: '查看公务支出记录和支出标准', labelEn: 'View expense records and spending standards' },
  { code: 'spending.write', group: 'spending', labelZh: '登记和导入公务支出记录', labelEn: 'Enter and import expense records' },
  { code: 'spending.screen', group: 'spending', labelZh: '重新进行超标准支出筛查', labelEn: 'Re-run the spending screening' },
  { code: 'spending.standards', group: 'spending', labelZh: '维护支出标准', labelEn: 'Edit spending standards' },
];

// The CDI (leaders, case handlers) sets the standards and screens; township committees enter and check their own units' spending.
const grants: Record<string, string[]> = {
  cdiLeader: ['spending.read', 'spending.screen', 'spending.standards'],
  caseHandler: ['spending.read', 'spending.write', 'spending.screen', 'spending.standards'],
  townshipCommittee: ['spending.read', 'spending.write', 'spending.screen'],
};

export const spendingRoleGrants: RoleGrants = { key: 'spending.v1', grants };
