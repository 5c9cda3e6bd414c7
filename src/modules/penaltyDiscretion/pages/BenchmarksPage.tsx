import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT, type MessageKey } from '../../../web/i18n';
import { penaltyApi, penaltyKeys, type BenchmarkItem, type BenchmarkTier } from './api';
import { BenchmarkDrawer } from './BenchmarkDrawer';

/**
 * 裁量基准: every department's published items, each with its tiers' bands (rows expand to the tiers). A department
 * adds its items and revises their tiers; one scoped to its own unit sees the revise button on its own items only.
 */
export default function BenchmarksPage() {
  const t = useT();
  const { can, me } = useAuth();
  const [drawer, setDrawer] = useState<{ item?: BenchmarkItem } | null>(null);
  const mine = (i: BenchmarkItem) => can('penaltyDiscretion.write') && (!!me && (!['unit', 'self'].includes(me.dataScope) || i.departmentId === me.unit.id));
  const list = useQuery({ queryKey: penaltyKeys.benchmarks, queryFn: penaltyApi.benchmarks });
  const band = (b: BenchmarkTier) => (b.fineBasis === 'multiple' ? t('penalty.ui.multiple', { min: b.fineMin, max: b.fineMax }) : `${b.fineMin.toLocaleString()} – ${b.fineMax.toLocaleString()}`);
  const columns: TableColumnsType<BenchmarkItem> = [
    { title: t('penalty.ui.department'), dataIndex: 'departmentName', width: 170 },
    { title: t('penalty.ui.itemCode'), dataIndex: 'itemCode', width: 100, render: (v: string, i) => <>{v}{i.demo && <Tag color="gold" style={{ marginLeft: 6 }}>{t('penalty.ui.demo')}</Tag>}</> },
    { title: t('penalty.ui.violation'), dataIndex: 'violation' },
    { title: t('penalty.ui.legalBasis'), dataIndex: 'legalBasis', ellipsis: true },
    { title: t('penalty.ui.penaltyBasis'), dataIndex: 'penaltyBasis', ellipsis: true },
    { title: '', key: 'edit', width: 110, render: (_: unknown, i) => mine(i) && (
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDrawer({ item: i })} data-testid="benchmark-edit">{t('penalty.ui.editTiers')}</Button>) },
  ];
  return (
    <>
      <PageHeader title={t('penalty.ui.benchmarks')} crumbs={[t('menu.group.penalty')]} extra={can('penaltyDiscretion.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({})} data-testid="benchmark-add">{t('penalty.ui.newBenchmark')}</Button>)} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('penalty.ui.benchmarksHint')} />
      <Card>
        <Table<BenchmarkItem> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} pagination={false} data-testid="penalty-benchmarks"
          expandable={{ expandedRowRender: (i) => (
            <Table<BenchmarkTier> rowKey="tier" size="small" pagination={false} dataSource={i.tiers} columns={[
              { title: t('penalty.ui.tier'), dataIndex: 'tier', width: 110, render: (v: string) => t(`penalty.ui.tier.${v}` as MessageKey) },
              { title: t('penalty.ui.band'), key: 'band', width: 200, render: (_: unknown, b) => band(b) },
              { title: t('penalty.ui.kinds'), dataIndex: 'penaltyKinds', width: 220, render: (ks: string[]) => ks.map((k) => t(`penalty.ui.kind.${k}` as MessageKey)).join('、') || '—' },
              { title: t('penalty.ui.circumstances'), dataIndex: 'circumstances' },
            ]} />
          ) }} />
      </Card>
      <BenchmarkDrawer open={!!drawer} item={drawer?.item} onClose={() => setDrawer(null)} />
    </>
  );
}
