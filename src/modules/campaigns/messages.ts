/**
 * Server messages of the campaigns module (zh-CN and en). Field labels are shared by every module (keyed by the
 * last path segment), so only names this module introduces are added; `title`, `category`, `note` read as elsewhere.
 */
const zh: Record<string, string> = {
  'what.campaign': '专项治理',
  'what.campaignObject': '排查对象',
  'what.campaignFinding': '发现问题',
  'campaigns.objectHasFindings': '该项目已登记{n}个发现问题，计入专项治理统计，不能删除；如登记有误，请更正',
  'campaigns.belowThreshold': '{field}{amount}元低于本次专项治理的排查起点{threshold}元，不纳入排查范围',
  'campaigns.amountRequired': '工程建设项目专项治理须填写{field}',
  'campaigns.dateOrder': '{field}（{date}）不能早于{after}',
  'campaigns.dateFuture': '{field}（{date}）不能晚于今天',
  'campaigns.wrongStatus': '该问题当前状态为“{status}”，不能{action}',
  'campaigns.sameReviewer': '整改情况由您登记，销号须由其他审核人员办理',
  'campaigns.notTownship': '{field}不是本县的乡镇（街道）',
  'campaigns.status.open': '待整改', 'campaigns.status.rectifying': '正在整改', 'campaigns.status.rectified': '已整改待销号', 'campaigns.status.signedOff': '已销号',
  'campaigns.action.assign': '明确整改责任', 'campaigns.action.rectify': '登记整改情况', 'campaigns.action.signOff': '销号', 'campaigns.action.reopen': '重新整改',
};
const en: Record<string, string> = {
  'what.campaign': 'Campaign',
  'what.campaignObject': 'Inspected object',
  'what.campaignFinding': 'Finding',
  'campaigns.objectHasFindings': 'This project has {n} findings, which count in the campaign\'s figures; it cannot be removed — correct it instead',
  'campaigns.belowThreshold': '{field} of ¥{amount} is below this campaign\'s threshold of ¥{threshold}; the project is out of scope',
  'campaigns.amountRequired': '{field} is required in a construction-project campaign',
  'campaigns.dateOrder': '{field} ({date}) cannot be before {after}',
  'campaigns.dateFuture': '{field} ({date}) cannot be in the future',
  'campaigns.wrongStatus': 'The finding is "{status}"; it cannot be given the step "{action}"',
  'campaigns.sameReviewer': 'You recorded the rectification; another reviewer must sign it off',
  'campaigns.notTownship': '{field} is not a township of this county',
  'campaigns.status.open': 'Open', 'campaigns.status.rectifying': 'Being rectified', 'campaigns.status.rectified': 'Rectified, awaiting sign-off', 'campaigns.status.signedOff': 'Signed off',
  'campaigns.action.assign': 'assign an owner', 'campaigns.action.rectify': 'record rectification', 'campaigns.action.signOff': 'sign off', 'campaigns.action.reopen': 'reopen',
};

export const campaignMessages = {
  zh, en,
  fieldLabelsZh: {
    kind: '类型', periodStart: '开始日期', periodEnd: '结束日期', thresholdYuan: '排查金额起点', projectName: '项目名称', ownerUnitId: '责任单位',
    contractAmount: '合同金额', contractor: '施工单位', inspectedOn: '排查日期', inspectedBy: '排查人员', objectId: '排查对象', description: '问题描述',
    foundOn: '发现日期', responsibleUnitId: '整改责任单位', ownerName: '整改责任人', ownerPost: '责任人职务', dueOn: '整改期限', evidence: '整改佐证材料',
    docNo: '整改文号', rectifiedOn: '整改完成日期', signedOffOn: '销号日期', reopenReason: '重新整改理由', reopenedOn: '抽查日期',
  },
  fieldLabelsEn: {
    title: 'Title', category: 'Category', note: 'Note', periodStart: 'Start date', periodEnd: 'End date', thresholdYuan: 'Amount threshold', projectName: 'Project name',
    ownerUnitId: 'Responsible unit', contractAmount: 'Contract amount', contractor: 'Contractor', inspectedOn: 'Inspected on', inspectedBy: 'Inspected by',
    objectId: 'Inspected object', description: 'Description', foundOn: 'Found on', responsibleUnitId: 'Unit responsible for rectification', ownerName: 'Rectification owner',
    ownerPost: 'Owner post', dueOn: 'Rectification due date', evidence: 'Rectification evidence', docNo: 'Document number', rectifiedOn: 'Rectified on',
    signedOffOn: 'Signed off on', reopenReason: 'Reason for reopening', reopenedOn: 'Spot-check date',
  },
};
