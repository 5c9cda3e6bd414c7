import ExcelJS from 'exceljs';
import { addHelpSheet, addTemplateSheet, headerOf as columnHeader, loadWorkbook, normalizeDate, readSheetRows, type SheetColumn, type SheetRow } from '../../platform/excel/sheets';
import { spendingCategories, type ImportError, type SpendingCategory, type TravellerRank } from './db';
import type { ExpenseInput } from './schema';
import { categoryWords } from './words';

/**
 * The expense workbook: sheet 支出记录, Chinese headers matched by text (order and extra columns do not matter),
 * one row per payment. The template and the reader share this definition. Validation names sheet, row and
 * column; the caller writes nothing when any row has a problem.
 */
export const SHEET = '支出记录';
export const MAX_ROWS = 20_000;
const MAX_PROBLEMS = 200;

const CATEGORY = Object.fromEntries(spendingCategories.map((c) => [categoryWords[c][0], c])) as Record<string, SpendingCategory>;
const RANK: Record<string, TravellerRank> = { 省部级: 'provincial', 厅局级: 'bureau', 县处级: 'county', 乡科级: 'township', 一般干部: 'general', 其他人员: 'other' };
const CLASS: Record<string, number> = { 一类: 1, 二类: 2, 三类: 3, 四类: 4 };
const YES_NO: Record<string, boolean> = { 有: true, 无: false, 是: true, 否: false };

export const COLUMNS: SheetColumn[] = [
  { key: 'unit', header: '单位（名称或编码）', required: true, width: 24, text: true },
  { key: 'spentOn', header: '支出日期', required: true, width: 12, text: true },
  { key: 'category', header: '支出类别', required: true, width: 14, choices: Object.keys(CATEGORY) },
  { key: 'amount', header: '金额(元)', required: true, width: 12 },
  { key: 'persons', header: '人数', width: 8 },
  { key: 'accompanying', header: '陪餐人数', width: 10 },
  { key: 'days', header: '天数', width: 8 },
  { key: 'nights', header: '住宿晚数', width: 10 },
  { key: 'classLevel', header: '会议或培训类别', width: 14, choices: Object.keys(CLASS) },
  { key: 'travellerRank', header: '出差人员职级', width: 12, choices: Object.keys(RANK) },
  { key: 'payee', header: '收款方', width: 24 },
  { key: 'venue', header: '场所', width: 20 },
  { key: 'hasLetter', header: '有无公函', width: 10, choices: ['有', '无'] },
  { key: 'approvalNo', header: '公函或审批文号', width: 20, text: true },
  { key: 'voucherNo', header: '凭证号', width: 14, text: true },
  { key: 'description', header: '事由', width: 36 },
];
const headerOf = (key: string) => columnHeader(COLUMNS, key);

export async function buildTemplate(units: Array<{ code: string; name: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addTemplateSheet(wb, SHEET, COLUMNS, MAX_ROWS);
  addHelpSheet(wb, [
    '带 * 的列必填；日期格式 YYYY-MM-DD；金额单位为元，最多两位小数。每笔支出（每张凭证）一行。',
    '人数：公务接待填接待对象人数（不含陪餐人员），会议填参会人数，培训填参训人数，差旅填出差人数（不填按1人）。',
    '公务接待须填写陪餐人数和有无公函（或公函、审批文号）；会议和培训填写天数和类别（不填按三类）；差旅费填写住宿费金额、住宿晚数和出差人员职级（不填按一般干部）。',
    '单位填写组织机构中的单位名称或编码（见“单位列表”），须在您的数据范围内。',
    '导入时逐行校验，任何一行有错误则整份文件不导入，错误信息写明工作表、行号和列名；导入成功后自动进行超标准支出筛查。',
  ], 120);
  const list = wb.addWorksheet('单位列表');
  list.columns = [{ header: '单位编码', key: 'code', width: 20 }, { header: '单位名称', key: 'name', width: 36 }];
  for (const u of units) list.addRow(u);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type { SheetRow };

/** Reads the 支出记录 sheet (or the first sheet); a missing required column is a problem on row 1. */
export async function readExpenseSheet(buffer: Buffer): Promise<{ rows: SheetRow[]; problems: ImportError[] }> {
  const wb = await loadWorkbook(buffer);
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return { rows: [], problems: [{ sheet: SHEET, row: 1, message: `${SHEET} 工作表不存在` }] };
  const { rows, missing } = readSheetRows(ws, COLUMNS, MAX_ROWS);
  return { rows, problems: missing.map((c) => problem(ws.name, 1, c.key, '缺少必填列')) };
}

function problem(sheet: string, row: number, key: string, message: string): ImportError {
  const column = headerOf(key);
  return { sheet, row, column, message: `${sheet} 第 ${row} 行「${column}」：${message}` };
}

/**
 * Rows → expense inputs. `unitOf` resolves a unit name or code in the caller's scope (null when not found). Every
 * problem is collected (capped) so the user fixes the file in one pass.
 */
export function expensesFromRows(rows: SheetRow[], unitOf: (text: string) => string | null, today: string): { inputs: Array<{ row: number; input: ExpenseInput }>; problems: ImportError[] } {
  const problems: ImportError[] = [];
  const inputs: Array<{ row: number; input: ExpenseInput }> = [];
  for (const r of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const before = problems.length;
    const fail = (key: string, message: string) => { problems.push(problem(SHEET, r.row, key, message)); return undefined; };
    const text = (key: string, max: number, required = false): string | undefined => {
      const v = r.v[key]?.trim();
      if (!v) return required ? fail(key, '不能为空') : undefined;
      return v.length > max ? fail(key, `不能超过 ${max} 个字`) : v;
    };
    const int = (key: string, min: number, max: number): number | undefined => {
      const s = text(key, 20);
      if (s === undefined) return undefined;
      const n = Number(s);
      return Number.isInteger(n) && n >= min && n <= max ? n : fail(key, `“${s}”应为 ${min}–${max} 的整数`);
    };
    const choice = <T>(key: string, map: Record<string, T>, required = false): T | undefined => {
      const s = text(key, 20, required);
      if (s === undefined) return undefined;
      return s in map ? map[s] : fail(key, `“${s}”不是可选值（${Object.keys(map).join('、')}）`);
    };
    const unitText = text('unit', 100, true);
    const unitId = unitText === undefined ? undefined : unitOf(unitText) ?? fail('unit', `“${unitText}”不是您数据范围内的单位`);
    const dateText = text('spentOn', 20, true);
    let spentOn: string | undefined;
    if (dateText !== undefined) {
      const d = normalizeDate(dateText);
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
      spentOn = !valid ? fail('spentOn', `“${dateText}”不是有效日期（YYYY-MM-DD）`) : d > today ? fail('spentOn', `${d} 晚于今天`) : d;
    }
    const category = choice('category', CATEGORY, true);
    const amountText = text('amount', 30, true);
    let amount: number | undefined;
    if (amountText !== undefined) {
      const n = Number(amountText.replace(/[,，\s]/g, '').replace(/元$/, ''));
      amount = Number.isFinite(n) && n >= 0 && n < 1e10 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6 ? n : fail('amount', `“${amountText}”不是有效金额（元，最多两位小数）`);
    }
    const input = {
      persons: int('persons', 1, 100000), accompanying: int('accompanying', 0, 10000), days: int('days', 1, 366), nights: int('nights', 0, 366),
      classLevel: choice('classLevel', CLASS), travellerRank: choice('travellerRank', RANK), payee: text('payee', 200), venue: text('venue', 200),
      hasLetter: choice('hasLetter', YES_NO), approvalNo: text('approvalNo', 100), voucherNo: text('voucherNo', 60), description: text('description', 1000),
    };
    if (problems.length === before) inputs.push({ row: r.row, input: { unitId: unitId!, spentOn: spentOn!, spendingCategory: category!, amount: amount!, ...input } });
  }
  return { inputs, problems };
}
