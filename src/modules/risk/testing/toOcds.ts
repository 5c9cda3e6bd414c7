import type * as O from '../ocds/model';

/**
 * The normalised model back to OCDS JSON (compiled release), for tests that feed generated processes through the
 * real import path: bids under bids.details, the fingerprint as submissionFingerprint, payments and milestones
 * under contracts[].implementation, party identifiers as identifier {scheme, id}.
 */
export function toOcds(r: O.Release): Record<string, unknown> {
  return {
    ocid: r.ocid, id: r.id, date: r.date, tag: r.tag, buyer: r.buyer,
    tender: r.tender ? { ...r.tender } : undefined,
    bids: { details: r.bids.map(({ fingerprint, ...b }) => ({ ...b, submissionFingerprint: fingerprint })) },
    awards: r.awards,
    contracts: r.contracts.map(({ payments, milestones, ...c }) => ({ ...c, implementation: { transactions: payments, milestones } })),
    parties: r.parties.map(({ identifierScheme, identifierId, ...p }) => ({ ...p, identifier: identifierId ? { scheme: identifierScheme, id: identifierId } : undefined })),
  };
}

export const releasePackage = (releases: O.Release[]) => JSON.stringify({ uri: 'https://example.org/package', publishedDate: '2026-11-01T00:00:00Z', version: '1.1', releases: releases.map(toOcds) });
export const recordPackage = (releases: O.Release[]) => JSON.stringify({ version: '1.1', records: releases.map((r) => ({ ocid: r.ocid, compiledRelease: toOcds(r) })) });
export const jsonLines = (releases: O.Release[]) => `${releases.map((r) => JSON.stringify(toOcds(r))).join('\n')}\n`;
