import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Space, Table, Tag, type TableColumnsType } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { spendingApi, spendingKeys, type Standard } from './api';

interface Draft { value: number | null; words: string; basis: string }
const splitWords = (s: string) => s.split(/[,，、;；\s]+/).map((w) => w.trim()).filter(Boolean);

/**
 * 支出标准: the county's standards grouped by category, each with its value (or word list) and its basis, editable
 * in place by those who keep them; one save sends the changed rows (audited before → after), then a re-screen
 * applies them.
 */
export default function StandardsPage() {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const editable = can('spending.standards');
  const q = useQuery({ queryKey: spendingKeys.standards, queryFn: spendingApi.standards });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  useEffect(() => {
    if (q.data) setDrafts(Object.fromEntries(q.data.map((s) => [s.code, { value: s.value, words: (s.words ?? []).join('、'), basis: s.basis }])));
  }, [q.data]);
  const changed = (q.data ?? []).filter((s) => {
    const d = drafts[s.code];
    return d && (d.value !== s.value || d.basis !== s.basis || (s.kind === 'words' && d.words !== (s.words ?? []).join('、')));
  });
  const save = useMutation({
    mutationFn: () => spendingApi.saveStandards(changed.map((s) => {
      const d = drafts[s.code];
      return s.kind === 'words' ? { code: s.code, words: splitWords(d.words), basis: d.basis } : { code: s.code, value: d.value, basis: d.basis };
    })),
    onSuccess: (data) => { qc.setQueryData(spendingKeys.standards, data); void message.success(t('spending.ui.saved')); },
    onError: showError,
  });
  const screen = useMutation({
    mutationFn: spendingApi.screen,
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: spendingKeys.all }); void message.success(t('spending.ui.screenDone', { records: r.records, hits: r.hits, kept: r.kept })); },
    onError: showError,
  });
  const patch = (code: string, p: Partial<Draft>) => setDrafts({ ...drafts, [code]: { ...drafts[code], ...p } });
  const columns: TableColumnsType<Standard> = [
    { title: t('spending.ui.category'), dataIndex: 'category', width: 110, render: (c: string) => <Tag>{t(`spending.ui.category.${c}` as MessageKey)}</Tag> },
    { title: t('spending.ui.standard'), key: 'label', width: 240, render: (_: unknown, s) => (locale === 'en' ? s.labelEn : s.labelZh) },
    {
      title: t('spending.ui.value'), key: 'value', width: 260, render: (_: unknown, s) => {
        const d = drafts[s.code];
        if (!d) return null;
        if (s.kind === 'words') return <Input.TextArea rows={2} disabled={!editable} value={d.words} onChange={(e) => patch(s.code, { words: e.target.value })} placeholder={t('spending.ui.words')} />;
        return (
          <Space orientation="vertical" size={2}>
            <InputNumber min={0} precision={s.kind === 'count' ? 0 : 2} disabled={!editable} value={d.value} onChange={(v) => patch(s.code, { value: v })}
              addonAfter={s.unit} style={{ width: 200 }} data-testid={`standard-${s.code}`} />
            {s.defaultValue !== null && <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('spending.ui.default', { value: s.defaultValue })}</span>}
          </Space>
        );
      },
    },
    {
      title: t('spending.ui.basis'), key: 'basis', render: (_: unknown, s) => (drafts[s.code] ? (
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} disabled={!editable} value={drafts[s.code].basis} onChange={(e) => patch(s.code, { basis: e.target.value })} />
      ) : null),
    },
    { title: t('spending.ui.updated'), key: 'updated', width: 120, render: (_: unknown, s) => (s.updatedBy ? <span style={{ fontSize: 12 }}>{s.updatedBy}<br />{s.updatedAt.slice(0, 10)}</span> : '—') },
  ];
  return (
    <>
      <PageHeader title={t('spending.ui.standardsTitle')} crumbs={[t('menu.group.spending')]} extra={editable && (
        <Space>
          {can('spending.screen') && <Button icon={<ReloadOutlined />} loading={screen.isPending} onClick={() => screen.mutate()}>{t('spending.ui.screen')}</Button>}
          <Button type="primary" icon={<SaveOutlined />} disabled={!changed.length} loading={save.isPending} onClick={() => save.mutate()} data-testid="standards-save">
            {t('spending.ui.save')}
          </Button>
        </Space>
      )} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('spending.ui.standardsHint')} />
      <Card>
        <Table<Standard> rowKey="code" size="small" loading={q.isLoading} dataSource={q.data} columns={columns} pagination={false} data-testid="standards-table" />
      </Card>
    </>
  );
}
