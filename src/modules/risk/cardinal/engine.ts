import type { Release } from '../ocds/model';
import { idsOf, RunContext, submittedBids, type Applicability, type Evidence, type RunOptions } from './context';
import { finalizeGroups, foldR038, foldR048, GroupState } from './groupIndicators';
import { r068 } from './extendedIndicators';
import { r003, r018, r028, r030, r036 } from './processIndicators';
import { finalizeWinner, foldWinner, WinnerState } from './winnerIndicators';
import type { IndicatorCode } from './settings';

/**
 * Runs the enabled indicators over a stream of normalised releases: `add` per release (fold), `finish`
 * once (fences, flags). Input order is the only order, so the "first currency observed" is deterministic,
 * unlike Cardinal's parallel fold. Memory grows with the candidate processes and organisations only.
 */
export interface EngineSummary {
  releases: number;
  /** Releases skipped before any indicator: cancelled tenders and excluded procurementMethodDetails. */
  excluded: Record<string, number>;
  currency: string | null;
  currencyMismatches: number;
  applicability: Partial<Record<IndicatorCode, Applicability>>;
}

export class IndicatorEngine {
  readonly ctx: RunContext;
  // Public for the worker pool (./pool.ts), which folds parts of the input elsewhere and merges them here.
  readonly winner = new WinnerState();
  groups = new GroupState();
  releases = 0;
  readonly excluded: Record<string, number> = {};

  constructor(options: Partial<RunOptions> & Pick<RunOptions, 'settings'>) {
    this.ctx = new RunContext({ map: false, extended: false, onEvidence: null, onWarning: () => {}, ...options });
  }

  add(r: Release): void {
    this.releases += 1;
    const ctx = this.ctx;
    const ind = ctx.settings.indicators;
    // Cardinal's global exclusions, applied before any indicator.
    if (r.tender?.status === 'cancelled') return this.exclude('tender cancelled');
    const pmd = r.tender?.procurementMethodDetails ?? null;
    if (pmd !== null && ctx.settings.excludedProcurementMethodDetails.has(pmd)) return this.exclude('procurementMethodDetails excluded');
    if (ctx.options.map) for (const b of submittedBids(r)) for (const id of idsOf(b.tenderers)) ctx.mapAdd('ocid_tenderer', r.ocid, id);
    if (ind.R003) r003(ctx, r);
    if (ind.R018) r018(ctx, r);
    if (ind.R028) r028(ctx, r);
    if (ind.R030) r030(ctx, r);
    if (ind.R036) r036(ctx, r);
    if (ind.R024 || ind.R058 || ind.R025 || ind.R035) foldWinner(ctx, this.winner, r);
    if (ind.R038) foldR038(ctx, this.groups, r);
    if (ind.R048) foldR048(ctx, this.groups, r);
    if (ctx.options.extended) r068(ctx, r);
  }

  private exclude(reason: string): void {
    this.excluded[reason] = (this.excluded[reason] ?? 0) + 1;
  }

  finish(): EngineSummary {
    finalizeWinner(this.ctx, this.winner);
    finalizeGroups(this.ctx, this.groups);
    return {
      releases: this.releases, excluded: this.excluded, currency: this.ctx.currency,
      currencyMismatches: this.ctx.currencyMismatches, applicability: Object.fromEntries(this.ctx.applicability),
    };
  }
}

export type { Evidence };
