/**
 * The permission catalogue. The platform's and the organisation's entries are here; every other module
 * declares its own in its `module.ts`, and `src/modules/index.ts` registers them at start-up.
 * A code is `<module>.<object>.<verb>`; roles store the codes.
 */
export interface PermissionInfo { code: string; group: string; labelZh: string; labelEn: string }

const coreCatalogue = [
  { code: 'org.unit.read', group: 'org', labelZh: '查看组织机构', labelEn: 'View units' },
  { code: 'org.unit.write', group: 'org', labelZh: '维护组织机构', labelEn: 'Edit units' },
  { code: 'org.official.read', group: 'org', labelZh: '查看干部信息', labelEn: 'View officials' },
  { code: 'org.official.write', group: 'org', labelZh: '维护干部信息', labelEn: 'Edit officials' },
  { code: 'org.official.import', group: 'org', labelZh: '导入干部信息', labelEn: 'Import officials' },
  { code: 'org.official.export', group: 'org', labelZh: '导出干部信息', labelEn: 'Export officials' },
  { code: 'org.company.read', group: 'org', labelZh: '查看企业信息', labelEn: 'View companies' },
  { code: 'org.company.write', group: 'org', labelZh: '维护企业信息', labelEn: 'Edit companies' },
  { code: 'system.user.read', group: 'system', labelZh: '查看用户', labelEn: 'View users' },
  { code: 'system.user.write', group: 'system', labelZh: '管理用户', labelEn: 'Manage users' },
  { code: 'system.role.read', group: 'system', labelZh: '查看角色', labelEn: 'View roles' },
  { code: 'system.role.write', group: 'system', labelZh: '管理角色与权限', labelEn: 'Manage roles' },
  { code: 'system.calendar.write', group: 'system', labelZh: '维护法定节假日', labelEn: 'Edit the holiday calendar' },
  { code: 'audit.read', group: 'audit', labelZh: '查看审计日志', labelEn: 'View the audit log' },
  { code: 'audit.export', group: 'audit', labelZh: '导出审计日志', labelEn: 'Export the audit log' },
] as const satisfies readonly PermissionInfo[];

/** Codes are plain strings so modules can add theirs; the route-declaration test checks every use. */
export type Permission = string;

export const permissionCatalogue: PermissionInfo[] = [...coreCatalogue];
export const allPermissions: Permission[] = permissionCatalogue.map((p) => p.code);

export function registerPermissions(entries: readonly PermissionInfo[]): void {
  for (const entry of entries) {
    if (allPermissions.includes(entry.code)) continue;
    permissionCatalogue.push(entry);
    allPermissions.push(entry.code);
  }
}

export function isPermission(code: string): code is Permission {
  return allPermissions.includes(code);
}
