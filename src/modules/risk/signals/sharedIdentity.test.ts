import { describe, expect, it } from 'vitest';
import { normalisePhone, sharedIdentity } from './sharedIdentity';
import type { BidderProfile } from './types';

describe('sharedIdentity', () => {
  it('flags a phone written two ways, naming both bidders (条例第四十条(二))', () => {
    const r = sharedIdentity('T1', [
      { bidderId: 'A', phone: '0871-6512 3456' },
      { bidderId: 'B', phone: '087165123456' },
      { bidderId: 'C', phone: '0871-99998888' },
    ]);
    const h = r.hits.filter((x) => x.code === 'SHARED_PHONE');
    expect(h).toHaveLength(1);
    expect(h[0].evidence.values.bidders).toEqual(['A', 'B']);
    expect(h[0].evidence.records).toEqual([{ kind: 'tender', id: 'T1' }, { kind: 'bidder', id: 'A' }, { kind: 'bidder', id: 'B' }]);
    expect(h[0].strength).toBe('medium');
  });

  it('bid bond from one account, same MAC and same CA are strong evidence', () => {
    const r = sharedIdentity('T2', [
      { bidderId: 'A', bidBondAccount: '6222 0212 3456 7890', mac: '00-1A-2B-3C-4D-5E', caCertificate: 'ca 001' },
      { bidderId: 'B', bidBondAccount: '6222021234567890', mac: '00:1a:2b:3c:4d:5e', caCertificate: 'CA001' },
    ]);
    const codes = r.hits.map((h) => h.code).sort();
    expect(codes).toEqual(['SHARED_BID_BOND_ACCOUNT', 'SHARED_CA_CERTIFICATE', 'SHARED_MAC']);
    expect(r.hits.every((h) => h.strength === 'strong')).toBe(true);
  });

  it('shared document hash and identical metadata author', () => {
    const r = sharedIdentity('T3', [
      { bidderId: 'A', documentHashes: ['ABC123'], documentMetadata: { author: '张 三', company: 'X' } },
      { bidderId: 'B', documentHashes: ['abc123', 'zzz'], documentMetadata: { author: '张三', company: 'Y' } },
    ]);
    expect(r.hits.map((h) => h.code).sort()).toEqual(['SHARED_DOCUMENT_HASH', 'SHARED_DOCUMENT_METADATA']);
    expect(r.hits.find((h) => h.code === 'SHARED_DOCUMENT_METADATA')!.evidence.values.value).toBe('author=张三');
  });

  it('no flag when values differ; one bidder sharing with itself is not a match', () => {
    const profiles: BidderProfile[] = [
      { bidderId: 'A', email: 'a@x.cn', contactPerson: '李四' },
      { bidderId: 'A', email: 'A@X.CN', contactPerson: '李四' },
      { bidderId: 'B', email: 'b@x.cn', contactPerson: '王五' },
    ];
    expect(sharedIdentity('T4', profiles).hits).toEqual([]);
  });

  it('missing fields are not applicable, never matches; empty strings and "-" are missing', () => {
    const r = sharedIdentity('T5', [{ bidderId: 'A', phone: '-' }, { bidderId: 'B', phone: '' }, { bidderId: 'C' }]);
    expect(r.hits).toEqual([]);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ code: 'SHARED_PHONE', reason: 'missingField' }));
  });

  it('a single bidder is not applicable', () => {
    const r = sharedIdentity('T6', [{ bidderId: 'A', phone: '13800000000' }]);
    expect(r.notApplicable).toEqual([expect.objectContaining({ reason: 'tooFewBids' })]);
  });

  it('values on the ignore list (an agent phone printed in every bid) do not match', () => {
    const r = sharedIdentity('T7', [{ bidderId: 'A', phone: '0871-1234567' }, { bidderId: 'B', phone: '08711234567' }], { ignoreValues: { phone: ['0871 1234567'] } });
    expect(r.hits).toEqual([]);
  });

  it('normalisePhone drops +86 and full-width digits', () => {
    expect(normalisePhone('+86 138-0000-0000')).toBe('13800000000');
    expect(normalisePhone('１３８００００００００')).toBe('13800000000');
  });
});
