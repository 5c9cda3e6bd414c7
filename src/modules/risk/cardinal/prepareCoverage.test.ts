import { describe, expect, it } from 'vitest';
import { Coverage } from './coverage';
import { issueCsv, prepareRelease } from './prepare';
import { parseSettings } from './settings';

describe('prepare', () => {
  it('re-maps codelists, fills defaults and reports what it cannot fix', () => {
    const s = parseSettings('[codelists.bid_status]\nqualified = valid\n[defaults]\ncurrency = AMD\naward_status = active\nitem_classification_scheme = CPV');
    const raw: Record<string, unknown> = {
      ocid: 'o', buyer: { id: 7 },
      bids: { details: [
        { id: 1, status: 'qualified', tenderers: { id: 3 }, value: { amount: 10 } },
        { id: 2, status: 'odd', tenderers: [{ id: 'T' }], value: { amount: 0, currency: 'AMD' } },
        { id: 3, tenderers: [{ id: 'U' }] },
      ] },
      awards: [{ id: 'a', suppliers: [{ id: 'T' }], items: [{ id: 'i', classification: { id: '4500' } }] }],
    };
    const issues = prepareRelease(raw, 12, s);
    const bids = (raw.bids as { details: Record<string, unknown>[] }).details;
    expect(bids[0]).toEqual({ id: '1', status: 'valid', tenderers: [{ id: '3' }], value: { amount: 10, currency: 'AMD' } });
    expect((raw.awards as Record<string, unknown>[])[0]).toMatchObject({ status: 'active', items: [{ classification: { id: '4500', scheme: 'CPV' } }] });
    expect(raw.buyer).toEqual({ id: '7' });
    expect(issues.map((i) => [i.path, i.indexes, i.value, i.error])).toEqual([
      ['/bids/details[]/status', '1', 'odd', 'invalid'],
      ['/bids/details[]/value/amount', '1', '0', 'is zero'],
      ['/bids/details[]/status', '2', '', 'not set'],
      ['/bids/details[]/value/amount', '2', '', 'not set'],
    ]);
    expect(issueCsv({ ...issues[0], value: 'a,"b"' })).toBe('12,o,/bids/details[]/status,1,"a,""b""",invalid');
  });

  it('corrects award status from cancelled contracts, redacts amounts, prefixes ids, fills party roles', () => {
    const s = parseSettings('[corrections]\naward_status_by_contract_status = true\n[redactions]\namount = 0|99999999\n' +
      '[modifications]\nprefix_tenderer_or_supplier_id = T-\n[defaults]\nparty_roles = true');
    const raw: Record<string, unknown> = {
      ocid: 'o', parties: [{ id: 'T-S' }],
      bids: { details: [{ id: 'b', status: 'valid', tenderers: [{ id: 'S' }], value: { amount: 99999999, currency: 'X' } }] },
      awards: [{ id: 'a', status: 'active', suppliers: [{ id: 'S' }] }], contracts: [{ awardID: 'a', status: 'cancelled' }],
    };
    prepareRelease(raw, 1, s);
    expect((raw.awards as Record<string, unknown>[])[0]).toMatchObject({ status: 'cancelled', suppliers: [{ id: 'T-S' }] });
    expect((raw.bids as { details: Record<string, unknown>[] }).details[0].value).toEqual({ currency: 'X' });
    expect((raw.parties as Record<string, unknown>[])[0].roles).toEqual(['tenderer', 'supplier']);
  });
});

describe('coverage', () => {
  it('counts non-empty paths, objects with /, array elements with []', () => {
    const c = new Coverage();
    c.add({ ocid: 'a', tender: { id: 't', title: '' }, awards: [{ id: 1 }, {}], planning: {} });
    c.add({ ocid: 'b', awards: [] });
    expect(c.toJSON()).toEqual({
      '': 2, '/': 2, '/ocid': 2, '/tender': 1, '/tender/': 1, '/tender/id': 1,
      '/awards': 1, '/awards[]': 1, '/awards[]/': 1, '/awards[]/id': 1,
    });
  });
});
