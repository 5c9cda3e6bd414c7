/**
 * Server messages of the village assets module (zh-CN and en). Field labels are shared by every module (keyed by
 * the last path segment), so only fields no other module names are labelled here.
 */
const zh: Record<string, string> = {
  'what.villageImport': '三资台账导入',
  'villageAssets.notVillage': '{field}“{name}”不是村（社区），三资台账按村登记',
  'villageAssets.dateFuture': '{field}（{date}）不能晚于今天',
  'villageAssets.endBeforeStart': '{field}应晚于起始日期（{start}）',
  'villageAssets.contractNoTaken': '{field}“{contractNo}”本村已登记过',
};
const en: Record<string, string> = {
  'what.villageImport': 'Village ledger import',
  'villageAssets.notVillage': '{field} "{name}" is not a village; ledgers are kept per village',
  'villageAssets.dateFuture': '{field} ({date}) cannot be in the future',
  'villageAssets.endBeforeStart': '{field} must be after the start date ({start})',
  'villageAssets.contractNoTaken': '{field} "{contractNo}" is already recorded for this village',
};

export const villageAssetsMessages = {
  zh, en,
  fieldLabelsZh: {
    villageId: '村', entryDate: '日期', fundCategory: '用途类别', entrySummary: '摘要', voucherNo: '凭证号', direction: '收支', counterparty: '对方单位或个人', paymentMethod: '支付方式', handledBy: '经办人', approvedBy: '审批人',
    decisionDate: '四议两公开决策日期', decisionMeeting: '决策会议类型', published: '是否已公开', cashLimit: '现金支付限额', approvalThreshold: '单笔支出审批限额',
    splitWindowDays: '拆分支付观察期（天）', majorAmount: '重大事项金额', rentMinPeers: '租金比较最少可比合同数', contractTermYears: '合同期限上限（年）',
    negotiationLimit: '公开竞价金额标准', disposalRatio: '处置价占评估价下限', concentrationShare: '支付集中比例', concentrationMinAmount: '支付集中最低金额',
    contractNo: '合同编号', objectType: '发包对象类型', objectName: '标的名称', area: '面积', areaUnit: '面积单位', startOn: '起始日期', endOn: '截止日期', annualRent: '年租金',
    awardMethod: '发包方式', assetName: '资产名称', disposedOn: '处置日期', appraisedValue: '评估价', salePrice: '成交价', disposalBuyer: '买受人', disposalMethod: '处置方式',
  },
  fieldLabelsEn: {
    villageId: 'Village', entryDate: 'Date', fundCategory: 'Purpose', entrySummary: 'Summary', voucherNo: 'Voucher no.', direction: 'Income or expense', counterparty: 'Counterparty', paymentMethod: 'Payment method', handledBy: 'Handled by',
    approvedBy: 'Approved by', decisionDate: 'Decision date', decisionMeeting: 'Decision meeting', published: 'Published', cashLimit: 'Cash limit',
    approvalThreshold: 'Approval threshold', splitWindowDays: 'Split window (days)', majorAmount: 'Major item amount', rentMinPeers: 'Minimum peer contracts',
    contractTermYears: 'Longest term (years)', negotiationLimit: 'Open-bidding limit', disposalRatio: 'Least share of appraisal', concentrationShare: 'Concentration share',
    concentrationMinAmount: 'Concentration minimum',
    contractNo: 'Contract no.', objectType: 'Object type', objectName: 'Object', area: 'Area', areaUnit: 'Area unit', startOn: 'Start date', endOn: 'End date', annualRent: 'Annual rent',
    awardMethod: 'Awarded by', assetName: 'Asset', disposedOn: 'Disposal date', appraisedValue: 'Appraised value', salePrice: 'Sale price', disposalBuyer: 'Buyer', disposalMethod: 'Disposal method',
  },
};
