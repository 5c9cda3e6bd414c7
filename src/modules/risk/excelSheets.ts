import ExcelJS from 'exceljs';
import { addHelpSheet, addTemplateSheet, readWorkbookSheets, type SheetColumn, type SheetRow } from '../../platform/excel/sheets';

/**
 * The trading-centre workbook (县公共资源交易中心 exports): four sheets 开标记录 / 中标公示 / 合同 / 支付, Chinese
 * headers, columns matched by header text (order and extra columns do not matter). The template and the reader
 * share this one definition.
 */
export const MAX_ROWS_PER_SHEET = 20_000;
export type SheetName = '开标记录' | '中标公示' | '合同' | '支付';
export type Col = SheetColumn;

export const CATEGORY: Record<string, 'works' | 'goods' | 'services'> = { 工程: 'works', 货物: 'goods', 服务: 'services' };
export const METHOD: Record<string, string> = { 公开招标: 'open', 邀请招标: 'selective', 竞争性谈判: 'limited', 竞争性磋商: 'limited', 询价: 'limited', 单一来源: 'direct', 直接发包: 'direct' };
export const BID_STATUS: Record<string, string> = { 有效: 'valid', 无效: 'disqualified', 废标: 'disqualified', 撤回: 'withdrawn' };
export const PAY_KIND: Record<string, string> = { 预付款: 'advance', 进度款: 'progress', 结算款: 'final', 质保金: 'retention' };

const project: Col[] = [
  { key: 'projectNo', header: '项目编号', required: true, width: 18, text: true },
  { key: 'title', header: '项目名称', width: 30 },
  { key: 'buyer', header: '采购人', width: 24 },
  { key: 'category', header: '采购类别', width: 10, choices: Object.keys(CATEGORY) },
  { key: 'method', header: '采购方式', width: 12, choices: Object.keys(METHOD) },
];

export const SHEETS: Record<SheetName, Col[]> = {
  开标记录: [
    ...project.map((c) => (c.key === 'title' || c.key === 'buyer' || c.key === 'category' ? { ...c, required: true } : c)),
    { key: 'ceiling', header: '最高限价(元)', width: 14 },
    { key: 'openedOn', header: '开标日期', required: true, width: 12, text: true },
    { key: 'lot', header: '标段编号', width: 10, text: true },
    { key: 'bidder', header: '投标人', required: true, width: 28 },
    { key: 'creditCode', header: '统一社会信用代码', width: 22, text: true },
    { key: 'amount', header: '投标报价(元)', required: true, width: 14 },
    { key: 'status', header: '投标状态', width: 10, choices: Object.keys(BID_STATUS) },
    { key: 'contactPerson', header: '联系人', width: 10 },
    { key: 'phone', header: '联系电话', width: 14, text: true },
    { key: 'email', header: '电子邮箱', width: 20 },
    { key: 'address', header: '地址', width: 28 },
    { key: 'legalRepresentative', header: '法定代表人', width: 10 },
    { key: 'projectManager', header: '项目经理', width: 10 },
    { key: 'bondAccount', header: '保证金缴纳账户', width: 22, text: true },
    { key: 'ip', header: 'IP地址', width: 16, text: true },
    { key: 'mac', header: 'MAC地址', width: 18, text: true },
    { key: 'caSerial', header: 'CA证书序列号', width: 20, text: true },
    { key: 'documentHash', header: '投标文件哈希', width: 30, text: true },
  ],
  中标公示: [
    ...project,
    { key: 'lot', header: '标段编号', width: 10, text: true },
    { key: 'supplier', header: '中标人', required: true, width: 28 },
    { key: 'creditCode', header: '统一社会信用代码', width: 22, text: true },
    { key: 'amount', header: '中标金额(元)', required: true, width: 14 },
    { key: 'date', header: '公示日期', required: true, width: 12, text: true },
  ],
  合同: [
    { key: 'projectNo', header: '项目编号', required: true, width: 18, text: true },
    { key: 'contractNo', header: '合同编号', required: true, width: 18, text: true },
    { key: 'supplier', header: '供应商', required: true, width: 28 },
    { key: 'amount', header: '合同金额(元)', required: true, width: 14 },
    { key: 'signedOn', header: '签订日期', required: true, width: 12, text: true },
    { key: 'amendedAmount', header: '变更后合同金额(元)', width: 16 },
    { key: 'amendedOn', header: '变更日期', width: 12, text: true },
    { key: 'amendReason', header: '变更原因', width: 24 },
  ],
  支付: [
    { key: 'contractNo', header: '合同编号', required: true, width: 18, text: true },
    { key: 'date', header: '支付日期', required: true, width: 12, text: true },
    { key: 'amount', header: '支付金额(元)', required: true, width: 14 },
    { key: 'kind', header: '支付类型', width: 10, choices: Object.keys(PAY_KIND) },
    { key: 'progress', header: '形象进度(%)', width: 12 },
  ],
};

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cols] of Object.entries(SHEETS)) addTemplateSheet(wb, name, cols, MAX_ROWS_PER_SHEET);
  addHelpSheet(wb, [
    '带 * 的列必填；日期格式 YYYY-MM-DD；金额单位为元。',
    '开标记录：每个投标人一行，同一项目的各行项目名称、采购人、采购类别须一致；有标段的填写标段编号。',
    '中标公示：每个中标结果一行；项目未出现在开标记录中（如直接发包）时须填写采购人和采购类别。',
    '合同：每份合同一行；合同有变更时，每次变更另起一行，重复合同编号并填写变更后合同金额和变更日期。',
    '支付：每笔支付一行，合同编号须在合同表中；形象进度填写支付时已完成的百分比（0–100）。',
    '导入时逐行校验，任何一行有错误则整份文件不导入，错误信息写明工作表、行号和列名。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type { SheetRow };
export interface SheetProblem { sheet: SheetName; row: number; column?: string; message: string }

/** Reads all four sheets (a missing sheet reads as empty; a missing required column is a problem on row 1). */
export const readWorkbook = (buffer: Buffer): Promise<{ sheets: Record<SheetName, SheetRow[]>; problems: SheetProblem[] }> =>
  readWorkbookSheets(buffer, SHEETS, MAX_ROWS_PER_SHEET);

export const headerOf = (sheet: SheetName, key: string): string => SHEETS[sheet].find((c) => c.key === key)?.header ?? key;
