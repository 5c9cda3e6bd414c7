import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { hasMessage, useLocale, useT } from '../../../web/i18n';
import { isAvailable, type CatalogueItem, type Metric } from './api';
import type { DrillTarget } from './DrillDownDrawer';

export const moduleOrder = ['reports', 'cases', 'campaigns', 'duty', 'disclosure', 'prevention', 'accountability', 'risk', 'spending', 'penaltyDiscretion', 'villageAssets', 'resources', 'org'];

/** Metric keys grouped by the module that owns them, in the order the speech takes them up. */
export function groupByModule(keys: string[], catalogue: CatalogueItem[]): Array<[string, string[]]> {
  const byModule = new Map<string, string[]>();
  for (const key of keys) {
    const module = catalogue.find((c) => c.key === key)?.module ?? key.split('.')[0];
    byModule.set(module, [...(byModule.get(module) ?? []), key]);
  }
  const rank = (m: string) => (moduleOrder.includes(m) ? moduleOrder.indexOf(m) : moduleOrder.length);
  return [...byModule].sort(([a], [b]) => rank(a) - rank(b));
}

/** A change between two figures, to the precision figures have (万元 to two decimals): 902.42 − 192.48 is 709.94, not 709.9399999. */
const delta = (now: number, before: number) => Math.round((now - before) * 100) / 100;

/** One card per metric, grouped by module; unavailable metrics say so instead of showing 0. */
export function MetricCards({ catalogue, metrics, yoy, onDrill }: {
  catalogue: CatalogueItem[]; metrics: Record<string, Metric>; yoy?: Record<string, Metric>; onDrill: (t: DrillTarget) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const groups = groupByModule(Object.keys(metrics), catalogue);
  return (
    <>
      {groups.map(([module, keys]) => {
        const title = `analysis.module.${module}`;
        return (
          <Card key={module} size="small" title={hasMessage(title) ? t(title) : module} style={{ marginBottom: 12 }}>
            <Row gutter={[12, 12]}>
              {keys.map((key) => {
                const m = metrics[key];
                const label = locale === 'en' ? m.labelEn : m.label;
                const before = yoy?.[key];
                return (
                  <Col key={key} xs={12} md={8} lg={6} xl={4}>
                    {isAvailable(m) ? (
                      <div role="button" tabIndex={0} style={{ cursor: 'pointer' }} data-testid={`metric-${key}`}
                        onClick={() => onDrill({ key, label })} onKeyDown={(e) => e.key === 'Enter' && onDrill({ key, label })}>
                        <Statistic title={label} value={m.value} suffix={m.unit} />
                        {isAvailable(before) && (
                          <Typography.Text type={m.value >= before.value ? 'danger' : 'success'} style={{ fontSize: 12 }}>
                            {t('analysis.yoy')} {m.value - before.value >= 0 ? '+' : ''}{delta(m.value, before.value)}
                          </Typography.Text>
                        )}
                      </div>
                    ) : (
                      <Tooltip title={t('analysis.unavailableHint')}>
                        <div data-testid={`metric-${key}`}>
                          <Statistic title={label} valueRender={() => <Tag>{t('analysis.unavailable')}</Tag>} />
                        </div>
                      </Tooltip>
                    )}
                  </Col>
                );
              })}
            </Row>
          </Card>
        );
      })}
    </>
  );
}
