import { validateCreditCode } from '../../platform/identifiers';
import { normalizeDate } from '../../platform/excel/sheets';
import type * as O from './ocds/model';
import { BID_STATUS, CATEGORY, headerOf, METHOD, PAY_KIND, type SheetName, type SheetProblem, type SheetRow } from './excelSheets';

/**
 * The four sheets → normalised releases (one per 项目编号), validated row by row. Any problem means nothing
 * is imported: the caller gets every problem (sheet, row, column, Chinese message), capped at 200.
 * Ids: ocid `ocds-lj-<county>-<项目编号>`; a bidder is its credit code when given, else its name; bids, awards
 * and payments are numbered by their sheet row so every hit's evidence points back at a row of the file.
 */
const MAX_PROBLEMS = 200;
const emptyMoney = (amount: number | null): O.Money | null => (amount === null ? null : { amount, currency: 'CNY' });

class Checker {
  problems: SheetProblem[] = [];
  constructor(private sheet: SheetName, private r: SheetRow) {}
  fail(key: string, message: string) {
    this.problems.push({ sheet: this.sheet, row: this.r.row, column: headerOf(this.sheet, key), message });
  }
  text(key: string, required = false, max = 200): string | null {
    const v = this.r.v[key]?.trim();
    if (!v) { if (required) this.fail(key, '不能为空'); return null; }
    if (v.length > max) { this.fail(key, `不能超过 ${max} 个字`); return null; }
    return v;
  }
  amount(key: string, required = false): number | null {
    const s = this.text(key, required, 40);
    if (s === null) return null;
    const n = Number(s.replace(/[,，\s]/g, '').replace(/元$/, ''));
    if (!Number.isFinite(n) || n < 0 || n >= 1e13) { this.fail(key, `“${s}”不是有效金额（元）`); return null; }
    return Math.round(n * 100) / 100;
  }
  date(key: string, required = false): string | null {
    const s = this.text(key, required, 40);
    if (s === null) return null;
    const d = normalizeDate(s);
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
    if (!ok) { this.fail(key, `“${s}”不是有效日期（YYYY-MM-DD）`); return null; }
    return d;
  }
  choice(key: string, map: Record<string, string>, required = false): string | null {
    const s = this.text(key, required, 40);
    if (s === null) return null;
    if (!(s in map)) { this.fail(key, `“${s}”不是可选值（${Object.keys(map).join('、')}）`); return null; }
    return map[s];
  }
  credit(key: string): string | null {
    const s = this.text(key, false, 40);
    if (s === null) return null;
    const r = validateCreditCode(s);
    if (!r.ok) { this.fail(key, `“${s}”不是有效的统一社会信用代码`); return null; }
    return r.normalized;
  }
}

interface Proc { release: O.Release; category: string | null }

export function releasesFromSheets(countyCode: string, sheets: Record<SheetName, SheetRow[]>): { releases: O.Release[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const procs = new Map<string, Proc>();
  const check = (sheet: SheetName, r: SheetRow) => new Checker(sheet, r);
  const done = (c: Checker) => problems.push(...c.problems);
  const partyOf = (r: O.Release, id: string, name: string, role: string): O.Party => {
    let p = r.parties.find((x) => x.id === id);
    if (!p) {
      p = { id, name, roles: [], identifierScheme: null, identifierId: null, address: null, contactPoint: null, legalRepresentative: null, beneficialOwners: [], shareholders: [] };
      r.parties.push(p);
    }
    if (!p.roles.includes(role)) p.roles.push(role);
    return p;
  };
  const newProc = (no: string, title: string | null, buyer: string, category: string, method: string | null, date: string | null): Proc => {
    const release: O.Release = {
      ocid: `ocds-lj-${countyCode}-${no}`, id: `${no}-excel`, date, tag: ['compiled'], buyer: { id: buyer, name: buyer },
      tender: {
        id: no, title, status: 'complete', procurementMethod: method, procurementMethodDetails: null, mainProcurementCategory: category, awardCriteria: null,
        value: null, tenderPeriod: date ? { startDate: null, endDate: date } : null, numberOfTenderers: null, tenderers: [], procuringEntity: null, lots: [], items: [], evaluationCommittee: [],
      },
      bids: [], awards: [], contracts: [], parties: [],
    };
    partyOf(release, buyer, buyer, 'buyer');
    return { release, category };
  };

  for (const row of sheets['开标记录']) {
    const c = check('开标记录', row);
    const no = c.text('projectNo', true, 60);
    const title = c.text('title', true);
    const buyer = c.text('buyer', true);
    const category = c.choice('category', CATEGORY, true);
    const method = c.choice('method', METHOD);
    const ceiling = c.amount('ceiling');
    const openedOn = c.date('openedOn', true);
    const lot = c.text('lot', false, 40);
    const bidder = c.text('bidder', true);
    const credit = c.credit('creditCode');
    const amount = c.amount('amount', true);
    const status = c.choice('status', BID_STATUS) ?? 'valid';
    if (no && buyer && category && procs.has(no)) {
      const p = procs.get(no)!;
      if (p.release.buyer?.name !== buyer) c.fail('buyer', `与同一项目第一行的采购人“${p.release.buyer?.name}”不一致`);
      if (p.category !== category) c.fail('category', '与同一项目第一行的采购类别不一致');
    }
    done(c);
    if (c.problems.length || !no || !buyer || !category || !bidder || amount === null) continue;
    const p = procs.get(no) ?? newProc(no, title, buyer, category, method ?? 'open', openedOn);
    procs.set(no, p);
    const r = p.release;
    if (ceiling !== null && !lot) r.tender!.value = emptyMoney(ceiling);
    if (lot && !r.tender!.lots.some((l) => l.id === lot)) r.tender!.lots.push({ id: lot, title: null, status: null, value: emptyMoney(ceiling) });
    const id = credit ?? bidder;
    const party = partyOf(r, id, bidder, 'tenderer');
    if (credit) { party.identifierScheme = 'CN-USCC'; party.identifierId = credit; }
    const v = row.v;
    if (v.contactPerson || v.phone || v.email) party.contactPoint = { name: v.contactPerson ?? null, email: v.email ?? null, telephone: v.phone ?? null, faxNumber: null, url: null };
    if (v.address) party.address = { streetAddress: v.address, locality: null, region: null, postalCode: null, countryName: null };
    if (v.legalRepresentative) party.legalRepresentative = v.legalRepresentative;
    r.tender!.tenderers.push({ id, name: bidder });
    const hasFp = v.ip || v.mac || v.caSerial || v.documentHash;
    r.bids.push({
      id: `${no}-B${row.row}`, status, date: openedOn, value: emptyMoney(amount), tenderers: [{ id, name: bidder }], relatedLots: lot ? [lot] : [],
      projectManager: v.projectManager ?? null,
      fingerprint: hasFp ? { machineCode: null, ip: v.ip ?? null, mac: v.mac ?? null, caSerial: v.caSerial ?? null, caIssuedAt: null, uploadedAt: null, documentHash: v.documentHash ?? null, documentAuthor: null } : null,
      bidSecurity: v.bondAccount ? { payerAccount: v.bondAccount, payerName: bidder, paidAt: null } : null, evaluations: [],
    });
  }
  for (const p of procs.values()) p.release.tender!.numberOfTenderers = new Set(p.release.bids.map((b) => b.tenderers[0]?.id)).size;

  for (const row of sheets['中标公示']) {
    const c = check('中标公示', row);
    const no = c.text('projectNo', true, 60);
    const supplier = c.text('supplier', true);
    const credit = c.credit('creditCode');
    const amount = c.amount('amount', true);
    const date = c.date('date', true);
    const lot = c.text('lot', false, 40);
    let p = no ? procs.get(no) : undefined;
    if (no && !p) {
      const buyer = c.text('buyer', true);
      const category = c.choice('category', CATEGORY, true);
      const method = c.choice('method', METHOD) ?? 'direct';
      if (buyer && category && !c.problems.length) { p = newProc(no, c.text('title'), buyer, category, method, date); procs.set(no, p); }
    }
    done(c);
    if (c.problems.length || !p || !supplier || amount === null) continue;
    const r = p.release;
    const id = credit ?? r.parties.find((x) => x.name === supplier && x.roles.includes('tenderer'))?.id ?? supplier;
    partyOf(r, id, supplier, 'supplier');
    const bid = r.bids.find((b) => b.tenderers[0]?.id === id && (!lot || b.relatedLots.includes(lot)));
    r.awards.push({
      id: `${no}-A${row.row}`, status: 'active', date, value: emptyMoney(amount), suppliers: [{ id, name: supplier }], relatedLots: lot ? [lot] : [],
      relatedBid: bid?.id ?? null, items: [],
    });
  }

  const contracts = new Map<string, O.Contract>();
  for (const row of sheets['合同']) {
    const c = check('合同', row);
    const no = c.text('projectNo', true, 60);
    const contractNo = c.text('contractNo', true, 60);
    const supplier = c.text('supplier', true);
    const amount = c.amount('amount', true);
    const signedOn = c.date('signedOn', true);
    const amended = c.amount('amendedAmount');
    const amendedOn = c.date('amendedOn');
    if (amended !== null && !amendedOn) c.fail('amendedOn', '填写变更后合同金额时必须填写变更日期');
    const p = no ? procs.get(no) : undefined;
    if (no && !p) c.fail('projectNo', `项目编号“${no}”在开标记录和中标公示中都不存在`);
    const existing = contractNo ? contracts.get(contractNo) : undefined;
    if (existing && amended === null) c.fail('amendedAmount', `合同编号“${contractNo}”重复；重复的行用于登记变更，须填写变更后合同金额`);
    done(c);
    if (c.problems.length || !p || !contractNo || amount === null) continue;
    let contract = existing;
    if (!contract) {
      const award = p.release.awards.find((a) => a.suppliers.some((s) => s.name === supplier)) ?? p.release.awards[0];
      contract = {
        id: contractNo, awardID: award?.id ?? null, status: 'active', dateSigned: signedOn, value: emptyMoney(amount), period: null, items: [], amendments: [], payments: [], milestones: [],
      };
      contracts.set(contractNo, contract);
      p.release.contracts.push(contract);
    }
    if (amended !== null) contract.amendments.push({ id: `${contractNo}-M${row.row}`, date: amendedOn, description: row.v.amendReason ?? null, rationale: row.v.amendReason ?? null, value: emptyMoney(amended) });
  }

  for (const row of sheets['支付']) {
    const c = check('支付', row);
    const contractNo = c.text('contractNo', true, 60);
    const date = c.date('date', true);
    const amount = c.amount('amount', true);
    const kind = c.choice('kind', PAY_KIND);
    const progress = c.amount('progress');
    if (progress !== null && progress > 100) c.fail('progress', '形象进度应在 0–100 之间');
    const contract = contractNo ? contracts.get(contractNo) : undefined;
    if (contractNo && !contract) c.fail('contractNo', `合同编号“${contractNo}”在合同表中不存在`);
    done(c);
    if (c.problems.length || !contract || amount === null || !date) continue;
    contract.payments.push({ id: `${contractNo}-P${row.row}`, date, value: emptyMoney(amount), payer: null, payee: null, kind: kind ?? 'progress' });
    if (progress !== null) {
      contract.milestones.push({ id: `${contractNo}-S${row.row}`, title: '形象进度', type: 'delivery', status: 'met', dueDate: null, dateMet: date, description: `${progress.toFixed(2)}%`, progress: progress / 100 });
    }
  }
  return { releases: [...procs.values()].map((p) => p.release), problems: problems.slice(0, MAX_PROBLEMS) };
}
