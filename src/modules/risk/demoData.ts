import type * as O from './ocds/model';

/**
 * Generated procurement for a demo county, as normalised releases: ordinary competitive tenders (bids spread
 * around the ceiling, independent bidders), plus planted patterns so every family of hits has something to
 * show: a cartel of three firms sharing a phone and a bid-bond account, bidding within a hair of each other
 * and taking turns to win; a tender whose cover bids came from one machine (MAC, document hash); awards just
 * under the must-tender threshold; one buyer splitting a purchase; contracts amended far above the award;
 * a payment above the contract value and a prepayment of half. Deterministic for a seed; all names fictional.
 */
export interface DemoCompany { id: string; name: string; creditCode: string; legalRepresentative: string | null; address: string | null }
export interface DemoBuyer { name: string }

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗';
const WORKS = ['村道硬化工程', '农田水利灌溉工程', '小学教学楼维修工程', '便民服务中心改造工程', '污水管网工程', '河道治理工程', '人居环境整治工程'];
const GOODS = ['办公设备采购', '教学设备采购', '医疗器械采购', '路灯采购', '消防器材采购'];
const SERVICES = ['物业管理服务', '工程监理服务', '审计服务', '绿化养护服务', '保洁服务'];
const CAT: Array<['works' | 'goods' | 'services', string[], number]> = [['works', WORKS, 2_500_000], ['goods', GOODS, 900_000], ['services', SERVICES, 500_000]];

const round2 = (n: number) => Math.round(n * 100) / 100;
const day = (year: number, doy: number) => new Date(Date.UTC(year, 0, 1 + doy)).toISOString().slice(0, 10);
const money = (amount: number): O.Money => ({ amount: round2(amount), currency: 'CNY' });

export function demoReleases(countyCode: string, year: number, companies: DemoCompany[], buyers: DemoBuyer[], seed = 7): O.Release[] {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  // One contact person, legal representative and phone per company (so only planted sharing shows as shared).
  const personOf = (k: number, role: number) => `${SURNAMES[k % SURNAMES.length]}某${'甲乙丙丁戊己庚辛壬癸'[(Math.floor(k / SURNAMES.length) * 2 + role) % 10]}`;
  const phoneOf = (k: number) => `1380871${String(1000 + k * 37).padStart(4, '0')}`;
  const [c1, c2, c3, ...others] = companies;
  const cartel = [c1, c2, c3];
  const cartelPhone = '13808719999';
  const cartelBond = `6228${String(Math.floor(rand() * 1e15)).padStart(15, '0')}`;
  const releases: O.Release[] = [];
  let n = 0;

  const make = (category: 'works' | 'goods' | 'services', titles: string[], base: number, opts: { bidders: DemoCompany[]; amounts: number[]; winner: number; date: string; buyer: string; method?: string; shared?: Partial<O.SubmissionFingerprint> }) => {
    n += 1;
    const no = `${countyCode}-${year}-${String(n).padStart(3, '0')}`;
    const ocid = `ocds-lj-${countyCode}-${no}`;
    const party = (c: DemoCompany): O.Party => {
      const inCartel = cartel.includes(c);
      const k = companies.indexOf(c);
      return {
        id: c.creditCode, name: c.name, roles: ['tenderer'], identifierScheme: 'CN-USCC', identifierId: c.creditCode,
        address: c.address ? { streetAddress: c.address, locality: null, region: null, postalCode: null, countryName: null } : null,
        contactPoint: { name: personOf(k, 0), email: null, telephone: inCartel ? cartelPhone : phoneOf(k), faxNumber: null, url: null },
        legalRepresentative: personOf(k, 1), beneficialOwners: [], shareholders: [],
      };
    };
    const bids: O.Bid[] = opts.bidders.map((c, i) => ({
      id: `${no}-B${i + 1}`, status: 'valid', date: opts.date, value: money(opts.amounts[i]), tenderers: [{ id: c.creditCode, name: c.name }], relatedLots: [],
      projectManager: `${personOf(companies.indexOf(c), 2)}`,
      fingerprint: { machineCode: null, ip: `10.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}.${i + 2}`, mac: null, caSerial: `CA${Math.floor(rand() * 1e10)}`, caIssuedAt: null, uploadedAt: null, documentHash: null, documentAuthor: null, ...(i > 0 && i !== opts.winner ? opts.shared : {}) },
      bidSecurity: { payerAccount: cartel.includes(c) ? cartelBond : `6217${String(Math.floor(rand() * 1e15)).padStart(15, '0')}`, payerName: c.name, paidAt: opts.date },
      evaluations: [],
    }));
    const w = opts.bidders[opts.winner];
    const award: O.Award = {
      id: `${no}-A1`, status: 'active', date: opts.date, value: money(opts.amounts[opts.winner]), suppliers: [{ id: w.creditCode, name: w.name }], relatedLots: [],
      relatedBid: bids[opts.winner].id, items: [],
    };
    const r: O.Release = {
      ocid, id: `${no}-1`, date: opts.date, tag: ['compiled'], buyer: { id: opts.buyer, name: opts.buyer },
      tender: {
        id: no, title: `${opts.buyer.replace(/人民政府$/, '')}${pick(titles)}`, status: 'complete', procurementMethod: opts.method ?? 'open', procurementMethodDetails: null,
        mainProcurementCategory: category, awardCriteria: 'priceOnly', value: money(base), tenderPeriod: { startDate: null, endDate: opts.date }, numberOfTenderers: bids.length,
        tenderers: opts.bidders.map((c) => ({ id: c.creditCode, name: c.name })), procuringEntity: null, lots: [], items: [], evaluationCommittee: [],
      },
      bids, awards: [award], contracts: [],
      parties: [
        ...opts.bidders.map((c) => { const p = party(c); if (c === w) p.roles.push('supplier'); return p; }),
        { id: opts.buyer, name: opts.buyer, roles: ['buyer'], identifierScheme: null, identifierId: null, address: null, contactPoint: null, legalRepresentative: null, beneficialOwners: [], shareholders: [] },
      ],
    };
    releases.push(r);
    return r;
  };
  const contract = (r: O.Release, amount: number, signed: string, extra: Partial<O.Contract> = {}): O.Contract => {
    const c: O.Contract = { id: `${r.tender!.id}-C1`, awardID: r.awards[0].id, status: 'active', dateSigned: signed, value: money(amount), period: null, items: [], amendments: [], payments: [], milestones: [], ...extra };
    r.contracts.push(c);
    return c;
  };

  // Ordinary tenders: 4–7 independent bidders, 85–100% of the ceiling, the lowest wins.
  for (const [category, titles, scale] of CAT) {
    for (let i = 0; i < (category === 'works' ? 40 : 24); i++) {
      const base = scale * (0.5 + rand());
      const bidders = [...others].sort(() => rand() - 0.5).slice(0, 4 + Math.floor(rand() * 4));
      const amounts = bidders.map(() => base * (0.85 + rand() * 0.15));
      const winner = amounts.indexOf(Math.min(...amounts));
      const date = day(year, Math.floor(rand() * 300));
      const r = make(category, titles, base, { bidders, amounts, winner, date, buyer: pick(buyers).name });
      const c = contract(r, amounts[winner], day(year, Math.floor(rand() * 10) + 300));
      c.payments.push({ id: `${c.id}-P1`, date: day(year, 320), value: money(amounts[winner] * 0.2), payer: null, payee: null, kind: 'advance' });
    }
  }
  // The cartel: 8 works tenders, its three members (plus one outsider) bid within 0.3% of each other and win in turn.
  for (let i = 0; i < 8; i++) {
    const base = 3_000_000 * (0.8 + rand() * 0.4);
    const bidders = [c1, c2, c3, others[i % others.length]];
    const top = base * 0.985;
    const amounts = [top * (1 - 0.001 * ((i + 0) % 3)), top * (1 - 0.001 * ((i + 1) % 3)), top * (1 - 0.001 * ((i + 2) % 3)), top * 1.004];
    make('works', WORKS, base, { bidders, amounts, winner: amounts.indexOf(Math.min(...amounts)), date: day(year, 20 + i * 30), buyer: buyers[i % Math.min(buyers.length, 3)].name });
  }
  // Cover bids from one machine.
  const cover = [...others].slice(3, 8);
  make('works', WORKS, 1_800_000, { bidders: cover, amounts: [1_650_000, 1_700_000, 1_720_000, 1_740_000, 1_760_000], winner: 0, date: day(year, 150), buyer: buyers[0].name,
    shared: { mac: '3C-7D-0A-11-22-33', documentHash: 'sha256:9f2c1d7a5b3e4f60', documentAuthor: 'admin' } });
  // Awards just under the works threshold (400万), non-competitive, one buyer to one supplier: bunching and splitting.
  const splitBuyer = buyers[buyers.length - 1].name;
  for (let i = 0; i < 6; i++) {
    const amount = 3_850_000 + rand() * 140_000;
    make('works', WORKS, amount, { bidders: [others[0]], amounts: [amount], winner: 0, date: day(year, 100 + i * 7), buyer: splitBuyer, method: 'direct' });
  }
  // Post-award change and payment problems on three ordinary-looking tenders.
  const late = releases.slice(0, 3);
  const [a, b, c] = late;
  const ca = contract(a, a.awards[0].value!.amount!, day(year, 302));
  a.contracts = [ca];
  ca.amendments.push({ id: `${ca.id}-M1`, date: day(year, 340), description: '增加工程量', rationale: '设计变更', value: money(ca.value!.amount! * 1.35) });
  const cb = b.contracts[0];
  cb.payments = [{ id: `${cb.id}-P1`, date: day(year, 330), value: money(cb.value!.amount! * 1.12), payer: null, payee: null, kind: 'final' }];
  const cc = c.contracts[0];
  cc.payments = [{ id: `${cc.id}-P1`, date: day(year, 311), value: money(cc.value!.amount! * 0.5), payer: null, payee: null, kind: 'advance' }];
  cc.milestones = [{ id: `${cc.id}-S1`, title: '形象进度', type: 'delivery', status: 'met', dueDate: null, dateMet: day(year, 311), description: '5.00%', progress: 0.05 }];
  return releases;
}
