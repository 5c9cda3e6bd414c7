import { useMemo } from 'react';
import { Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { EChart } from '../../analysis/pages/EChart';
import { useLocale, useT, hasMessage } from '../../../web/i18n';
import type { Contract, ProcessDetail } from './api';
import { chartText } from './chartText';
import { currentValue, paymentChartOption } from './processCharts';
import { useStatusText, yuan } from './labels';

/** Awards, then each contract with its amendments and payments, and the payments plotted against the contract value. */
export function ProcessContracts({ p }: { p: ProcessDetail }) {
  const t = useT();
  const locale = useLocale();
  const option = useMemo(() => paymentChartOption(p.contracts, chartText(t, locale)), [p.contracts, t, locale]);
  const status = useStatusText();
  const kind = (k: string | null) => {
    const key = `risk.ui.paymentKind.${k}`;
    return k ? (hasMessage(key) ? t(key) : k) : '—';
  };
  const paid = (c: Contract) => c.payments.reduce((s, x) => s + (x.amount ?? 0), 0);
  return (
    <>
      <Card title={t('risk.ui.awards')} style={{ marginBottom: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={p.awards} data-testid="risk-awards" columns={[
          { title: t('risk.ui.awardedTo'), dataIndex: 'supplierNames', render: (n: string[]) => n.join('、') || '—' },
          { title: t('risk.ui.awardValue'), dataIndex: 'amount', width: 180, align: 'right', render: (a: number | null) => yuan(a, locale) },
          { title: t('risk.ui.awardDate'), dataIndex: 'date', width: 120, render: (d: string | null) => d?.slice(0, 10) ?? '—' },
          { title: t('risk.ui.status'), dataIndex: 'status', width: 120, render: status },
        ]} />
      </Card>
      <Card title={t('risk.ui.contracts')} style={{ marginBottom: 16 }}>
        {p.contracts.length === 0 && <Empty description={t('risk.ui.none')} />}
        {p.contracts.some((c) => c.payments.length > 0) && <EChart option={option} height={260} testId="risk-payment-chart" />}
        {p.contracts.map((c) => {
          const value = currentValue(c);
          const total = paid(c);
          return (
            <div key={c.id} style={{ marginTop: 16 }} data-testid="risk-contract">
              <Descriptions size="small" column={4} title={`${t('risk.ui.contract')} ${c.contractId}`} items={[
                { key: 'amount', label: t('risk.ui.chart.contractValue'), children: yuan(c.amount, locale) },
                ...(value !== c.amount ? [{ key: 'amended', label: t('risk.ui.amendments'), children: <Typography.Text type="warning">{yuan(value, locale)}</Typography.Text> }] : []),
                { key: 'signed', label: t('risk.ui.signedOn'), children: c.dateSigned?.slice(0, 10) ?? '—' },
                {
                  key: 'paid', label: t('risk.ui.chart.paid'),
                  children: <Typography.Text type={value !== null && total > value ? 'danger' : undefined}>{yuan(total, locale)}</Typography.Text>,
                },
              ]} />
              {c.amendments.length > 0 && (
                <Table size="small" rowKey="id" pagination={false} dataSource={c.amendments} style={{ marginBottom: 8 }} title={() => t('risk.ui.amendments')} columns={[
                  { title: t('risk.ui.date'), dataIndex: 'date', width: 120, render: (d: string | null) => d?.slice(0, 10) ?? '—' },
                  { title: t('risk.ui.amount'), dataIndex: 'amount', width: 180, align: 'right', render: (a: number | null) => yuan(a, locale) },
                  { title: t('risk.ui.message'), dataIndex: 'description', render: (d: string | null) => d ?? '—' },
                ]} />
              )}
              {c.payments.length > 0 && (
                <Table size="small" rowKey="id" pagination={false} dataSource={c.payments} title={() => t('risk.ui.payments')} columns={[
                  { title: t('risk.ui.date'), dataIndex: 'date', width: 120, render: (d: string | null) => d?.slice(0, 10) ?? '—' },
                  { title: t('risk.ui.amount'), dataIndex: 'amount', width: 180, align: 'right', render: (a: number | null) => yuan(a, locale) },
                  { title: t('risk.ui.paymentKind'), dataIndex: 'kind', render: (k: string | null) => <Tag>{kind(k)}</Tag> },
                ]} />
              )}
              {c.milestones.length > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t('risk.ui.milestones')}：{c.milestones.map((m) => [m.date?.slice(0, 10), m.title === t('risk.ui.milestones') ? null : m.title, m.progress !== null ? `${Number((m.progress * 100).toFixed(2))}%` : null].filter(Boolean).join(' ')).join('；')}
                </Typography.Paragraph>
              )}
            </div>
          );
        })}
      </Card>
    </>
  );
}
