import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Flex, Input, Row, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { EChart } from '../../analysis/pages/EChart';
import { PageHeader } from '../../../web/components/PageHeader';
import { hasMessage, useLocale, useT } from '../../../web/i18n';
import { riskApi, riskKeys, type NetworkNode, type ProcessRow } from './api';
import { yuan } from './labels';
import { networkOption } from './networkChart';

interface Window { buyer?: string; from?: string; to?: string }

/** 投标人关系网: who bids with whom for a buyer in a time window, and who shares contact details or fingerprints. */
export default function NetworkPage() {
  const t = useT();
  const locale = useLocale();
  const [buyer, setBuyer] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [win, setWin] = useState<Window>({});
  const [picked, setPicked] = useState<NetworkNode>();
  const net = useQuery({ queryKey: riskKeys.network(win), queryFn: () => riskApi.network(win), placeholderData: keepPreviousData });
  const fieldName = useCallback((f: string) => (hasMessage(`risk.ui.identity.${f}`) ? t(`risk.ui.identity.${f}` as never) : f), [t]);
  const option = useMemo(() => net.data && networkOption(net.data, {
    tenders: (n) => t('risk.ui.network.tenders', n), cobid: (n) => t('risk.ui.network.cobid', { n }),
    shared: (field, n) => t('risk.ui.network.shared', { field, n }),
  }, fieldName), [net.data, t, fieldName]);
  const onClick = useCallback((p: { data?: unknown }) => {
    const d = p.data as Partial<NetworkNode> | undefined;
    if (d && typeof d.id === 'string' && typeof d.tenders === 'number') setPicked({ id: d.id, name: d.name ?? d.id, tenders: d.tenders, wins: d.wins ?? 0 });
  }, []);
  // A company's processes: the process list filtered by the company's name (and the buyer in view).
  const tenders = useQuery({
    queryKey: riskKeys.processes({ supplier: picked?.name, buyer: win.buyer, pageSize: 50 }),
    queryFn: () => riskApi.processes({ supplier: picked!.name, buyer: win.buyer, page: 1, pageSize: 50 }),
    enabled: !!picked,
  });
  const show = () => {
    setPicked(undefined);
    setWin({ buyer: buyer.trim() || undefined, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });
  };
  const stats = net.data && {
    nodes: net.data.nodes.length, cobid: net.data.edges.filter((e) => e.kind === 'cobid').length, shared: net.data.edges.filter((e) => e.kind === 'sharedIdentity').length,
  };
  return (
    <>
      <PageHeader title={t('menu.riskNetwork')} crumbs={[t('menu.group.risk')]} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center">
          <Input allowClear style={{ width: 260 }} placeholder={t('risk.ui.network.buyer')} value={buyer} onChange={(e) => setBuyer(e.target.value)} onPressEnter={show} data-testid="risk-network-buyer" />
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} placeholder={[t('risk.ui.network.window'), t('risk.ui.network.window')]} />
          <Button type="primary" onClick={show} loading={net.isFetching} data-testid="risk-network-show">{t('risk.ui.network.show')}</Button>
          {stats && <Typography.Text type="secondary" data-testid="risk-network-stats">{t('risk.ui.network.stats', stats)}</Typography.Text>}
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card extra={<Flex gap={8}><Tag>{t('risk.ui.network.legend.cobid')}</Tag><Tag color="red">{t('risk.ui.network.legend.shared')}</Tag></Flex>}
            title={<Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{t('risk.ui.network.nodeSize')}</Typography.Text>}>
            {option && net.data!.nodes.length > 0
              ? <EChart option={option} height={560} onClick={onClick} testId="risk-network-chart" />
              : <Empty description={t('risk.ui.network.empty')} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={picked ? t('risk.ui.network.nodeTenders', { name: picked.name }) : t('risk.ui.network.pick')} data-testid="risk-network-node">
            {/* The same choice as clicking a node, for the keyboard and for finding one company in a dense graph. */}
            <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%', marginBottom: 12 }} placeholder={t('risk.ui.network.find')}
              value={picked?.id} data-testid="risk-network-pick"
              onChange={(id: string) => setPicked(net.data?.nodes.find((n) => n.id === id))}
              options={[...(net.data?.nodes ?? [])].sort((a, b) => b.tenders - a.tenders).map((n) => ({ value: n.id, label: n.name }))} />
            {picked && (
              <>
                <Typography.Paragraph type="secondary">{t('risk.ui.network.tenders', { tenders: picked.tenders, wins: picked.wins })}</Typography.Paragraph>
                <Table<ProcessRow> size="small" rowKey="id" loading={tenders.isFetching} dataSource={tenders.data?.items ?? []} pagination={false} data-testid="risk-network-tenders" columns={[
                  { title: t('risk.ui.title'), dataIndex: 'title', ellipsis: true, render: (v: string | null, r) => <Link to={`/risk/processes/${r.id}`}>{v ?? r.ocid}</Link> },
                  { title: t('risk.ui.awardedTo'), dataIndex: 'awardedTo', ellipsis: true, render: (a: string[]) => a.join('、') || '—' },
                  { title: t('risk.ui.awardValue'), dataIndex: 'awardValue', width: 120, render: (v: number | null) => yuan(v, locale) },
                ]} />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
