import { describe, expect, it } from 'vitest';
import { en } from '../../../web/i18n/en';
import { zhCN } from '../../../web/i18n/zh-CN';
import { serverModules } from '../../index';
import { expectedMetrics } from '../catalogue';
import { moduleOrder } from './MetricCards';

/**
 * The dashboard groups figures by the module that owns them, each group a card and a breakdown tab titled by
 * `analysis.module.<module>`. A module without those words showed its code name (penaltyDiscretion) to officials.
 */
describe('dashboard module titles', () => {
  const modules = [...new Set([...serverModules.flatMap((m) => (m.metrics ?? []).map((d) => d.module)), ...expectedMetrics.map((c) => c.module)])];

  it('every module with figures has a title in Chinese and in English, and a place in the speech order', () => {
    expect(modules.length).toBeGreaterThan(10);
    const missing = modules.filter((m) => !(`analysis.module.${m}` in zhCN) || !(`analysis.module.${m}` in en) || !moduleOrder.includes(m));
    expect(missing).toEqual([]);
  });
});
