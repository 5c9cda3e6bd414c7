import ExcelJS, { type CellValue, type DataValidation, type Worksheet } from 'exceljs';
import { AppError } from '../errors';

/**
 * Workbooks the offices fill in: one definition of a sheet's columns (Chinese headers) serves the downloadable
 * template and the reader. Columns are matched by header text, so their order and any extra columns do not
 * matter; a required header carries a `*` in the template and may carry one when read back.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  key: string;
  header: string;
  required?: boolean;
  width?: number;
  /** Stored as text (codes, dates, numbers with leading zeros): the template formats the column as text. */
  text?: boolean;
  /** A drop-down list in the template (the reader still checks the value). */
  choices?: readonly string[];
}

export interface SheetRow { row: number; v: Record<string, string> }

const YES_NO = { true: '是', false: '否' } as const;

/** A cell as the text a person sees in it (dates as YYYY-MM-DD, formulas by their result, rich text joined). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10); // exceljs reads date cells as UTC midnight
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText((v.result ?? null) as CellValue);
    if ('error' in v) return '';
  }
  if (typeof v === 'boolean') return v ? YES_NO.true : YES_NO.false;
  return String(v).trim();
}

/** A header as written by hand: the required mark and spaces do not count. */
export const normalizeHeader = (h: string): string => h.replace(/[*＊\s]/g, '');

/** A template sheet: bold frozen headers (required ones marked `*`), text columns as text, drop-downs for choices. */
export function addTemplateSheet(wb: ExcelJS.Workbook, name: string, cols: readonly SheetColumn[], maxRows: number): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width ?? 14, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  ws.getRow(1).font = { bold: true };
  // exceljs supports range validations at runtime but its typings omit the collection.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  for (const c of cols.filter((x) => x.choices)) {
    const letter = ws.getColumn(c.key).letter;
    validations.add(`${letter}2:${letter}${maxRows + 1}`, {
      type: 'list', allowBlank: true, formulae: [`"${c.choices!.join(',')}"`], showErrorMessage: true, errorTitle: '取值无效', error: '请从下拉列表中选择',
    });
  }
  return ws;
}

/** The template's 说明 sheet: one instruction per line. */
export function addHelpSheet(wb: ExcelJS.Workbook, lines: readonly string[], width = 110): void {
  const help = wb.addWorksheet('说明');
  help.columns = [{ header: '说明', key: 'text', width }];
  for (const text of lines) help.addRow({ text });
}

/** An uploaded file as a workbook; anything that is not an .xlsx is refused on the file field. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as never);
  } catch (err) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', key: 'field.notXlsx' }], cause: err });
  }
  return wb;
}

/**
 * A sheet's rows as text by column key (blank rows skipped, row numbers as Excel shows them), and the required
 * columns its header row lacks. More than `maxRows` rows is refused as too large.
 */
export function readSheetRows(ws: Worksheet, cols: readonly SheetColumn[], maxRows: number): { rows: SheetRow[]; missing: SheetColumn[] } {
  const byHeader = new Map(cols.map((c) => [normalizeHeader(c.header), c]));
  const positions = new Map<number, SheetColumn>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = byHeader.get(normalizeHeader(cellText(cell.value)));
    if (c) positions.set(col, c);
  });
  const present = new Set([...positions.values()].map((c) => c.key));
  const rows: SheetRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const v: Record<string, string> = {};
    for (const [col, c] of positions) {
      const text = cellText(row.getCell(col).value);
      if (text) v[c.key] = text;
    }
    if (Object.keys(v).length === 0) return;
    rows.push({ row: rowNumber, v });
    if (rows.length > maxRows) throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxRows } });
  });
  return { rows, missing: cols.filter((c) => c.required && !present.has(c.key)) };
}

/**
 * Every sheet of a workbook by its name (a missing sheet reads as empty); each required column a sheet's header
 * row lacks is a problem on row 1 naming the sheet and the column.
 */
export async function readWorkbookSheets<N extends string>(buffer: Buffer, sheets: Record<N, readonly SheetColumn[]>, maxRows: number) {
  const wb = await loadWorkbook(buffer);
  const problems: Array<{ sheet: N; row: number; column?: string; message: string }> = [];
  const out = {} as Record<N, SheetRow[]>;
  for (const name of Object.keys(sheets) as N[]) {
    out[name] = [];
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const { rows, missing } = readSheetRows(ws, sheets[name], maxRows);
    for (const c of missing) problems.push({ sheet: name, row: 1, column: c.header, message: '缺少必填列' });
    out[name] = rows;
  }
  return { sheets: out, problems };
}

export const headerOf = (cols: readonly SheetColumn[], key: string): string => cols.find((c) => c.key === key)?.header ?? key;

/** '2026/1/5', '2026.01.05', '2026年1月5日', '20260105' → '2026-01-05'; anything else is left for validation to reject. */
export function normalizeDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}
