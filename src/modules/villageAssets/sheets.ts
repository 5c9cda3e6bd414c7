import ExcelJS from 'exceljs';
import { addHelpSheet, addTemplateSheet, readWorkbookSheets, type SheetColumn, type SheetRow } from '../../platform/excel/sheets';
import { areaUnitWords, awardMethodWords, decisionMeetings, directionWords, fundCategoryWords, objectTypeWords, paymentMethodWords } from './words';

/**
 * The village ledger workbook a township 三资 agency office keeps per village: sheets 资金收支 / 合同 / 资产处置,
 * Chinese headers matched by text (column order and extra columns do not matter). Template and reader share this
 * one definition; the drop-down lists are the words the reader accepts.
 */
export const MAX_ROWS_PER_SHEET = 20_000;
export const sheetNames = ['资金收支', '合同', '资产处置'] as const;
export type SheetName = (typeof sheetNames)[number];
type Col = SheetColumn;

const zh = (w: Record<string, readonly [string, string]>) => Object.values(w).map((x) => x[0]);
const decision: Col[] = [
  { key: 'decisionDate', header: '四议两公开决策日期', width: 16, text: true },
  { key: 'decisionMeeting', header: '决策会议类型', width: 14, choices: decisionMeetings },
];

export const SHEETS: Record<SheetName, Col[]> = {
  资金收支: [
    { key: 'date', header: '日期', required: true, width: 12, text: true },
    { key: 'voucherNo', header: '凭证号', required: true, width: 10, text: true },
    { key: 'direction', header: '收支', required: true, width: 8, choices: zh(directionWords) },
    { key: 'amount', header: '金额(元)', required: true, width: 12 },
    { key: 'counterparty', header: '对方单位或个人', required: true, width: 24 },
    { key: 'paymentMethod', header: '支付方式', required: true, width: 10, choices: zh(paymentMethodWords) },
    { key: 'category', header: '用途类别', required: true, width: 10, choices: zh(fundCategoryWords) },
    { key: 'summary', header: '摘要', width: 30 },
    { key: 'handledBy', header: '经办人', width: 10 },
    { key: 'approvedBy', header: '审批人', width: 10 },
    ...decision,
    { key: 'published', header: '是否已公开', width: 10, choices: ['是', '否'] },
  ],
  合同: [
    { key: 'contractNo', header: '合同编号', required: true, width: 16, text: true },
    { key: 'objectType', header: '发包对象类型', required: true, width: 12, choices: zh(objectTypeWords) },
    { key: 'objectName', header: '标的名称', required: true, width: 24 },
    { key: 'area', header: '面积', required: true, width: 10 },
    { key: 'areaUnit', header: '面积单位', required: true, width: 10, choices: zh(areaUnitWords) },
    { key: 'counterparty', header: '承包（承租）方', required: true, width: 20 },
    { key: 'startOn', header: '起始日期', required: true, width: 12, text: true },
    { key: 'endOn', header: '截止日期', required: true, width: 12, text: true },
    { key: 'annualRent', header: '年租金(元)', required: true, width: 12 },
    { key: 'awardMethod', header: '发包方式', required: true, width: 12, choices: zh(awardMethodWords) },
    ...decision,
  ],
  资产处置: [
    { key: 'assetName', header: '资产名称', required: true, width: 24 },
    { key: 'disposedOn', header: '处置日期', required: true, width: 12, text: true },
    { key: 'appraisedValue', header: '评估价(元)', required: true, width: 12 },
    { key: 'salePrice', header: '成交价(元)', required: true, width: 12 },
    { key: 'buyer', header: '买受人', required: true, width: 20 },
    { key: 'method', header: '处置方式', required: true, width: 12, choices: zh(awardMethodWords) },
    ...decision,
  ],
};

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of sheetNames) addTemplateSheet(wb, name, SHEETS[name], MAX_ROWS_PER_SHEET);
  addHelpSheet(wb, [
    '一个文件为一个村的台账；导入时在页面上选择所属村。带 * 的列必填；日期格式 YYYY-MM-DD；金额单位为元。',
    '资金收支：每笔收入或支出一行；经“四议两公开”决策的事项填写决策日期和会议类型；已在村务公开栏公布的填“是”。',
    '合同：资源资产发包、租赁合同每份一行；面积单位为亩或平方米；年租金按合同约定的每年租金填写。',
    '资产处置：每次处置一行，填写评估价和实际成交价。',
    '导入时逐行校验，任何一行有错误则整份文件不导入，错误信息写明工作表、行号和列名；与已导入记录重复的行视为错误。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type { SheetRow };
export interface SheetProblem { sheet: SheetName; row: number; column?: string; message: string }

/** Reads the three sheets (a missing sheet reads as empty; a missing required column is a problem on row 1). */
export const readWorkbook = (buffer: Buffer): Promise<{ sheets: Record<SheetName, SheetRow[]>; problems: SheetProblem[] }> =>
  readWorkbookSheets(buffer, SHEETS, MAX_ROWS_PER_SHEET);

export const headerOf = (sheet: SheetName, key: string): string => SHEETS[sheet].find((c) => c.key === key)?.header ?? key;
