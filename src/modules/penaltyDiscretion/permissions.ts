import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const penaltyDiscretionPermissions: PermissionInfo[] = [
  { code: 'penaltyDiscretion.read', group: 'penaltyDiscretion', labelZh: '查看行政处罚裁量基准、处罚决定及一致性分析', labelEn: 'View penalty benchmarks, decisions and consistency' },
  { code: 'penaltyDiscretion.write', group: 'penaltyDiscretion', labelZh: '登记、导入本部门处罚决定及裁量基准', labelEn: 'Record and import own department\'s penalty decisions and benchmarks' },
  { code: 'penaltyDiscretion.screen', group: 'penaltyDiscretion', labelZh: '重新筛查处罚裁量、设置筛查参数', labelEn: 'Re-run penalty screening and change its settings' },
];

// An enforcement department records its own decisions and benchmarks (scope: its unit); the CDI leaders screen and
// set the thresholds; intake and case officers read. The system administrator gets none (separation of duties).
const grants: Record<string, string[]> = {
  cdiLeader: ['penaltyDiscretion.read', 'penaltyDiscretion.write', 'penaltyDiscretion.screen'],
  intakeOfficer: ['penaltyDiscretion.read'],
  caseHandler: ['penaltyDiscretion.read'],
};

export const penaltyDiscretionRoleGrants: RoleGrants = {
  key: 'penaltyDiscretion.v1', grants,
  roles: [{ code: 'enforcementDepartment', name: '行政执法部门', permissions: ['org.unit.read', 'penaltyDiscretion.read', 'penaltyDiscretion.write'], dataScope: 'unit' }],
};
