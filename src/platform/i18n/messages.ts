import { calendarMessages } from '../calendar/messages';
import { cryptoMessages } from '../crypto/messages';
import { identifierMessages } from '../identifiers/messages';
import type { Locale } from './locale';

type Dict = Record<string, string>;

/** Server-side messages. `{name}` placeholders are filled from params; `{field}` with the field's label. */
const zh: Dict = {
  // error codes
  VALIDATION_FAILED: '提交的数据有误：{summary}',
  MALFORMED_BODY: '请求内容不是有效的 JSON',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  TOTP_REQUIRED: '请输入动态口令（双因素认证）',
  TOTP_INVALID: '动态口令错误',
  SESSION_EXPIRED: '会话已超时，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码',
  TOTP_ENROLMENT_REQUIRED: '您的角色要求启用双因素认证，请先绑定动态口令',
  NOT_FOUND: '{what}不存在或不在您的数据范围内',
  CONFLICT: '{what}已存在',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  IMPORT_REJECTED: '导入未执行：{count} 行有错误，请修改后重新导入',
  WEAK_PASSWORD: '密码不符合要求：至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  INTERNAL: '系统内部错误，请联系管理员',
  // field issues
  'field.required': '{field}为必填项',
  'field.invalidType': '{field}的类型不正确（应为{expected}）',
  'field.unknown': '不允许的字段：{field}',
  'field.tooShort': '{field}长度不能少于 {min}',
  'field.tooLong': '{field}长度不能超过 {max}',
  'field.tooSmall': '{field}不能小于 {min}',
  'field.tooBig': '{field}不能大于 {max}',
  'field.invalidEnum': '{field}的取值无效，可选：{options}',
  'field.invalidFormat': '{field}的格式不正确',
  'field.invalid': '{field}无效',
  'field.citizenId': '{field}不是有效的公民身份号码（{reason}）',
  'field.creditCode': '{field}校验位不符（应为 {expected}），如确认无误请勾选"忽略校验"后保存',
  'field.creditCodeFormat': '{field}不是有效的统一社会信用代码',
  'field.unitNotFound': '{field}指定的单位不存在或不在您的数据范围内',
  'field.duplicate': '{field}与已有记录重复',
  'field.passwordMismatch': '{field}不正确',
  'field.unknownPermission': '{field}包含未知的权限代码：{codes}',
  'field.lastRoleAdmin': '修改后将没有任何启用的用户能够管理角色，请保留至少一名角色管理员',
  'field.selfDeactivate': '不能停用自己的账号',
  'field.duplicateInFile': '{field}与文件中第 {row} 行重复',
  'field.contradictsCitizenId': '{field}与公民身份号码不一致',
  'field.missingColumn': '缺少"{column}"列',
  'field.notXlsx': '{field}不是有效的 Excel（.xlsx）文件',
  'reason.format': '格式错误',
  'reason.birthDate': '出生日期无效',
  'reason.checksum': '校验码错误',
  'what.unit': '单位',
  'what.official': '干部',
  'what.company': '企业',
  'what.user': '用户',
  'what.role': '角色',
  'what.route': '接口',
  'what.record': '记录',
};

const en: Dict = {
  VALIDATION_FAILED: 'Invalid input: {summary}',
  MALFORMED_BODY: 'The request body is not valid JSON',
  UNAUTHENTICATED: 'Please sign in',
  INVALID_CREDENTIALS: 'Wrong username or password',
  TOTP_REQUIRED: 'Enter your one-time code (two-factor authentication)',
  TOTP_INVALID: 'Wrong one-time code',
  SESSION_EXPIRED: 'Your session timed out; please sign in again',
  FORBIDDEN: 'You do not have permission to do this',
  PASSWORD_CHANGE_REQUIRED: 'Please change your password first',
  TOTP_ENROLMENT_REQUIRED: 'Your role requires two-factor authentication: set up a one-time code first',
  NOT_FOUND: '{what} does not exist or is outside your data scope',
  CONFLICT: '{what} already exists',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  IMPORT_REJECTED: 'Nothing was imported: {count} rows have errors; fix them and import again',
  WEAK_PASSWORD: 'Password too weak: at least 8 characters from at least 3 of upper case, lower case, digits, symbols',
  ACCOUNT_LOCKED: 'Too many failed sign-ins; the account is locked, try again in {minutes} minutes',
  RATE_LIMITED: 'Too many requests; please slow down',
  INTERNAL: 'Internal error; please contact the administrator',
  'field.required': '{field} is required',
  'field.invalidType': '{field} has the wrong type (expected {expected})',
  'field.unknown': 'Unknown field: {field}',
  'field.tooShort': '{field} must be at least {min} long',
  'field.tooLong': '{field} must be at most {max} long',
  'field.tooSmall': '{field} must be at least {min}',
  'field.tooBig': '{field} must be at most {max}',
  'field.invalidEnum': '{field} must be one of: {options}',
  'field.invalidFormat': '{field} has an invalid format',
  'field.invalid': '{field} is invalid',
  'field.citizenId': '{field} is not a valid citizen ID ({reason})',
  'field.creditCode': '{field} check character mismatch (expected {expected}); tick "ignore check" to save anyway',
  'field.creditCodeFormat': '{field} is not a valid unified social credit code',
  'field.unitNotFound': '{field}: unit not found or outside your data scope',
  'field.duplicate': '{field} duplicates an existing record',
  'field.passwordMismatch': '{field} is wrong',
  'field.unknownPermission': '{field} contains unknown permission codes: {codes}',
  'field.lastRoleAdmin': 'After this change no active user could manage roles; keep at least one role administrator',
  'field.selfDeactivate': 'You cannot deactivate your own account',
  'field.duplicateInFile': '{field} duplicates row {row} of the file',
  'field.contradictsCitizenId': '{field} contradicts the citizen ID',
  'field.missingColumn': 'Column "{column}" is missing',
  'field.notXlsx': '{field} is not a valid Excel (.xlsx) file',
  'reason.format': 'bad format',
  'reason.birthDate': 'invalid birth date',
  'reason.checksum': 'wrong check digit',
  'what.unit': 'Unit',
  'what.official': 'Official',
  'what.company': 'Company',
  'what.user': 'User',
  'what.role': 'Role',
  'what.route': 'Endpoint',
  'what.record': 'Record',
};

/** Field labels shown in messages, keyed by the last path segment. Unknown fields show their path. */
const fieldLabels: Record<Locale, Dict> = {
  'zh-CN': {
    name: '姓名', gender: '性别', birthDate: '出生日期', citizenId: '公民身份号码', partyMember: '是否党员',
    unitId: '所在单位', unitCode: '单位编码', post: '职务', rank: '职级', managedBy: '干部管理权限', phone: '联系电话',
    creditCode: '统一社会信用代码', legalRepresentative: '法定代表人', address: '地址', username: '用户名',
    password: '密码', newPassword: '新密码', currentPassword: '原密码', displayName: '显示名称', roleIds: '角色',
    code: '编码', kind: '类型', parentCode: '上级单位', permissions: '权限', dataScope: '数据范围', totpCode: '动态口令',
    page: '页码', pageSize: '每页条数', q: '关键词',
    customUnitIds: '自定义数据范围', requireTotp: '强制双因素认证', active: '启用状态', file: '文件', overrideCheck: '忽略校验',
  },
  en: {},
};

/** Libraries keep their own texts beside their code; they are merged here so one lookup serves all. */
const libraryMessages = [calendarMessages, cryptoMessages, identifierMessages];
const dicts: Record<Locale, Dict> = {
  'zh-CN': Object.assign({}, zh, ...libraryMessages.map((m) => m['zh-CN'])),
  en: Object.assign({}, en, ...libraryMessages.map((m) => m.en)),
};

/** Modules bring their own texts (message keys and field labels) and register them at start-up. */
export function registerMessages(m: { zh: Dict; en: Dict; fieldLabelsZh?: Dict; fieldLabelsEn?: Dict }): void {
  Object.assign(dicts['zh-CN'], m.zh);
  Object.assign(dicts.en, m.en);
  Object.assign(fieldLabels['zh-CN'], m.fieldLabelsZh ?? {});
  Object.assign(fieldLabels.en, m.fieldLabelsEn ?? {});
}

/**
 * A field's name for messages: the label of the path's last segment; an element of a list (`body.channels.1`) is
 * named by its list and position (公开载体（第2项）), so the user knows which entry to fix.
 */
export function fieldLabel(locale: Locale, path: string): string {
  const parts = path.split('.');
  const element = /^\d+$/.test(parts[parts.length - 1] ?? '') && parts.length > 1 ? Number(parts.pop()) + 1 : undefined;
  const last = parts.pop()?.replace(/\[\d+\]$/, '') ?? path;
  const label = fieldLabels[locale][last];
  if (!label) return path;
  if (element === undefined) return label;
  return locale === 'en' ? `${label} (item ${element})` : `${label}（第${element}项）`;
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = dicts[locale][key] ?? dicts['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    // Nested keys (what.*, reason.*) are translated too, so callers pass stable keys, not prose.
    return typeof value === 'string' && (dicts[locale][value] !== undefined) ? dicts[locale][value] : String(value);
  });
}
