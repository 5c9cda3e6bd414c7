/** Collusion, tender-avoidance, post-award, payment and expert signals; every hit carries its evidence. */
export * from './hit';
export type * from './types';
export { IDENTITY_RULES, normalisePhone, normaliseText, normaliseValue, sharedIdentity, type IdentityField, type SharedIdentityOptions } from './sharedIdentity';
export { priceRegularity, type PriceRegularityOptions } from './priceRegularity';
export { bidderGraph, networkSignals, type BidderGraph, type GraphEdge, type GraphNode, type NetworkOptions } from './network';
export { MUST_TENDER_THRESHOLDS, splitPurchases, thresholdBunching, type AvoidanceOptions, type SplitOptions } from './avoidance';
export { postAwardChanges, type ChangeOptions } from './changes';
export { paymentSignals, type PaymentOptions } from './payments';
export { expertSignals, type ExpertOptions } from './experts';
export { awardsOf, bidderProfilesOf, categoryOf, contractSideOf, evaluationOf, tenderBidsOf, type ContractSide } from './ocdsAdapter';
