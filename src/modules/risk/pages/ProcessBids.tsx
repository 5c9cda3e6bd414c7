import { useMemo } from 'react';
import { Card, Popover, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { TrophyFilled, WarningFilled } from '@ant-design/icons';
import { EChart } from '../../analysis/pages/EChart';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import type { Bid, BidIdentity, ProcessDetail } from './api';
import { identityFields, identityKey, sharedValues } from './derive';
import { chartText } from './chartText';
import { bidChartOption } from './processCharts';
import { useStatusText, yuan } from './labels';

/** The bids: plotted against the estimate with the winner highlighted, then listed with their contact details. */
export function ProcessBids({ p }: { p: ProcessDetail }) {
  const t = useT();
  const locale = useLocale();
  const option = useMemo(() => bidChartOption(p, chartText(t, locale)), [p, t, locale]);
  const status = useStatusText();
  const shared = useMemo(() => sharedValues(p.bids), [p.bids]);
  const isShared = (f: keyof BidIdentity, v: string | null) => !!v && !!shared.get(f)?.has(identityKey(v));
  const columns: TableColumnsType<Bid> = [
    {
      title: t('risk.ui.bidder'), dataIndex: 'bidderNames',
      render: (n: string[], b) => <Space size={4}>{b.winner && <TrophyFilled style={{ color: '#cf1322' }} />}{n.join('+') || b.bidId}</Space>,
    },
    { title: t('risk.ui.amount'), dataIndex: 'amount', width: 160, align: 'right', render: (a: number | null) => yuan(a, locale) },
    { title: t('risk.ui.bidStatus'), dataIndex: 'status', width: 120, render: status },
    { title: t('risk.ui.winner'), dataIndex: 'winner', width: 70, render: (w: boolean) => (w ? <Tag color="red">{t('risk.ui.winner')}</Tag> : null) },
    {
      title: t('risk.ui.identity'), dataIndex: 'identity',
      render: (id: BidIdentity) => {
        const present = identityFields.filter((f) => id[f]);
        if (!present.length) return '—';
        const marked = present.filter((f) => isShared(f, id[f]));
        const content = (
          <div style={{ maxWidth: 420 }}>
            {present.map((f) => (
              <div key={f} style={{ color: isShared(f, id[f]) ? '#cf1322' : undefined, wordBreak: 'break-all' }}>
                {t(`risk.ui.identity.${f}` as MessageKey)}：{id[f]}{isShared(f, id[f]) ? `（${t('risk.ui.sharedMark')}）` : ''}
              </div>
            ))}
          </div>
        );
        return (
          <Popover content={content}>
            <Space size={4} wrap>
              {marked.length > 0 && <WarningFilled style={{ color: '#cf1322' }} />}
              {present.slice(0, 3).map((f) => <Typography.Text key={f} type={isShared(f, id[f]) ? 'danger' : undefined}>{id[f]}</Typography.Text>)}
              {present.length > 3 && <Typography.Text type="secondary">…</Typography.Text>}
            </Space>
          </Popover>
        );
      },
    },
  ];
  return (
    <Card title={`${t('risk.ui.bids')}（${p.bids.length}）`} style={{ marginBottom: 16 }}>
      {p.bids.some((b) => b.amount !== null) && <EChart option={option} height={300} testId="risk-bid-chart" />}
      <Table<Bid> rowKey="id" size="small" dataSource={p.bids} columns={columns} pagination={false} data-testid="risk-bids" style={{ marginTop: 8 }} />
    </Card>
  );
}
