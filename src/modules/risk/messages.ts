/** Server messages of the risk module (zh-CN and en) (field labels: the platform's and other modules' names suffice). */
const zh: Record<string, string> = {
  'what.riskHit': '风险预警',
  'what.riskProcess': '招投标项目',
  'what.riskImport': '导入批次',
  'risk.hit.alreadyDecided': '该预警已处理（{status}），不能重复处理',
};
const en: Record<string, string> = {
  'what.riskHit': 'Red-flag hit',
  'what.riskProcess': 'Procurement process',
  'what.riskImport': 'Import batch',
  'risk.hit.alreadyDecided': 'This hit has already been decided ({status})',
};

export const riskMessages = { zh, en };
