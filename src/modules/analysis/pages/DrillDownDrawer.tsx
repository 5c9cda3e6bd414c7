import { useQuery } from '@tanstack/react-query';
import { Drawer, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../web/i18n';
import { analysisApi } from './api';

export interface DrillTarget { key: string; label: string; dimension?: string; value?: string; valueLabel?: string }

/** The records behind a figure, fetched with the caller's data scope. */
export function DrillDownDrawer({ target, period, cumulative, onClose }: { target: DrillTarget | null; period: string; cumulative: boolean; onClose: () => void }) {
  const t = useT();
  const { data, isLoading } = useQuery({
    queryKey: ['analysis', 'records', target?.key, period, cumulative, target?.dimension, target?.value],
    queryFn: () => analysisApi.records(target!.key, period, cumulative, target!.dimension, target!.value),
    enabled: !!target,
  });
  const title = target ? t('analysis.records', { metric: target.valueLabel ? `${target.label} · ${target.valueLabel}` : target.label }) : '';
  return (
    <Drawer open={!!target} onClose={onClose} title={title} width={560} destroyOnHidden>
      <div data-testid="drilldown">
        {data && <Typography.Paragraph type="secondary">{t('analysis.recordsTotal', { n: data.total })}</Typography.Paragraph>}
        <List loading={isLoading} dataSource={data?.items ?? []} locale={{ emptyText: t('analysis.noData') }}
          renderItem={(r) => (
            <List.Item data-testid="drilldown-item">
              <List.Item.Meta title={r.link ? <Link to={r.link}>{r.title}</Link> : r.title} description={[r.subtitle, r.at].filter(Boolean).join(' · ')} />
            </List.Item>
          )} />
      </div>
    </Drawer>
  );
}
