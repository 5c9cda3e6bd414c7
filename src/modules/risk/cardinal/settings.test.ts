import { describe, expect, it } from 'vitest';
import { defaultSettings, parseIni, parseSettings, SettingsError } from './settings';

describe('Cardinal INI settings', () => {
  it('reads top-level keys, indicator sections, nested maps and codelists', () => {
    const s = parseSettings(`
; comment
# another
currency = CNY
no_price_comparison_procurement_methods = Direct|Negotiated
[exclusions]
procurement_method_details = Test|Other
[R003]
threshold = 20
procurement_methods = open
[R003.procurement_method_details]
Simplified = 10
[R024]
threshold = 0.05
[R035]
threshold = 0
[codelists.bid_status]
qualified = valid
not-qualified = disqualified
[defaults]
currency = CNY
bid_status = pending
`);
    expect(s.currency).toBe('CNY');
    expect([...s.noPriceComparisonProcurementMethods]).toEqual(['Direct', 'Negotiated']);
    expect(s.excludedProcurementMethodDetails.has('Other')).toBe(true);
    expect(s.indicators.R003).toEqual({ threshold: 20, procurementMethods: new Set(['open']), byProcurementMethodDetails: new Map([['Simplified', 10]]) });
    expect(s.indicators.R024).toEqual({ threshold: 0.05 });
    expect(s.indicators.R035).toEqual({ threshold: 1 }); // floored at 1, as Cardinal does
    expect(s.indicators.R018).toBeUndefined(); // a missing section disables the indicator
    expect(s.codelists.bidStatus.get('qualified')).toBe('valid');
    expect(s.defaults.bidStatus).toBe('pending');
  });

  it('applies each indicator\'s defaults when its section is empty', () => {
    const s = defaultSettings();
    expect(s.indicators.R003?.threshold).toBe(15);
    expect([...s.indicators.R018!.procurementMethods]).toEqual(['open', 'selective']);
    expect(s.indicators.R025).toEqual({ percentile: 75, threshold: null });
    expect(s.indicators.R038).toEqual({ threshold: null, minimumSubmittedBids: 2, minimumContractingProcesses: 2 });
    expect(s.indicators.R048).toEqual({ digits: 2, threshold: null, minimumContractingProcesses: 20 });
  });

  it('refuses unknown keys and sections with their path, and bad numbers', () => {
    expect(() => parseSettings('[R024]\nthreshhold = 1')).toThrow(/R024\.threshhold: unknown field/);
    expect(() => parseSettings('[R999]')).toThrow(SettingsError);
    expect(() => parseSettings('[R048]\ndigits = two')).toThrow(/R048\.digits/);
    expect(() => parseSettings('nonsense line')).toThrow(/line 1/);
  });

  it('warns when both price-comparison lists are set (the allow list wins)', () => {
    const s = parseSettings('price_comparison_procurement_methods = A\nno_price_comparison_procurement_methods = B');
    expect(s.warnings).toHaveLength(1);
  });

  it('keeps quoted values and the order of sections', () => {
    const ini = parseIni('[a]\nk = "x = y"\n[b]\n');
    expect(ini.get('a')!.get('k')).toBe('x = y');
    expect([...ini.keys()]).toEqual(['', 'a', 'b']);
  });
});
