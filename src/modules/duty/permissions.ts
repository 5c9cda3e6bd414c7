import type { PermissionInfo } from '../../platform/auth/permissions';
import type { RoleGrants } from '../org/builtinRoles';

export const dutyPermissions: PermissionInfo[] = [
  { code: 'duty.read', group: 'duty', labelZh: '查看责任分解、履职情况汇报和评议结果', labelEn: 'View duty tasks, secretaries\' duty reports and appraisal results' },
  { code: 'duty.write', group: 'duty', labelZh: '下达责任分解任务，登记汇报会议、汇报情况和评议轮次', labelEn: 'Assign duty tasks; record meetings, duty reports and appraisal rounds' },
  { code: 'duty.complete', group: 'duty', labelZh: '办结本单位的责任分解任务', labelEn: 'Complete own unit\'s duty tasks' },
  { code: 'duty.appraise', group: 'duty', labelZh: '参加评议（对乡镇党委书记评定等次）', labelEn: 'Appraise township party secretaries' },
];

// The county CDI assigns and records; intake and case officers read; township committees read and complete their
// own units' tasks. The system administrator gets none (separation of duties).
const grants: Record<string, string[]> = {
  cdiLeader: ['duty.read', 'duty.write', 'duty.complete', 'duty.appraise'],
  intakeOfficer: ['duty.read'],
  caseHandler: ['duty.read'],
  townshipCommittee: ['duty.read', 'duty.complete'],
};

export const dutyRoleGrants: RoleGrants = { key: 'duty.v1', grants };
