/**
 * Server messages of the prevention module (zh-CN and en). Field labels are shared by every module (keyed by the
 * last path segment), so this module's fields carry names no other module uses (ruleArea, riskLevel …).
 */
const zh: Record<string, string> = {
  'what.preventionRule': '预防腐败制度',
  'what.riskPoint': '廉政风险点',
  'prevention.countyOnly': '预防腐败制度由县纪委监委统一登记，需具有全县数据范围才能新增或修改',
  'prevention.dateFuture': '{field}（{date}）不能晚于今天',
};
const en: Record<string, string> = {
  'what.preventionRule': 'Prevention rule',
  'what.riskPoint': 'Integrity risk point',
  'prevention.countyOnly': 'Prevention rules are county-level documents kept by the CDI: recording or changing one needs a county-wide data scope',
  'prevention.dateFuture': '{field} ({date}) cannot be in the future',
};

export const preventionMessages = {
  zh, en,
  fieldLabelsZh: {
    documentNo: '文号', issuingUnit: '制发单位', issuedOn: '印发日期', ruleArea: '制度领域', ruleStatus: '制度状态', ruleSummary: '主要内容',
    riskDescription: '风险描述', riskLevel: '风险等级', controlMeasures: '防控措施', responsiblePerson: '责任人', reviewedOn: '评估日期',
  },
  fieldLabelsEn: {
    documentNo: 'Document number', issuingUnit: 'Issuing unit', issuedOn: 'Issued on', ruleArea: 'Rule area', ruleStatus: 'Rule status', ruleSummary: 'Summary',
    riskDescription: 'Risk description', riskLevel: 'Risk level', controlMeasures: 'Control measures', responsiblePerson: 'Responsible person', reviewedOn: 'Reviewed on',
  },
};
