/**
 * Deterministic synthetic OCDS compiled releases with the shapes of a county trading centre's data:
 * open/selective/direct procedures, tender periods, 1–8 bids with some disqualified, an active award to
 * the lowest valid bid (usually), a contract with payments and a progress milestone. Used by the CLI test
 * and the bench; never real data.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32: small, fast, reproducible across runs and machines.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ['open', 'open', 'open', 'selective', 'direct'];
const CPV = ['45000000', '45200000', '44100000', '33100000', '30200000', '71300000', '90900000', '39100000'];
const DAY = 86_400_000;

export function syntheticRelease(i: number, rand: () => number): Record<string, unknown> {
  const ocid = `ocds-lj0001-${String(i).padStart(8, '0')}`;
  const method = METHODS[Math.floor(rand() * METHODS.length)];
  const start = Date.UTC(2025, 0, 1) + Math.floor(rand() * 600) * DAY;
  const days = method === 'direct' ? 3 : 5 + Math.floor(rand() * 30);
  const end = start + days * DAY;
  const base = Math.round(50_000 + rand() * 5_000_000);
  const nBids = method === 'direct' ? 1 : 1 + Math.floor(rand() * 8);
  const buyer = `CN-B${Math.floor(rand() * 400)}`;
  const bids = [];
  for (let b = 0; b < nBids; b++) {
    const r = rand();
    const status = r < 0.08 ? 'disqualified' : r < 0.1 ? 'withdrawn' : 'valid';
    bids.push({
      id: `${ocid}-bid-${b}`, status, date: new Date(end - Math.floor(rand() * 3 * DAY) + (rand() < 0.01 ? 2 * DAY : 0)).toISOString(),
      tenderers: [{ id: `CN-T${Math.floor(rand() * 20_000)}`, name: '某某建设有限公司' }],
      value: { amount: Math.round(base * (0.85 + rand() * 0.3)), currency: 'CNY' },
    });
  }
  const valid = bids.filter((b) => b.status === 'valid').sort((a, b) => a.value.amount - b.value.amount);
  const winner = valid.length ? (rand() < 0.9 ? valid[0] : valid[valid.length - 1]) : null;
  const supplier = winner?.tenderers[0];
  const cpv = CPV[Math.floor(rand() * CPV.length)];
  const items = [{ id: '1', description: '工程施工', classification: { scheme: 'CPV', id: cpv }, quantity: 1 }];
  const awardStatus = rand() < 0.95 ? 'active' : 'pending';
  const amount = winner?.value.amount ?? base;
  const paidShare = rand() < 0.05 ? 1.1 : rand();
  return {
    ocid, id: `${ocid}-1`, date: new Date(end).toISOString(), tag: ['compiled'], initiationType: 'tender',
    buyer: { id: buyer, name: '某县住房和城乡建设局' },
    tender: {
      id: `${ocid}-t`, title: '道路维修工程', status: rand() < 0.02 ? 'cancelled' : 'complete', procurementMethod: method,
      procurementMethodDetails: method === 'open' ? '公开招标' : method === 'selective' ? '邀请招标' : '直接发包',
      mainProcurementCategory: 'works', value: { amount: Math.round(base * 1.05), currency: 'CNY' },
      tenderPeriod: { startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() },
      numberOfTenderers: nBids, procuringEntity: { id: buyer, name: '某县住房和城乡建设局' }, items,
    },
    bids: { details: bids },
    awards: supplier ? [{ id: `${ocid}-a`, status: awardStatus, date: new Date(end + 5 * DAY).toISOString(), value: { amount, currency: 'CNY' }, suppliers: [supplier], items }] : [],
    contracts: supplier ? [{
      id: `${ocid}-c`, awardID: `${ocid}-a`, status: 'active', dateSigned: new Date(end + 10 * DAY).toISOString(), value: { amount, currency: 'CNY' },
      implementation: {
        transactions: [{ id: '1', date: new Date(end + 40 * DAY).toISOString(), value: { amount: Math.round(amount * paidShare), currency: 'CNY' } }],
        milestones: [{ id: 'm1', type: 'delivery', status: 'partiallyMet', description: `${(rand() * 100).toFixed(2)}%` }],
      },
    }] : [],
  };
}

/** `n` JSON lines (with a trailing newline each), starting at release `from`. */
export function syntheticLines(n: number, seed = 1, from = 0): string {
  const rand = rng(seed);
  let out = '';
  for (let i = from; i < from + n; i++) out += `${JSON.stringify(syntheticRelease(i, rand))}\n`;
  return out;
}
