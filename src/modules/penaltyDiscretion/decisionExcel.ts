import ExcelJS from 'exceljs';
import type { DataValidation } from 'exceljs';
import { AppError } from '../../platform/errors';
import { cellText, normalizeDate } from '../org/officialExcel';
import { tierWords } from './rules';
import { kindWordsZhEn, partyTypeWords } from './dimensions';

/**
 * The 处罚决定 workbook: one sheet, Chinese headers, columns matched by header text (order and extra columns do not
 * matter). The template and the reader share this definition; the field of each column is the API field, so a row
 * error names the column the user sees.
 */
export const SHEET = '处罚决定';
export const MAX_ROWS = 5000;
export interface Col { field: string; header: string; required?: boolean; width: number; choices?: string[] }
const zh = (w: Readonly<Record<string, readonly [string, string]>>) => Object.fromEntries(Object.entries(w).map(([k, v]) => [v[0], k]));
export const TIER_BY_WORD: Record<string, string> = Object.fromEntries(Object.entries(tierWords).map(([k, v]) => [v, k]));
export const PARTY_BY_WORD: Record<string, string> = zh(partyTypeWords);
export const KIND_BY_WORD: Record<string, string> = zh(kindWordsZhEn);
export const OUTCOME_BY_WORD: Record<string, string> = { 处罚决定: 'penalty', 立案不处罚: 'closed' };

export const COLUMNS: Col[] = [
  { field: 'departmentId', header: '执法部门', required: true, width: 22 },
  { field: 'penaltyDocumentNo', header: '决定书文号', required: true, width: 22 },
  { field: 'decidedOn', header: '决定日期', required: true, width: 12 },
  { field: 'outcome', header: '办理结果', width: 12, choices: Object.keys(OUTCOME_BY_WORD) },
  { field: 'partyType', header: '当事人类型', required: true, width: 10, choices: Object.keys(PARTY_BY_WORD) },
  { field: 'partyName', header: '当事人', required: true, width: 24 },
  { field: 'benchmarkItemId', header: '裁量事项编号', width: 14 },
  { field: 'discretionTier', header: '裁量阶次', width: 10, choices: Object.keys(TIER_BY_WORD) },
  { field: 'discretionReason', header: '裁量理由', width: 30 },
  { field: 'fineAmount', header: '罚款金额(元)', width: 14 },
  { field: 'penaltyKinds', header: '其他处罚种类', width: 24 },
  { field: 'illegalGains', header: '违法所得(元)', width: 14 },
  { field: 'firstOffence', header: '首次违法', width: 10, choices: ['是', '否'] },
  { field: 'legalReviewOn', header: '法制审核日期', width: 12 },
  { field: 'fineDueOn', header: '缴款期限', width: 12 },
  { field: 'finePaidOn', header: '缴纳日期', width: 12 },
  { field: 'enforcementOfficers', header: '执法人员', width: 20 },
  { field: 'closureReason', header: '不予处罚理由', width: 30 },
];
export const headerOf = (field: string): string => COLUMNS.find((c) => c.field === field.split('[')[0])?.header ?? field;

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  // exceljs supports range validations at runtime but its typings omit the collection.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  for (const c of COLUMNS.filter((x) => x.choices)) {
    const letter = ws.getColumn(c.field).letter;
    validations.add(`${letter}2:${letter}${MAX_ROWS + 1}`, { type: 'list', allowBlank: true, formulae: [`"${c.choices!.join(',')}"`], showErrorMessage: true });
  }
  const help = wb.addWorksheet('说明');
  help.columns = [{ header: '说明', key: 'text', width: 110 }];
  for (const line of [
    '带 * 的列必填；日期格式 YYYY-MM-DD；金额单位为元。执法部门填写单位名称或单位编码。',
    '办理结果：处罚决定（默认）或立案不处罚；立案不处罚须填写不予处罚理由，不填裁量阶次、罚款和缴款信息。',
    '处罚决定须填写裁量事项编号（本部门裁量基准中的编号）和裁量阶次；阶次为一般以外的，请填写裁量理由。',
    `其他处罚种类可填多项，用顿号分隔：${Object.keys(KIND_BY_WORD).join('、')}。`,
    '执法人员至少两名（《行政处罚法》第四十二条），用顿号或逗号分隔。',
    '导入时逐行校验，任何一行有错误则整份文件不导入，错误信息写明行号和列名。导入后自动重新筛查。',
  ]) help.addRow({ text: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow { row: number; v: Record<string, string> }
export interface RowProblem { sheet: string; row: number; column?: string; message: string }

export async function readDecisionSheet(buffer: Buffer): Promise<{ rows: SheetRow[]; problems: RowProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as never);
  } catch (err) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }], cause: err });
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }] });
  const byHeader = new Map(COLUMNS.map((c) => [c.header, c]));
  const positions = new Map<number, Col>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = byHeader.get(cellText(cell.value).replace(/[*＊\s]/g, ''));
    if (c) positions.set(col, c);
  });
  const present = new Set([...positions.values()].map((c) => c.field));
  const problems = COLUMNS.filter((c) => c.required && !present.has(c.field)).map((c) => ({ sheet: ws.name, row: 1, column: c.header, message: '缺少必填列' }));
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v: Record<string, string> = {};
    for (const [col, c] of positions) {
      const text = cellText(row.getCell(col).value);
      if (text) v[c.field] = text;
    }
    if (Object.keys(v).length === 0) return;
    rows.push({ row: n, v });
    if (rows.length > MAX_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxRows: MAX_ROWS } });
  });
  return { rows, problems };
}

export const splitList = (s: string | undefined) => (s ? s.split(/[、，,；;\s]+/).map((x) => x.trim()).filter(Boolean) : []);
export const sheetDate = (s: string | undefined) => (s ? normalizeDate(s) : undefined);
