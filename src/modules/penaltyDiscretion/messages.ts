/**
 * Server messages of the penalty-discretion module (zh-CN and en). Field labels are shared by every module (keyed by
 * the last path segment), so this module's fields carry names no other module uses.
 */
const zh: Record<string, string> = {
  'what.penaltyDecision': '行政处罚决定',
  'what.penaltyBenchmarkItem': '裁量基准事项',
  'penaltyDiscretion.docNoTaken': '{field}“{no}”在本部门已登记',
  'penaltyDiscretion.itemNotFound': '{field}不是该执法部门裁量基准中的事项',
  'penaltyDiscretion.tierNotInItem': '裁量基准事项 {code} 没有该{field}',
  'penaltyDiscretion.officersTooFew': '{field}不得少于两人（《行政处罚法》第四十二条），现为 {n} 人',
  'penaltyDiscretion.onlyForClosed': '{field}只用于立案不处罚的结案',
  'penaltyDiscretion.notForClosed': '立案不处罚的结案不填写{field}',
  'penaltyDiscretion.dateFuture': '{field}（{date}）不能晚于今天',
  'penaltyDiscretion.dueBeforeDecision': '{field}不能早于决定日期（{date}）',
  'penaltyDiscretion.paidWithoutFine': '未处罚款时不填写{field}',
  'penaltyDiscretion.notAmount': '{field}“{value}”不是有效金额（元）',
  'penaltyDiscretion.emptySheet': '文件中没有处罚决定数据',
  'penaltyDiscretion.tierTwice': '同一事项的{field}重复',
  'penaltyDiscretion.bandOrder': '{field}（{max}）不能小于罚款下限（{min}）',
  'penaltyDiscretion.noneHasFine': '不予处罚阶次的{field}应为 0',
  'penaltyDiscretion.itemCodeTaken': '{field}“{code}”在本部门已存在',
  'penaltyDiscretion.tierInUse': '{field}不能删去“{tier}”：已有 {n} 件处罚决定适用该阶次',
};
const en: Record<string, string> = {
  'what.penaltyDecision': 'Penalty decision',
  'what.penaltyBenchmarkItem': 'Benchmark item',
  'penaltyDiscretion.docNoTaken': '{field} "{no}" is already recorded for this department',
  'penaltyDiscretion.itemNotFound': '{field} is not an item of this department\'s benchmark',
  'penaltyDiscretion.tierNotInItem': 'Benchmark item {code} has no such {field}',
  'penaltyDiscretion.officersTooFew': '{field}: at least two are required (Administrative Penalty Law art. 42); {n} given',
  'penaltyDiscretion.onlyForClosed': '{field} is only for a case closed without penalty',
  'penaltyDiscretion.notForClosed': '{field} is not given for a case closed without penalty',
  'penaltyDiscretion.dateFuture': '{field} ({date}) cannot be in the future',
  'penaltyDiscretion.dueBeforeDecision': '{field} cannot be before the decision date ({date})',
  'penaltyDiscretion.paidWithoutFine': '{field} is not given without a fine',
  'penaltyDiscretion.notAmount': '{field} "{value}" is not a valid amount (yuan)',
  'penaltyDiscretion.emptySheet': 'The file holds no penalty decisions',
  'penaltyDiscretion.tierTwice': '{field} appears twice for the item',
  'penaltyDiscretion.bandOrder': '{field} ({max}) cannot be below the minimum ({min})',
  'penaltyDiscretion.noneHasFine': '{field} must be 0 for the no-penalty tier',
  'penaltyDiscretion.itemCodeTaken': '{field} "{code}" already exists in this department',
  'penaltyDiscretion.tierInUse': '{field}: "{tier}" cannot be removed; {n} recorded decisions declare it',
};

export const penaltyDiscretionMessages = {
  zh, en,
  fieldLabelsZh: {
    departmentId: '执法部门', outcome: '办理结果', penaltyDocumentNo: '决定书文号', partyType: '当事人类型', partyName: '当事人', benchmarkItemId: '裁量事项',
    discretionTier: '裁量阶次', discretionReason: '裁量理由', fineAmount: '罚款金额', penaltyKinds: '其他处罚种类', illegalGains: '违法所得', firstOffence: '首次违法',
    legalReviewOn: '法制审核日期', fineDueOn: '缴款期限', finePaidOn: '缴纳日期', enforcementOfficers: '执法人员', closureReason: '不予处罚理由',
    itemCode: '事项编号', violation: '违法行为', legalBasis: '违法依据', penaltyBasis: '处罚依据', tiers: '裁量阶次', fineBasis: '罚款计算方式', fineMin: '罚款下限',
    fineMax: '罚款上限', circumstances: '适用情形', seriousFineIndividual: '较大数额罚款（个人）', seriousFineOrganisation: '较大数额罚款（单位）', unpaidDays: '逾期容许天数',
  },
  fieldLabelsEn: {
    departmentId: 'Enforcement department', outcome: 'Outcome', penaltyDocumentNo: 'Decision number', partyType: 'Party type', partyName: 'Party',
    benchmarkItemId: 'Benchmark item', discretionTier: 'Discretion tier', discretionReason: 'Reason for the tier', fineAmount: 'Fine', penaltyKinds: 'Other penalties',
    illegalGains: 'Illegal gains', firstOffence: 'First offence', legalReviewOn: 'Legal review date', fineDueOn: 'Payment due', finePaidOn: 'Paid on',
    enforcementOfficers: 'Enforcement officers', closureReason: 'Reason for no penalty', itemCode: 'Item code', violation: 'Violation', legalBasis: 'Legal basis',
    penaltyBasis: 'Penalty basis', tiers: 'Tiers', fineBasis: 'Fine basis', fineMin: 'Minimum fine', fineMax: 'Maximum fine', circumstances: 'Circumstances',
    seriousFineIndividual: 'Large fine (individual)', seriousFineOrganisation: 'Large fine (organisation)', unpaidDays: 'Days allowed after due',
  },
};
