import { describe, expect, it } from 'vitest';
import { CODE_LABELS, RULE_ZH, ruleText, summariseEvidence } from './labels';

describe('hit code labels', () => {
  it('every named code has a Chinese rule explanation, and no explanation is orphaned', () => {
    expect(Object.keys(RULE_ZH).sort()).toEqual(Object.keys(CODE_LABELS).sort());
  });

  it('falls back to the engine formula for a code without an explanation, and the clue summary keeps both', () => {
    const e = { rule: 'x ≤ t', threshold: { t: 1 }, values: { x: 0.5 }, records: [] };
    expect(ruleText('UNKNOWN_CODE', e)).toBe('x ≤ t');
    const text = summariseEvidence('SHARED_PHONE', e, [], '某某镇人民政府', ['甲公司', '乙公司']);
    expect(text).toContain('规则：不同投标人留存的联系电话相同');
    expect(text).toContain('判定公式：x ≤ t');
  });
});
