/**
 * Server messages of the disclosure module (zh-CN and en). Field labels are shared by every module (keyed by the
 * last path segment), so only names this module introduces are added.
 */
const zh: Record<string, string> = {
  'what.disclosureCheck': '公开专项检查',
  'what.disclosureRecord': '公开记录',
  'what.demoSite': '示范点',
  'disclosure.periodFormat': '{field}应为“年份+Q+季度”，如 2026Q3',
  'disclosure.periodFuture': '{field}（{period}）尚未到来，不能登记',
  'disclosure.itemsRequired': '{field}至少选择一项',
  'disclosure.itemUnknown': '{field}中的“{items}”不属于该公开类别的公开事项',
  'disclosure.dateOrder': '{field}（{date}）不能早于{after}',
  'disclosure.dateFuture': '{field}（{date}）不能晚于今天',
  'disclosure.unitKind.village': '{field}“{unit}”不是村委会，村务公开须由村登记',
  'disclosure.unitKind.party': '{field}“{unit}”不是乡镇（街道）或县直部门，不承担党务公开',
  'disclosure.unitKind.government': '{field}“{unit}”不是乡镇（街道）或县直部门，不承担政务公开',
  'disclosure.unitKind.service': '{field}“{unit}”不是乡镇（街道）或县直部门，不承担办事公开',
  'disclosure.problemRequired': '检查结果不合格时须填写{field}',
  'disclosure.notOpen': '该检查没有待整改的问题',
  'disclosure.designatedRequired': '已命名或撤销的示范点须填写{field}',
  'disclosure.revokedOnlyWhenRevoked': '只有撤销的示范点才填写{field}',
};
const en: Record<string, string> = {
  'what.disclosureCheck': 'Disclosure spot check',
  'what.disclosureRecord': 'Disclosure record',
  'what.demoSite': 'Demonstration site',
  'disclosure.periodFormat': '{field} must be a year, Q and a quarter, e.g. 2026Q3',
  'disclosure.periodFuture': '{field} ({period}) has not begun yet',
  'disclosure.itemsRequired': 'Choose at least one of {field}',
  'disclosure.itemUnknown': '{field}: "{items}" is not an item of this kind of disclosure',
  'disclosure.dateOrder': '{field} ({date}) cannot be before {after}',
  'disclosure.dateFuture': '{field} ({date}) cannot be in the future',
  'disclosure.unitKind.village': '{field} "{unit}" is not a village committee; village affairs are disclosed by villages',
  'disclosure.unitKind.party': '{field} "{unit}" is not a township or county department; it has no party-affairs disclosure',
  'disclosure.unitKind.government': '{field} "{unit}" is not a township or county department; it has no government-affairs disclosure',
  'disclosure.unitKind.service': '{field} "{unit}" is not a township or county department; it has no public-service disclosure',
  'disclosure.problemRequired': '{field} is required when the check fails',
  'disclosure.notOpen': 'This check has no open problem to rectify',
  'disclosure.designatedRequired': '{field} is required for a named or revoked site',
  'disclosure.revokedOnlyWhenRevoked': '{field} is only for a revoked site',
};

export const disclosureMessages = {
  zh, en,
  fieldLabelsZh: {
    quarter: '公开季度', disclosedItems: '公开事项', publishedOn: '公开日期', channels: '公开载体', evidenceNote: '佐证材料（照片等）', correctionReason: '更正原因', checkedOn: '检查日期', inspector: '检查人员',
    checkResult: '检查结果', problemNote: '发现问题', rectificationNote: '整改情况', siteName: '示范点名称', designatedOn: '命名日期', revokedOn: '撤销日期',
    dueDays: '公开期限（季度结束后天数）', firstQuarter: '起始季度', asOf: '统计日期',
  },
  fieldLabelsEn: {
    quarter: 'Quarter', disclosedItems: 'Items disclosed', publishedOn: 'Published on', channels: 'Where published', evidenceNote: 'Evidence (photos etc.)', correctionReason: 'Reason for the correction', checkedOn: 'Checked on',
    inspector: 'Inspector', checkResult: 'Result', problemNote: 'Problem found', rectificationNote: 'Rectification', siteName: 'Site name', designatedOn: 'Named on',
    revokedOn: 'Revoked on', dueDays: 'Days allowed after the quarter', firstQuarter: 'First tracked quarter', asOf: 'As of',
  },
};
