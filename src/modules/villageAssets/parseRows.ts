import { isIsoDate } from '../../platform/calendar/dates';
import { normalizeDate } from '../../platform/excel/sheets';
import type { AreaUnit, AwardMethod, Direction, FundCategory, ObjectType, PaymentMethod } from './db';
import { headerOf, type SheetName, type SheetProblem, type SheetRow } from './sheets';
import { areaUnitWords, awardMethodWords, codeOf, decisionMeetings, directionWords, fundCategoryWords, objectTypeWords, paymentMethodWords } from './words';

/**
 * The three sheets → ledger rows, validated row by row. Any problem means nothing is imported: the caller gets
 * every problem (sheet, row, column, Chinese message), capped at 200. Dates may not lie after `today`.
 */
const MAX_PROBLEMS = 200;
export interface Decision { decisionDate: string | null; decisionMeeting: string | null }
export interface EntryRow extends Decision {
  row: number; date: string; voucherNo: string; direction: Direction; amount: number; counterparty: string; paymentMethod: PaymentMethod; category: FundCategory;
  summary: string | null; handledBy: string | null; approvedBy: string | null; published: boolean;
}
export interface ContractRow extends Decision {
  row: number; contractNo: string; objectType: ObjectType; objectName: string; area: number; areaUnit: AreaUnit; counterparty: string; startOn: string; endOn: string;
  annualRent: number; awardMethod: AwardMethod;
}
export interface DisposalRow extends Decision { row: number; assetName: string; disposedOn: string; appraisedValue: number; salePrice: number; buyer: string; method: AwardMethod }
export interface ParsedLedger { entries: EntryRow[]; contracts: ContractRow[]; disposals: DisposalRow[] }

class Checker {
  problems: SheetProblem[] = [];
  constructor(private sheet: SheetName, private r: SheetRow, private today: string) {}
  fail(key: string, message: string) { this.problems.push({ sheet: this.sheet, row: this.r.row, column: headerOf(this.sheet, key), message }); }
  text(key: string, required = false, max = 200): string | null {
    const v = this.r.v[key]?.trim();
    if (!v) { if (required) this.fail(key, '不能为空'); return null; }
    if (v.length > max) { this.fail(key, `不能超过 ${max} 个字`); return null; }
    return v;
  }
  amount(key: string, required = false, positive = true): number | null {
    const s = this.text(key, required, 40);
    if (s === null) return null;
    const n = Number(s.replace(/[,，\s]/g, '').replace(/元$/, ''));
    if (!Number.isFinite(n) || n < 0 || (positive && n === 0) || n >= 1e12) { this.fail(key, `“${s}”不是有效金额${positive ? '（应大于 0）' : ''}`); return null; }
    return Math.round(n * 100) / 100;
  }
  date(key: string, required = false): string | null {
    const s = this.text(key, required, 40);
    if (s === null) return null;
    const d = normalizeDate(s);
    if (!isIsoDate(d)) { this.fail(key, `“${s}”不是有效日期（YYYY-MM-DD）`); return null; }
    if (d > this.today) { this.fail(key, `${d} 晚于今天`); return null; }
    return d;
  }
  choice<K extends string>(key: string, map: Record<string, K>, required = false): K | null {
    const s = this.text(key, required, 40);
    if (s === null) return null;
    if (!(s in map)) { this.fail(key, `“${s}”不是可选值（${Object.keys(map).join('、')}）`); return null; }
    return map[s];
  }
  decision(): Decision {
    const decisionDate = this.date('decisionDate');
    const meeting = this.text('decisionMeeting', false, 20);
    if (meeting && !(decisionMeetings as readonly string[]).includes(meeting)) this.fail('decisionMeeting', `“${meeting}”不是可选值（${decisionMeetings.join('、')}）`);
    if (meeting && !decisionDate && !this.r.v.decisionDate) this.fail('decisionDate', '填写决策会议类型时必须填写决策日期');
    return { decisionDate, decisionMeeting: meeting };
  }
}

export function parseLedger(sheets: Record<SheetName, SheetRow[]>, today: string): { ledger: ParsedLedger; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const ledger: ParsedLedger = { entries: [], contracts: [], disposals: [] };
  const run = <T>(sheet: SheetName, read: (c: Checker, r: SheetRow) => T | null, into: T[]) => {
    for (const r of sheets[sheet]) {
      const c = new Checker(sheet, r, today);
      const out = read(c, r);
      problems.push(...c.problems);
      if (!c.problems.length && out) into.push(out);
    }
  };
  run('资金收支', (c, r) => {
    const x = {
      row: r.row, date: c.date('date', true), voucherNo: c.text('voucherNo', true, 40), direction: c.choice('direction', codeOf(directionWords), true),
      amount: c.amount('amount', true), counterparty: c.text('counterparty', true), paymentMethod: c.choice('paymentMethod', codeOf(paymentMethodWords), true),
      category: c.choice('category', codeOf(fundCategoryWords), true), summary: c.text('summary', false, 500), handledBy: c.text('handledBy', false, 40),
      approvedBy: c.text('approvedBy', false, 40), ...c.decision(), published: c.choice('published', { 是: 'yes', 否: 'no' }) === 'yes',
    };
    return x.date && x.voucherNo && x.direction && x.amount !== null && x.counterparty && x.paymentMethod && x.category ? { ...x, date: x.date, voucherNo: x.voucherNo,
      direction: x.direction, amount: x.amount, counterparty: x.counterparty, paymentMethod: x.paymentMethod, category: x.category } : null;
  }, ledger.entries);
  const contractNos = new Map<string, number>();
  run('合同', (c, r) => {
    const x = {
      row: r.row, contractNo: c.text('contractNo', true, 60), objectType: c.choice('objectType', codeOf(objectTypeWords), true), objectName: c.text('objectName', true),
      area: c.amount('area', true), areaUnit: c.choice('areaUnit', codeOf(areaUnitWords), true), counterparty: c.text('counterparty', true),
      startOn: c.date('startOn', true), endOn: c.text('endOn', true, 40), annualRent: c.amount('annualRent', true, false), awardMethod: c.choice('awardMethod', codeOf(awardMethodWords), true),
      ...c.decision(),
    };
    // The end date may lie in the future (a running contract); it must follow the start.
    const end = x.endOn ? normalizeDate(x.endOn) : null;
    if (x.endOn && !isIsoDate(end!)) c.fail('endOn', `“${x.endOn}”不是有效日期（YYYY-MM-DD）`);
    else if (end && x.startOn && end <= x.startOn) c.fail('endOn', `截止日期应晚于起始日期（${x.startOn}）`);
    if (x.contractNo && contractNos.has(x.contractNo)) c.fail('contractNo', `与第 ${contractNos.get(x.contractNo)} 行的合同编号重复`);
    if (x.contractNo) contractNos.set(x.contractNo, r.row);
    return x.contractNo && x.objectType && x.objectName && x.area !== null && x.areaUnit && x.counterparty && x.startOn && end && x.annualRent !== null && x.awardMethod
      ? { ...x, contractNo: x.contractNo, objectType: x.objectType, objectName: x.objectName, area: x.area, areaUnit: x.areaUnit, counterparty: x.counterparty,
        startOn: x.startOn, endOn: end, annualRent: x.annualRent, awardMethod: x.awardMethod } : null;
  }, ledger.contracts);
  run('资产处置', (c, r) => {
    const x = {
      row: r.row, assetName: c.text('assetName', true), disposedOn: c.date('disposedOn', true), appraisedValue: c.amount('appraisedValue', true),
      salePrice: c.amount('salePrice', true, false), buyer: c.text('buyer', true), method: c.choice('method', codeOf(awardMethodWords), true), ...c.decision(),
    };
    return x.assetName && x.disposedOn && x.appraisedValue !== null && x.salePrice !== null && x.buyer && x.method
      ? { ...x, assetName: x.assetName, disposedOn: x.disposedOn, appraisedValue: x.appraisedValue, salePrice: x.salePrice, buyer: x.buyer, method: x.method } : null;
  }, ledger.disposals);
  return { ledger, problems: problems.slice(0, MAX_PROBLEMS) };
}
