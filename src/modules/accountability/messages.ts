/**
 * Server messages of the accountability module (zh-CN and en). Field labels are shared by every module (keyed by the
 * last path segment), so this module's fields carry names no other module uses (accountabilityForm …).
 */
const zh: Record<string, string> = {
  'what.accountabilityDecision': '问责决定',
  'accountability.formNotForTarget': '{field}“{form}”只适用于{other}，不能用于对{target}问责',
  'accountability.targetMismatch': '问责对象为{target}时不应填写{field}',
  'accountability.officialNotFound': '{field}指定的干部不存在或不在您的数据范围内',
  'accountability.basisNotFound': '{field}指定的记录不存在或您无权查看',
  'accountability.basisMismatch': '未选择问责依据类型时不应填写{field}',
  'accountability.leaderOnlyPerson': '{field}只适用于对领导干部个人的问责',
  'accountability.dateFuture': '{field}（{date}）不能晚于今天',
};
const en: Record<string, string> = {
  'what.accountabilityDecision': 'Accountability decision',
  'accountability.formNotForTarget': '{field} "{form}" applies only to a {other}; it cannot be used for a {target}',
  'accountability.targetMismatch': '{field} is not used when the target is a {target}',
  'accountability.officialNotFound': '{field}: the official does not exist or is outside your data scope',
  'accountability.basisNotFound': '{field}: the record does not exist or you may not see it',
  'accountability.basisMismatch': '{field} is given without choosing the kind of basis',
  'accountability.leaderOnlyPerson': '{field} applies only to a leading cadre held accountable in person',
  'accountability.dateFuture': '{field} ({date}) cannot be in the future',
};

export const accountabilityMessages = {
  zh, en,
  fieldLabelsZh: {
    targetType: '问责对象类型', targetOfficialId: '问责对象（干部）', targetUnitId: '问责对象（党组织/单位）', accountabilityForm: '问责方式', accountabilityReason: '问责事由',
    basisKind: '问责依据类型', basisCaseId: '依据案件', basisFindingId: '依据专项治理问题', basisText: '其他依据', decidedByUnitId: '决定机关', decidedOn: '决定日期',
    documentNo: '文号', leaderResponsibility: '领导责任',
  },
  fieldLabelsEn: {
    targetType: 'Target type', targetOfficialId: 'Target official', targetUnitId: 'Target organisation', accountabilityForm: 'Accountability form',
    accountabilityReason: 'Grounds', basisKind: 'Kind of basis', basisCaseId: 'Basis case', basisFindingId: 'Basis campaign finding', basisText: 'Other basis',
    decidedByUnitId: 'Decided by', decidedOn: 'Decided on', documentNo: 'Document number', leaderResponsibility: 'Leader responsibility',
  },
};
