import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Checkbox, DatePicker, Flex, Input, Popconfirm, Select, Space, Table, Tooltip, type ButtonProps, type TableColumnsType } from 'antd';
import { AlertOutlined, DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { categories, spendingApi, spendingKeys, type Expense, type ExpenseFilter, type SpendingCategory } from './api';
import { ExpenseDrawer } from './ExpenseDrawer';
import { ImportHistory } from './ImportHistory';
import { ImportPanel } from './ImportPanel';
import { money } from './money';
import { RecordDrawer } from './RecordDrawer';

/**
 * 支出记录: filters (unit subtree, category, dates, flagged only, text), entry and correction drawer, removal of a record
 * entered by mistake, import panel with past imports, re-screen, record drawer (?record=id).
 */
export default function RecordsPage() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // The summary's charts open the list on one category's flagged records.
  const [filter, setFilter] = useState<ExpenseFilter>(() => {
    const c = params.get('category');
    return c && (categories as string[]).includes(c) ? { spendingCategory: c as SpendingCategory, flaggedOnly: 'true' } : {};
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Expense | null>(null);
  const [importing, setImporting] = useState(false);
  const q = { ...page, ...filter };
  const list = useQuery({ queryKey: spendingKeys.list(q), queryFn: () => spendingApi.list(q), placeholderData: keepPreviousData });
  const screen = useMutation({
    mutationFn: spendingApi.screen,
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: spendingKeys.all }); void message.success(t('spending.ui.screenDone', { records: r.records, hits: r.hits, kept: r.kept })); },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (r: Expense) => spendingApi.remove(r.id),
    onSuccess: (_: unknown, r: Expense) => {
      if (params.get('record') === r.id) show(null);
      // The removed record is not asked for again (it would answer 404).
      void qc.invalidateQueries({ queryKey: spendingKeys.all, predicate: (q) => q.queryKey[2] !== r.id });
      void message.success(t('spending.ui.removed'));
    },
    onError: showError,
  });
  const edit = (r: Expense) => { setEditing(r); setCreating(true); };
  const removeButton = (r: Expense, disabledReason?: string) => (disabledReason
    ? <Tooltip title={disabledReason}><Button size="small" type="text" icon={<DeleteOutlined />} disabled aria-label={t('spending.ui.remove')} /></Tooltip>
    : (
      <Popconfirm title={t('spending.ui.removeConfirm', { unit: r.unitName, date: r.spentOn, amount: money(r.amount) })} description={t('spending.ui.removeHint')}
        onConfirm={() => remove.mutate(r)} okButtonProps={{ danger: true, 'data-testid': 'expense-remove-ok' } as unknown as ButtonProps}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="expense-remove" aria-label={t('spending.ui.remove')} />
      </Popconfirm>
    ));
  const show = (id: string | null) => { const n = new URLSearchParams(params); if (id) n.set('record', id); else n.delete('record'); setParams(n, { replace: true }); };
  const set = (f: Partial<ExpenseFilter>) => { setFilter({ ...filter, ...f }); setPage({ ...page, page: 1 }); };
  const cat = (c: SpendingCategory) => t(`spending.ui.category.${c}` as MessageKey);
  const columns: TableColumnsType<Expense> = [
    { title: t('spending.ui.spentOn'), dataIndex: 'spentOn', width: 110 },
    { title: t('spending.ui.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    { title: t('spending.ui.category'), dataIndex: 'spendingCategory', width: 120, render: cat },
    { title: t('spending.ui.amount'), dataIndex: 'amount', width: 120, align: 'right', render: money },
    { title: t('spending.ui.payee'), dataIndex: 'payee', ellipsis: true },
    { title: t('spending.ui.description'), dataIndex: 'description', ellipsis: true },
    { title: t('spending.ui.voucherNo'), dataIndex: 'voucherNo', width: 140 },
    { title: t('spending.ui.flags'), dataIndex: 'flags', width: 80, render: (n: number) => (n ? <Badge count={n} color="#cf1322" data-testid="expense-flags" /> : null) },
    {
      title: '', key: 'actions', width: can('spending.write') ? 130 : 70, render: (_: unknown, r) => (
        <Space size={2}>
          <Button size="small" type="link" onClick={() => show(r.id)} data-testid="expense-view">{t('spending.ui.view')}</Button>
          {can('spending.write') && (
            <>
              <Tooltip title={t('spending.ui.edit')}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => edit(r)} data-testid="expense-edit" aria-label={t('spending.ui.edit')} />
              </Tooltip>
              {removeButton(r)}
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('spending.ui.recordsTitle')} crumbs={[t('menu.group.spending')]} extra={(
        <Space>
          <Link to="/risk/hits?domain=spending"><Button icon={<AlertOutlined />}>{t('spending.ui.hitsLink')}</Button></Link>
          {can('spending.screen') && <Button icon={<ReloadOutlined />} loading={screen.isPending} onClick={() => screen.mutate()} data-testid="spending-screen">{t('spending.ui.screen')}</Button>}
          {can('spending.write') && <Button icon={<UploadOutlined />} onClick={() => setImporting(!importing)} data-testid="spending-import-toggle">{t('spending.ui.import')}</Button>}
          {can('spending.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="expense-add">{t('spending.ui.new')}</Button>}
        </Space>
      )} />
      {importing && <ImportPanel />}
      {importing && <ImportHistory />}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 240 }}><UnitTreeSelect value={filter.unitId} onChange={(v) => set({ unitId: (v as string | undefined) ?? undefined })} placeholder={t('spending.ui.unit')} /></div>
          <Select allowClear style={{ width: 160 }} placeholder={t('spending.ui.category')} value={filter.spendingCategory} data-testid="expense-filter-category"
            onChange={(v?: SpendingCategory) => set({ spendingCategory: v })} options={categories.map((c) => ({ value: c, label: cat(c) }))} />
          <DatePicker.RangePicker placeholder={[t('spending.ui.from'), t('spending.ui.to')]}
            onChange={(d) => set({ from: d?.[0]?.format('YYYY-MM-DD'), to: d?.[1]?.format('YYYY-MM-DD') })} />
          <Checkbox checked={!!filter.flaggedOnly} onChange={(e) => set({ flaggedOnly: e.target.checked ? 'true' : undefined })} data-testid="expense-filter-flagged">
            {t('spending.ui.flaggedOnly')}
          </Checkbox>
          <Input.Search allowClear style={{ width: 260 }} placeholder={t('spending.ui.search')} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="expense-search" />
        </Flex>
        <Table<Expense> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="expenses-table"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <ExpenseDrawer open={creating} editing={editing} onClose={() => { setCreating(false); setEditing(null); }} onSaved={(id) => show(id)} />
      <RecordDrawer id={params.get('record')} onClose={() => show(null)}
        actions={can('spending.write') ? (d) => (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => edit(d)} data-testid="expense-detail-edit">{t('spending.ui.edit')}</Button>
            {removeButton(d, d.hits.some((h) => h.status !== 'new') ? t('spending.ui.cannotRemove') : undefined)}
          </Space>
        ) : undefined} />
    </>
  );
}
