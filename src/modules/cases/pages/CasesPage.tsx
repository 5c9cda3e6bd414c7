import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT } from '../../../web/i18n';
import { chinaTime } from './DetentionModals';
import { deadlineColor, stageColor, stageLabel } from './labels';
import { useCaseTypeLabel } from './caseTypeOptions';

interface Warning { kind: 'case' | 'clue'; id: string; number: string; title: string; ruleKey: string; labelZh: string; labelEn: string; source: string; due: string; daysLeft: number; state: string; dueAt?: string }
interface CaseItem { id: string; doc_no: string; title: string; stage: string; stage_since: string; opened_on: string; case_type_code: string; economic: boolean; suspended_since: string | null }

/** Cases the user may see: their teams' cases, or all in scope for supervisors. */
export default function CasesPage() {
  const t = useT();
  const locale = useLocale();
  const typeLabel = useCaseTypeLabel(locale);
  const navigate = useNavigate();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [view, setView] = useState<'cases' | 'dueSoon' | 'overdue'>('cases');
  const warnings = useQuery({
    queryKey: ['cases', 'deadlines', view],
    queryFn: () => api.get<{ items: Warning[] }>('/cases/deadlines', { state: view }),
    enabled: view !== 'cases',
  });
  const list = useQuery({
    queryKey: ['cases', 'cases', q, page],
    queryFn: () => api.get<Page<CaseItem>>('/cases/cases', { q, ...page }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<CaseItem> = [
    { title: t('cases.ui.docNo'), dataIndex: 'doc_no', width: 170 },
    { title: t('cases.ui.title'), dataIndex: 'title', ellipsis: true },
    { title: t('cases.ui.openedOn'), dataIndex: 'opened_on', width: 110 },
    {
      title: t('cases.ui.stage'), dataIndex: 'stage', width: 160,
      render: (s: string, r) => <>{<Tag color={stageColor[s]}>{stageLabel(s, locale)}</Tag>}{r.suspended_since && <Tag color="red">{t('cases.ui.suspended')}</Tag>}</>,
    },
    { title: t('cases.ui.stageSince'), dataIndex: 'stage_since', width: 110 },
    { title: t('cases.ui.caseType'), dataIndex: 'case_type_code', width: 200, ellipsis: true, render: (c: string) => typeLabel(c) },
    { title: t('cases.ui.economic'), dataIndex: 'economic', width: 80, render: (e: boolean) => (e ? <Tag color="volcano">{t('cases.ui.economic')}</Tag> : null) },
  ];
  return (
    <>
      <PageHeader title={t('menu.cases')} crumbs={[t('menu.group.cases')]} />
      <Card>
        <Segmented style={{ marginBottom: 16, marginRight: 16 }} value={view} onChange={(v) => setView(v as typeof view)} data-testid="case-view"
          options={(['cases', 'dueSoon', 'overdue'] as const).map((v) => ({ value: v, label: t(`cases.ui.view.${v}`) }))} />
        {view !== 'cases' ? (
          <Table<Warning> rowKey={(w) => `${w.id}-${w.ruleKey}`} size="middle" loading={warnings.isFetching} dataSource={warnings.data?.items ?? []} pagination={{ pageSize: 20 }}
            onRow={(w) => ({ onClick: () => w.kind === 'case' && navigate(`/cases/cases/${w.id}`), style: { cursor: w.kind === 'case' ? 'pointer' : undefined } })}
            columns={[
              { title: t('cases.ui.serial'), dataIndex: 'number', width: 180 },
              { title: t('cases.ui.title'), dataIndex: 'title', ellipsis: true },
              { title: t('cases.ui.rule'), key: 'r', width: 200, render: (_, w) => (locale === 'en' ? w.labelEn : w.labelZh) },
              // The 留置 notice is due to the hour (start + 24 h): show the time too.
              { title: t('cases.ui.dueOn'), dataIndex: 'due', width: 150, render: (d: string, w) => <Tag color={deadlineColor[w.state]}>{w.dueAt ? chinaTime(w.dueAt) : d}</Tag> },
              { title: t('cases.ui.basis'), dataIndex: 'source', ellipsis: true },
            ]} />
        ) : (<>
        <Input.Search allowClear placeholder={t('cases.ui.search')} style={{ maxWidth: 320, marginBottom: 16 }} data-testid="case-search"
          onSearch={(v) => { setQ(v || undefined); setPage((p) => ({ ...p, page: 1 })); }} />
        <Table<CaseItem> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns}
          onRow={(r) => ({ onClick: () => navigate(`/cases/cases/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
        </>)}
      </Card>
    </>
  );
}
