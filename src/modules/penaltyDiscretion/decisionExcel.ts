import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';
import { addHelpSheet, addTemplateSheet, loadWorkbook, normalizeDate, readSheetRows, type SheetColumn, type SheetRow } from '../../platform/excel/sheets';
import { tierWords } from './rules';
import { kindWordsZhEn, partyTypeWords } from './dimensions';

/**
 * The 处罚决定 workbook: one sheet, Chinese headers, columns matched by header text (order and extra columns do not
 * matter). The template and the reader share this definition; the field of each column is the API field, so a row
 * error names the column the user sees.
 */
export const SHEET = '处罚决定';
export const MAX_ROWS = 5000;
const zh = (w: Readonly<Record<string, readonly [string, string]>>) => Object.fromEntries(Object.entries(w).map(([k, v]) => [v[0], k]));
export const TIER_BY_WORD: Record<string, string> = Object.fromEntries(Object.entries(tierWords).map(([k, v]) => [v, k]));
export const PARTY_BY_WORD: Record<string, string> = zh(partyTypeWords);
export const KIND_BY_WORD: Record<string, string> = zh(kindWordsZhEn);
export const OUTCOME_BY_WORD: Record<string, string> = { 处罚决定: 'penalty', 立案不处罚: 'closed' };

// Every column is text in the template (document numbers, codes and dates keep their form); the key is the API field.
export const COLUMNS: SheetColumn[] = [
  { key: 'departmentId', text: true, header: '执法部门', required: true, width: 22 },
  { key: 'penaltyDocumentNo', text: true, header: '决定书文号', required: true, width: 22 },
  { key: 'decidedOn', text: true, header: '决定日期', required: true, width: 12 },
  { key: 'outcome', text: true, header: '办理结果', width: 12, choices: Object.keys(OUTCOME_BY_WORD) },
  { key: 'partyType', text: true, header: '当事人类型', required: true, width: 10, choices: Object.keys(PARTY_BY_WORD) },
  { key: 'partyName', text: true, header: '当事人', required: true, width: 24 },
  { key: 'benchmarkItemId', text: true, header: '裁量事项编号', width: 14 },
  { key: 'discretionTier', text: true, header: '裁量阶次', width: 10, choices: Object.keys(TIER_BY_WORD) },
  { key: 'discretionReason', text: true, header: '裁量理由', width: 30 },
  { key: 'fineAmount', text: true, header: '罚款金额(元)', width: 14 },
  { key: 'penaltyKinds', text: true, header: '其他处罚种类', width: 24 },
  { key: 'illegalGains', text: true, header: '违法所得(元)', width: 14 },
  { key: 'firstOffence', text: true, header: '首次违法', width: 10, choices: ['是', '否'] },
  { key: 'legalReviewOn', text: true, header: '法制审核日期', width: 12 },
  { key: 'fineDueOn', text: true, header: '缴款期限', width: 12 },
  { key: 'finePaidOn', text: true, header: '缴纳日期', width: 12 },
  { key: 'enforcementOfficers', text: true, header: '执法人员', width: 20 },
  { key: 'closureReason', text: true, header: '不予处罚理由', width: 30 },
];
export const headerOf = (field: string): string => COLUMNS.find((c) => c.key === field.split('[')[0])?.header ?? field;

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addTemplateSheet(wb, SHEET, COLUMNS, MAX_ROWS);
  addHelpSheet(wb, [
    '带 * 的列必填；日期格式 YYYY-MM-DD；金额单位为元。执法部门填写单位名称或单位编码。',
    '办理结果：处罚决定（默认）或立案不处罚；立案不处罚须填写不予处罚理由，不填裁量阶次、罚款和缴款信息。',
    '处罚决定须填写裁量事项编号（本部门裁量基准中的编号）和裁量阶次；阶次为一般以外的，请填写裁量理由。',
    `其他处罚种类可填多项，用顿号分隔：${Object.keys(KIND_BY_WORD).join('、')}。`,
    '执法人员至少两名（《行政处罚法》第四十二条），用顿号或逗号分隔。',
    '导入时逐行校验，任何一行有错误则整份文件不导入，错误信息写明行号和列名。导入后自动重新筛查。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type { SheetRow };
export interface RowProblem { sheet: string; row: number; column?: string; message: string }

/** The 处罚决定 sheet (or the first sheet); a missing required column is a problem on row 1. */
export async function readDecisionSheet(buffer: Buffer): Promise<{ rows: SheetRow[]; problems: RowProblem[] }> {
  const wb = await loadWorkbook(buffer);
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }] });
  const { rows, missing } = readSheetRows(ws, COLUMNS, MAX_ROWS);
  return { rows, problems: missing.map((c) => ({ sheet: ws.name, row: 1, column: c.header, message: '缺少必填列' })) };
}

export const splitList = (s: string | undefined) => (s ? s.split(/[、，,；;\s]+/).map((x) => x.trim()).filter(Boolean) : []);
export const sheetDate = (s: string | undefined) => (s ? normalizeDate(s) : undefined);
