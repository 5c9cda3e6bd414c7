import type { HitCodeName } from '../risk/hitStore';

/** Names of this module's red-flag hit codes (zh, en) and what each rule checks, for the shared hits list and clue titles. */
export const penaltyDiscretionHitCodes: Record<string, HitCodeName> = {};
