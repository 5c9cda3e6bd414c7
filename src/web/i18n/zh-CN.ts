import { accountabilityZh } from '../../modules/accountability/pages/messages.zh';
import { spendingZh } from '../../modules/spending/pages/messages.zh';
import { penaltyZh } from '../../modules/penaltyDiscretion/pages/messages.zh';
import { villageAssetsZh } from '../../modules/villageAssets/pages/messages.zh';
import { campaignsZh } from '../../modules/campaigns/pages/messages.zh';
import { preventionZh } from '../../modules/prevention/pages/messages.zh';
import { casesZh } from '../../modules/cases/pages/messages.zh';
import { dutyZh } from '../../modules/duty/pages/messages.zh';
import { disclosureZh } from '../../modules/disclosure/pages/messages.zh';
import { riskZh } from '../../modules/risk/pages/messages.zh';
import { analysisZh } from '../../modules/analysis/pages/messages.zh';
import { orgZh } from '../../modules/org/pages/messages.zh';
import { reportsZh } from '../../modules/reports/pages/messages.zh';

/**
 * The reference dictionary: its keys define MessageKey, so a missing English text is a compile error.
 * Module pages keep their texts next to them and are merged here.
 */
const shell = {
  'app.name': '廉鉴',
  'app.shortName': '廉',
  'app.title': '廉鉴 · 县纪委监委工作平台',
  'app.subtitle': '县纪委监委工作平台',

  'menu.home': '工作台',
  'menu.group.org': '组织机构管理',
  'menu.group.system': '系统管理',
  'menu.orgUnits': '组织机构',
  'menu.officials': '干部信息',
  'menu.companies': '企业信息',
  'menu.users': '用户管理',
  'menu.roles': '角色权限',
  'menu.audit': '审计日志',
  'menu.settings': '个人设置',

  'header.unit': '所在单位',
  'header.logout': '退出登录',
  'header.notifications': '通知',
  'notifications.empty': '暂无通知',
  'notifications.markAllRead': '全部标为已读',

  'common.required': '必填',
  'importJob.errorsTitle': '未导入：{n} 处错误',
  'importJob.errorsHint': '任何一行有错误则整份文件不导入；请按以下位置修改后重新导入。',
  'importJob.sheet': '工作表',
  'importJob.row': '行号',
  'importJob.column': '列',
  'importJob.line': '行',
  'importJob.message': '说明',
  'common.save': '保存',
  'common.saved': '已保存',
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.edit': '编辑',
  'common.delete': '删除',
  'common.actions': '操作',
  'common.search': '查询',
  'common.export': '导出',
  'common.empty': '暂无数据',
  'common.yes': '是',
  'common.no': '否',
  'common.total': '共 {n} 条',

  'login.username': '用户名',
  'login.usernameRequired': '请输入用户名',
  'login.password': '密码',
  'login.passwordRequired': '请输入密码',
  'login.totpCode': '动态验证码',
  'login.totpFormat': '请输入 6 位数字动态验证码',
  'login.totpPrompt': '该账号已启用双因素认证，请输入身份验证器中的 6 位动态验证码',
  'login.totpInvalid': '动态验证码不正确',
  'login.submit': '登录',
  'login.footer': '本系统仅限授权人员使用，所有操作均记入审计日志',

  'forced.who': '{name}（{unit}）：',
  'forced.password': '首次登录或密码已被重置，请先修改密码后再使用系统。',
  'forced.totp': '您的角色要求启用双因素认证，请先完成绑定后再使用系统。',

  'password.title': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.policy': '至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
  'password.weak': '密码强度不足',
  'password.mismatch': '两次输入的新密码不一致',
  'password.submit': '修改密码',
  'password.changed': '密码已修改',

  'totp.title': '双因素认证（TOTP）',
  'totp.intro': '绑定后，登录时除密码外还需输入手机身份验证器（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）生成的 6 位动态验证码。',
  'totp.start': '开始绑定',
  'totp.scan': '用身份验证器扫描二维码，或手工输入下方密钥，然后输入生成的 6 位验证码完成绑定。',
  'totp.secret': '密钥',
  'totp.url': '绑定地址',
  'totp.confirm': '验证并启用',
  'totp.enabled': '双因素认证已启用',
  'totp.disable': '停用双因素认证',
  'totp.disabled': '双因素认证已停用',
  'totp.requiredByRole': '您的角色要求启用双因素认证，不能停用。',
  'totp.statusOn': '已启用',
  'totp.statusOff': '未启用',

  'profile.title': '个人信息',
  'profile.username': '用户名',
  'profile.displayName': '姓名',
  'profile.unit': '所在单位',
  'profile.roles': '角色',
  'profile.dataScope': '数据权限',
  'profile.language': '界面语言',

  'home.title': '工作台',
  'home.welcome': '{name}，您好',
  'home.quickLinks': '快捷入口',

  'error.forbidden': '您没有访问此页面的权限',
  'error.notFound': '页面不存在',
  'error.backHome': '返回工作台',

  'dataScope.all': '全部',
  'dataScope.custom': '自定义',
  'dataScope.unit': '本单位',
  'dataScope.unitAndBelow': '本单位及以下',
  'dataScope.self': '仅本人',

  'unitKind.county': '县（市、区）',
  'unitKind.subdistrict': '街道',
  'unitKind.town': '镇',
  'unitKind.township': '乡',
  'unitKind.townshipOther': '其他乡级单位',
  'unitKind.community': '社区',
  'unitKind.village': '村',
  'unitKind.cdi': '县纪委监委',
  'unitKind.department': '部门',
  'unitKind.stationedTeam': '派驻纪检监察组',
  'unitKind.enterprise': '企业',
  'unitKind.other': '其他',

  'permGroup.org': '组织机构',
  'permGroup.system': '系统管理',
  'permGroup.audit': '审计',
  'permGroup.reports': '信访举报',
  'permGroup.cases': '线索与案件',
  'permGroup.duty': '责任制',
  'permGroup.campaigns': '专项治理',
  'permGroup.risk': '廉政风险防控',
  'permGroup.disclosure': '公开与三资',
  'permGroup.accountability': '问责',
  'permGroup.analysis': '形势分析',

  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.objectType': '对象类型',
  'audit.objectId': '对象编号',
  'audit.clientIp': 'IP 地址',
  'audit.detail': '详情',
  'audit.chainSeq': '序号',
  'audit.hash': '哈希',
  'audit.exportCsv': '导出 CSV',
  'audit.verify': '校验日志链',
  'audit.verifyOk': '日志链完整，共校验 {n} 条记录',
  'audit.verifyBroken': '日志链校验未通过（已校验 {n} 条）',
  'audit.brokenAt': '第 {seq} 号记录（ID {id}）处断裂：{reason}',
} as const;

export const zhCN = { ...shell, ...orgZh, ...analysisZh, ...reportsZh, ...casesZh, ...riskZh, ...campaignsZh, ...dutyZh, ...disclosureZh, ...preventionZh, ...accountabilityZh, ...spendingZh, ...penaltyZh, ...villageAssetsZh };
export type MessageKey = keyof typeof zhCN;
