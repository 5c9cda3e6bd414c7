import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const villageAssetsPermissions: PermissionInfo[] = [
  { code: 'villageAssets.read', group: 'villageAssets', labelZh: '查看村集体三资台账和异常', labelEn: 'View village collective ledgers and anomalies' },
  { code: 'villageAssets.write', group: 'villageAssets', labelZh: '导入、登记所辖村三资台账', labelEn: 'Import and record the ledgers of own villages' },
  { code: 'villageAssets.screen', group: 'villageAssets', labelZh: '重新筛查三资异常、设置筛查阈值', labelEn: 'Re-screen village ledgers and set the thresholds' },
];

// Township committees hold their villages' books (村账乡管, their unitAndBelow scope covers the villages) and import
// them; the CDI's supervision side screens and sets thresholds; leaders and intake read. The system administrator gets none.
const grants: Record<string, string[]> = {
  cdiLeader: ['villageAssets.read', 'villageAssets.screen'],
  caseHandler: ['villageAssets.read', 'villageAssets.write', 'villageAssets.screen'],
  intakeOfficer: ['villageAssets.read'],
  townshipCommittee: ['villageAssets.read', 'villageAssets.write'],
};

export const villageAssetsRoleGrants: RoleGrants = { key: 'villageAssets.v1', grants };
