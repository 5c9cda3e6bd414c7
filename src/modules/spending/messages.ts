/**
 * Server messages of the spending module (zh-CN and en). Field labels are shared by every module (keyed by the
 * last path segment), so this module's fields carry names no other module uses where a common name would clash.
 */
const zh: Record<string, string> = {
  'what.spendingExpense': '支出记录',
  'what.spendingImport': '支出导入批次',
  'spending.dateFuture': '{field}（{date}）不能晚于今天',
  'spending.standardUnknown': '没有代码为 {code} 的支出标准',
  'spending.countInteger': '{field}应为整数',
  'spending.expenseClued': '该支出记录的预警“{hit}”已转为问题线索，记录是线索的证据，不能删除；如录入有误，请更正',
  'spending.expenseDismissed': '该支出记录的预警“{hit}”已排除并写明理由，记录是研判结论的依据，不能删除；如录入有误，请更正',
};
const en: Record<string, string> = {
  'what.spendingExpense': 'Expense record',
  'what.spendingImport': 'Expense import',
  'spending.dateFuture': '{field} ({date}) cannot be in the future',
  'spending.standardUnknown': 'There is no spending standard with code {code}',
  'spending.countInteger': '{field} must be a whole number',
  'spending.expenseClued': 'The hit "{hit}" on this record was handed over as a problem clue; the record is the clue\'s evidence and cannot be removed — correct it instead',
  'spending.expenseDismissed': 'The hit "{hit}" on this record was dismissed with a reason; the record is the basis of that decision and cannot be removed — correct it instead',
};

export const spendingMessages = {
  zh, en,
  fieldLabelsZh: {
    spentOn: '支出日期', spendingCategory: '支出类别', amount: '金额', persons: '人数', accompanying: '陪餐人数', days: '天数', nights: '住宿晚数',
    classLevel: '会议或培训类别', travellerRank: '出差人员职级', payee: '收款方', venue: '场所', hasLetter: '有无公函', approvalNo: '公函或审批文号',
    voucherNo: '凭证号', flaggedOnly: '仅看有预警', words: '提示词表', basis: '依据',
  },
  fieldLabelsEn: {
    spentOn: 'Date', spendingCategory: 'Category', amount: 'Amount', persons: 'Persons', accompanying: 'Accompanying persons', days: 'Days', nights: 'Nights',
    classLevel: 'Meeting or training class', travellerRank: 'Traveller rank', payee: 'Payee', venue: 'Venue', hasLetter: 'Official letter', approvalNo: 'Letter or approval no.',
    voucherNo: 'Voucher no.', flaggedOnly: 'Flagged only', words: 'Word list', basis: 'Basis',
  },
};
