import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { EChart } from '../../analysis/pages/EChart';
import { api } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT, type MessageKey } from '../../../web/i18n';

interface Member { id: string; serial: string; title: string; receivedOn: string; township: string | null; status: string; category: string | null }
interface Hotspot {
  id: string; title: string; size: number; previousSize: number; growth: number; growthRate: number | null;
  townships: Array<{ township: string; count: number }>; firstReceivedOn: string; lastReceivedOn: string; memberIds: string[]; members: Member[];
}
interface Hotspots { period: { key: string; labelZh: string; labelEn: string }; reportsInPeriod: number; items: Hotspot[] }

/** 热点、难点问题 of the dashboard's period: clusters of similar reports in the caller's scope, largest first. */
export function HotspotPanel({ period, cumulative }: { period: string; cumulative: boolean }) {
  const t = useT();
  const { can } = useAuth();
  const allowed = can('reports.report.read');
  const [open, setOpen] = useState<Hotspot | null>(null);
  const q = useQuery({
    queryKey: ['reports', 'hotspots', period, cumulative],
    queryFn: () => api.get<Hotspots>('/reports/hotspots', { period, cumulative, limit: 10 }),
    enabled: allowed,
  });
  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const option = useMemo(() => {
    const rows = [...items].reverse();
    const short = (s: string) => (s.length > 14 ? `${s.slice(0, 14)}…` : s);
    return {
      tooltip: { trigger: 'axis' as const }, legend: { top: 0 }, grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value' as const, minInterval: 1 },
      yAxis: { type: 'category' as const, data: rows.map((h) => short(h.title)) },
      series: [
        { name: t('reports.hotspot.size'), type: 'bar' as const, data: rows.map((h) => h.size), itemStyle: { color: '#b71c1c' } },
        { name: t('reports.hotspot.previous'), type: 'bar' as const, data: rows.map((h) => h.previousSize), itemStyle: { color: '#bdbdbd' } },
      ],
    };
  }, [items, t]);
  if (!allowed) return null;

  return (
    <Card size="small" title={t('reports.hotspot.title')} style={{ marginBottom: 12 }} loading={q.isLoading} data-testid="hotspot-panel"
      extra={q.data && <Typography.Text type="secondary">{t('reports.hotspot.inPeriod', { n: q.data.reportsInPeriod })}</Typography.Text>}>
      {q.error && <Alert type="error" title={(q.error as Error).message} />}
      {items.length === 0 && !q.isLoading && <Typography.Text type="secondary">{t('reports.hotspot.none')}</Typography.Text>}
      {items.length > 0 && <>
        <EChart testId="chart-hotspots" height={Math.max(160, items.length * 36)} option={option}
          onClick={(p) => setOpen(items[items.length - 1 - p.dataIndex] ?? null)} />
        <Table<Hotspot> size="small" rowKey="id" pagination={false} dataSource={items} style={{ marginTop: 8 }}
          onRow={(h) => ({ onClick: () => setOpen(h), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('reports.title'), dataIndex: 'title', ellipsis: true },
            { title: t('reports.hotspot.size'), dataIndex: 'size', width: 80 },
            { title: t('reports.hotspot.growth'), key: 'growth', width: 110, render: (_, h) => <Growth h={h} /> },
            { title: t('reports.township'), key: 'townships', render: (_, h) => h.townships.slice(0, 3).map((p) => <Tag key={p.township}>{p.township} {p.count}</Tag>) },
            { title: t('reports.hotspot.span'), key: 'span', width: 200, render: (_, h) => `${h.firstReceivedOn} ~ ${h.lastReceivedOn}` },
          ]} />
      </>}
      <Drawer open={!!open} onClose={() => setOpen(null)} size="large" title={open?.title} destroyOnHidden>
        {open && <List size="small" dataSource={open.members} renderItem={(m) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Link to={`/reports/${m.id}`}>{m.serial} {m.title}</Link>
              <Typography.Text type="secondary">
                {m.receivedOn} · {m.township ?? '—'} · {t(`reports.status.${m.status}` as MessageKey)}{m.category ? ` · ${m.category}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )} />}
      </Drawer>
    </Card>
  );
}

function Growth({ h }: { h: Hotspot }) {
  const t = useT();
  if (h.growthRate === null) return <Tag color="red">{t('reports.hotspot.new')}</Tag>;
  const sign = h.growth > 0 ? '+' : '';
  return <span style={{ color: h.growth > 0 ? '#b71c1c' : undefined }}>{sign}{h.growth}（{sign}{Math.round(h.growthRate * 100)}%）</span>;
}
