import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { ManagedBy, Rank } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { loadWorkbook, readSheetRows } from '../../platform/excel/sheets';

/**
 * The officials workbook as offices fill it in: Chinese column headers and Chinese labels for coded
 * values. Template, import and export share this one definition, so a full export re-imports as-is.
 */
export const MAX_IMPORT_ROWS = 20_000;

export const rankLabels: Record<Rank, string> = {
  provincial: '省部级', bureau: '厅局级', county: '县处级', township: '乡科级', general: '一般干部', other: '其他人员',
};
export const managedByLabels: Record<ManagedBy, string> = {
  province: '省管', city: '市管', county: '县管', township: '乡镇管', department: '部门管', village: '村管',
};
export const genderLabels = { male: '男', female: '女' } as const;
const yesNo = { true: '是', false: '否' } as const;

export type SheetField = 'name' | 'gender' | 'birthDate' | 'citizenId' | 'partyMember' | 'unitCode' | 'unitName' | 'post' | 'rank' | 'managedBy' | 'phone';
interface Column { field: SheetField; header: string; required: boolean; width: number; text?: boolean; exportOnly?: boolean }

export const columns: Column[] = [
  { field: 'name', header: '姓名', required: true, width: 12 },
  { field: 'gender', header: '性别', required: true, width: 8 },
  { field: 'birthDate', header: '出生日期', required: false, width: 12, text: true },
  { field: 'citizenId', header: '公民身份号码', required: false, width: 22, text: true },
  { field: 'partyMember', header: '是否党员', required: false, width: 10 },
  { field: 'unitCode', header: '所在单位编码', required: true, width: 16, text: true },
  // Export only: lets a reader see the unit without a lookup; import goes by the code.
  { field: 'unitName', header: '所在单位', required: false, width: 28, exportOnly: true },
  { field: 'post', header: '职务', required: false, width: 24 },
  { field: 'rank', header: '职级', required: true, width: 10 },
  { field: 'managedBy', header: '干部管理权限', required: true, width: 14 },
  { field: 'phone', header: '联系电话', required: false, width: 16, text: true },
];
export const headerOf = (field: SheetField): string => columns.find((c) => c.field === field)!.header;

const choices: Array<{ field: SheetField; labels: Record<string, string> }> = [
  { field: 'gender', labels: genderLabels }, { field: 'partyMember', labels: yesNo },
  { field: 'rank', labels: rankLabels }, { field: 'managedBy', labels: managedByLabels },
];

function headerText(c: Column): string {
  return c.required ? `${c.header}*` : c.header;
}

function addSheet(wb: ExcelJS.Workbook, cols: Column[]): Worksheet {
  const ws = wb.addWorksheet('干部信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: headerText(c), key: c.field, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** Template: header row, dropdowns for coded columns, the allowed values and the units one may use. */
export async function buildTemplate(units: Array<{ code: string; name: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cols = columns.filter((c) => !c.exportOnly);
  const ws = addSheet(wb, cols);
  // exceljs supports range validations at runtime but its typings omit the collection.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  for (const choice of choices) {
    const letter = ws.getColumn(choice.field).letter;
    validations.add(`${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`, {
      type: 'list', allowBlank: true, formulae: [`"${Object.values(choice.labels).join(',')}"`],
      showErrorMessage: true, errorTitle: '取值无效', error: '请从下拉列表中选择',
    });
  }
  const values = wb.addWorksheet('可选值');
  values.columns = [{ header: '字段', key: 'field', width: 16 }, { header: '可选值', key: 'label', width: 14 }, { header: '系统代码', key: 'code', width: 14 }];
  values.getRow(1).font = { bold: true };
  for (const choice of choices) {
    for (const [code, label] of Object.entries(choice.labels)) values.addRow({ field: headerOf(choice.field), label, code });
  }
  values.addRow({});
  values.addRow({ field: '说明', label: '带 * 的列必填；出生日期格式为 YYYY-MM-DD；填写公民身份号码时出生日期和性别须与之一致。' });
  const unitSheet = wb.addWorksheet('单位编码');
  unitSheet.columns = [{ header: '所在单位编码', key: 'code', width: 18, style: { numFmt: '@' } }, { header: '单位名称', key: 'name', width: 36 }];
  unitSheet.getRow(1).font = { bold: true };
  for (const u of units) unitSheet.addRow(u);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ExportRow {
  name: string; gender: 'male' | 'female'; birthDate: string | null; citizenId: string | null; partyMember: boolean;
  unitCode: string; unitName: string; post: string | null; rank: Rank; managedBy: ManagedBy; phone: string | null;
}

export async function buildExport(rows: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = addSheet(wb, columns);
  for (const r of rows) {
    ws.addRow({
      ...r, gender: genderLabels[r.gender], partyMember: yesNo[String(r.partyMember) as 'true' | 'false'],
      rank: rankLabels[r.rank], managedBy: managedByLabels[r.managedBy],
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Cell content as the user sees it; numbers typed into a text column come back as plain digits. */

export interface SheetRow { row: number; values: Partial<Record<SheetField, string>> }
export interface SheetIssue { row: number; field: SheetField; key: string; params?: Record<string, string | number> }


/**
 * Read the first worksheet: columns are matched by header text (order and extra columns do not matter),
 * blank rows are skipped. Unreadable content answers 415 like a non-zip upload.
 */
export async function readSheet(buffer: Buffer): Promise<{ rows: SheetRow[]; issues: SheetIssue[] }> {
  const ws = (await loadWorkbook(buffer)).worksheets[0];
  if (!ws) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }] });
  const readable = columns.filter((c) => !c.exportOnly);
  const { rows, missing } = readSheetRows(ws, readable.map((c) => ({ key: c.field, header: c.header, required: c.required })), MAX_IMPORT_ROWS);
  const issues: SheetIssue[] = missing.map((m) => readable.find((c) => c.field === m.key)!)
    .map((c) => ({ row: 1, field: c.field, key: 'field.missingColumn', params: { column: headerText(c) } }));
  return { rows: rows.map((r) => ({ row: r.row, values: r.v as SheetRow['values'] })), issues };
}


/** Chinese label (or the system code itself) → code; undefined when it is neither. */
export function codeFor<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const hit = (Object.entries(labels) as Array<[K, string]>).find(([code, label]) => label === text || code === text);
  return hit?.[0];
}

export function optionsOf(labels: Record<string, string>): string {
  return Object.values(labels).join('、');
}

export const labelSets = { gender: genderLabels, partyMember: yesNo, rank: rankLabels, managedBy: managedByLabels };
