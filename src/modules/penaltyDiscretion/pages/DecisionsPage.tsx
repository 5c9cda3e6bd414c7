import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Input, Select, Space, Spin, Table, Tag, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, downloadFile, showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { penaltyApi, penaltyKeys, type Decision, type DecisionFilter, type ImportProblem } from './api';
import { DecisionDrawer } from './DecisionDrawer';
import { SettingsButton } from './SettingsModal';

/** 行政处罚决定: the decisions in the caller's scope with their flags, the Excel import, 重新筛查, and the detail drawer (?decision=id). */
export default function DecisionsPage() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<DecisionFilter>({});
  const [creating, setCreating] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const q = { ...page, ...filter };
  const list = useQuery({ queryKey: penaltyKeys.list(q), queryFn: () => penaltyApi.list(q), placeholderData: keepPreviousData });
  const rules = useRuleNames();
  const show = (id: string | null) => { const n = new URLSearchParams(params); if (id) n.set('decision', id); else n.delete('decision'); setParams(n, { replace: true }); };
  const upload = useMutation({
    meta: { manualError: true },
    mutationFn: (f: File) => { setProblems([]); return penaltyApi.upload(f); },
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: penaltyKeys.all }); void message.success(t('penalty.ui.imported', { n: r.imported, hits: r.screening.hits })); },
    onError: (err) => {
      const rows = err instanceof ApiError ? (err.details as { rows?: ImportProblem[] } | undefined)?.rows : undefined;
      if (rows) setProblems(rows); else showError(err);
    },
  });
  const screen = useMutation({
    mutationFn: penaltyApi.screening,
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: penaltyKeys.all }); void message.success(t('penalty.ui.screened', { hits: r.hits, kept: r.kept })); },
  });
  const columns: TableColumnsType<Decision> = [
    { title: t('penalty.ui.documentNo'), dataIndex: 'documentNo', width: 200 },
    { title: t('penalty.ui.department'), dataIndex: 'departmentName', width: 170, ellipsis: true },
    { title: t('penalty.ui.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    { title: t('penalty.ui.party'), dataIndex: 'partyName', width: 170, ellipsis: true },
    { title: t('penalty.ui.item'), dataIndex: 'violation', ellipsis: true, render: (v: string | null, d) => (v ? `${d.itemCode} ${v}` : '—') },
    { title: t('penalty.ui.tier'), dataIndex: 'discretionTier', width: 100,
      render: (v: string | null, d) => (d.outcome === 'closed' ? <Tag>{t('penalty.ui.outcome.closed')}</Tag> : v ? t(`penalty.ui.tier.${v}` as MessageKey) : '—') },
    { title: t('penalty.ui.fine'), dataIndex: 'fineAmount', width: 120, align: 'right', render: (v: number) => v.toLocaleString() },
    { title: t('penalty.ui.flags'), dataIndex: 'flags', width: 220,
      render: (f: string[]) => <span data-testid="penalty-flags">{f.map((c) => <Tag color="red" key={c}>{rules(c)}</Tag>)}</span> },
    { title: '', key: 'view', width: 70, render: (_: unknown, d) => <Button size="small" type="link" onClick={() => show(d.id)} data-testid="penalty-view">{t('penalty.ui.view')}</Button> },
  ];
  const set = (f: Partial<DecisionFilter>) => { setFilter({ ...filter, ...f }); setPage({ ...page, page: 1 }); };
  return (
    <>
      <PageHeader title={t('penalty.ui.decisions')} crumbs={[t('menu.group.penalty')]} extra={<Space>
        <SettingsButton />
        {can('penaltyDiscretion.screen') && <Button icon={<ReloadOutlined />} loading={screen.isPending} onClick={() => screen.mutate()} data-testid="penalty-screen">{t('penalty.ui.screen')}</Button>}
        {can('penaltyDiscretion.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="penalty-add">{t('penalty.ui.new')}</Button>}
      </Space>} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/penalty/decisions/template.xlsx', undefined, '行政处罚决定导入模板.xlsx').catch(showError)}>{t('penalty.ui.template')}</Button>
          {can('penaltyDiscretion.write') && (
            <Upload accept=".xlsx" showUploadList={false} maxCount={1} beforeUpload={(file) => { upload.mutate(file); return false; }}>
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="penalty-import">{t('penalty.ui.import')}</Button>
            </Upload>
          )}
        </Flex>
        {problems.length > 0 && (
          <>
            <Alert type="error" showIcon style={{ margin: '12px 0' }} title={t('penalty.ui.importErrors', { n: problems.length })} />
            <Table<ImportProblem & { key: number }> size="small" rowKey="key" data-testid="penalty-import-errors" dataSource={problems.map((p, key) => ({ ...p, key }))}
              pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={[
                { title: t('penalty.ui.row'), dataIndex: 'row', width: 70 }, { title: t('penalty.ui.column'), dataIndex: 'column', width: 140 },
                { title: t('penalty.ui.message'), dataIndex: 'message' }]} />
          </>
        )}
      </Card>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select allowClear style={{ width: 150 }} placeholder={t('penalty.ui.flags')} value={filter.flagged} onChange={(v?: 'true' | 'false') => set({ flagged: v })}
            options={[{ value: 'true', label: t('penalty.ui.flagged') }, { value: 'false', label: t('penalty.ui.notFlagged') }]} data-testid="penalty-filter-flagged" />
          <Select allowClear style={{ width: 150 }} placeholder={t('penalty.ui.outcome')} value={filter.outcome} onChange={(v?: 'penalty' | 'closed') => set({ outcome: v })}
            options={(['penalty', 'closed'] as const).map((k) => ({ value: k, label: t(`penalty.ui.outcome.${k}` as MessageKey) }))} />
          <Input.Search allowClear style={{ width: 260 }} placeholder={t('penalty.ui.search')} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="penalty-search" />
        </Flex>
        <Table<Decision> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="penalty-table"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <DecisionDrawer open={creating} onClose={() => setCreating(false)} onSaved={show} />
      <DetailDrawer id={params.get('decision')} onClose={() => show(null)} rules={rules} />
    </>
  );
}

/** Rule names in the user's language, from the server's list of rules. */
export function useRuleNames(): (code: string) => string {
  const locale = useLocale();
  const s = useQuery({ queryKey: penaltyKeys.settings, queryFn: penaltyApi.settings, staleTime: 60_000 });
  return (code) => { const r = s.data?.rules[code]; return r ? (locale === 'en' ? r.en : r.zh) : code; };
}

function DetailDrawer({ id, onClose, rules }: { id: string | null; onClose: () => void; rules: (c: string) => string }) {
  const t = useT();
  const one = useQuery({ queryKey: penaltyKeys.one(id ?? ''), queryFn: () => penaltyApi.one(id!), enabled: !!id });
  const d = one.data;
  const band = d?.item?.tiers.find((b) => b.tier === d.discretionTier);
  const kv = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${k}：${String(v)}`).join('；');
  return (
    <Drawer open={!!id} onClose={onClose} title={t('penalty.ui.detail')} size="large" data-testid="penalty-detail">
      {!d ? <Spin /> : (
        <>
          <Descriptions column={1} bordered size="small" items={[
            { label: t('penalty.ui.documentNo'), children: d.documentNo },
            { label: t('penalty.ui.department'), children: d.departmentName },
            { label: t('penalty.ui.outcome'), children: t(`penalty.ui.outcome.${d.outcome}` as MessageKey) },
            { label: t('penalty.ui.party'), children: `${d.partyName}（${t(`penalty.ui.partyType.${d.partyType}` as MessageKey)}）` },
            { label: t('penalty.ui.item'), children: d.item ? `${d.item.itemCode} ${d.item.violation}（${d.item.penaltyBasis}）` : '—' },
            { label: t('penalty.ui.tier'), children: d.discretionTier ? t(`penalty.ui.tier.${d.discretionTier}` as MessageKey) : '—' },
            { label: t('penalty.ui.band'), children: band ? (band.fineBasis === 'multiple' ? t('penalty.ui.multiple', { min: band.fineMin, max: band.fineMax }) : `${band.fineMin.toLocaleString()}–${band.fineMax.toLocaleString()}`) : '—' },
            { label: t('penalty.ui.reason'), children: d.discretionReason ?? '—' },
            { label: t('penalty.ui.fine'), children: d.fineAmount.toLocaleString() },
            { label: t('penalty.ui.kinds'), children: d.penaltyKinds.map((k) => t(`penalty.ui.kind.${k}` as MessageKey)).join('、') || '—' },
            { label: t('penalty.ui.gains'), children: d.illegalGains?.toLocaleString() ?? '—' },
            { label: t('penalty.ui.firstOffence'), children: d.firstOffence ? '✓' : '—' },
            { label: t('penalty.ui.legalReview'), children: d.legalReviewOn ?? '—' },
            { label: t('penalty.ui.due'), children: d.fineDueOn ?? '—' },
            { label: t('penalty.ui.paid'), children: d.finePaidOn ?? '—' },
            { label: t('penalty.ui.officers'), children: d.enforcementOfficers.join('、') },
            ...(d.outcome === 'closed' ? [{ label: t('penalty.ui.closureReason'), children: d.closureReason ?? '—' }] : []),
          ]} />
          {d.hits.map((h) => (
            <Card key={h.id} size="small" style={{ marginTop: 12 }} data-testid="penalty-hit"
              title={<Space><Tag color={h.status === 'dismissed' ? 'default' : 'red'}>{rules(h.code)}</Tag>{h.status !== 'new' && <Tag>{h.status}</Tag>}</Space>}
              extra={<Link to={`/risk/hits?hit=${h.id}`}>{t('penalty.ui.openHits')}</Link>}>
              <div>{h.evidence.rule}</div>
              {h.evidence.lawRef && <div style={{ color: '#8c8c8c' }}>{h.evidence.lawRef}</div>}
              <div><b>{t('penalty.ui.threshold')}</b>：{kv(h.evidence.threshold)}</div>
              <div><b>{t('penalty.ui.values')}</b>：{kv(h.evidence.values)}</div>
            </Card>
          ))}
        </>
      )}
    </Drawer>
  );
}
