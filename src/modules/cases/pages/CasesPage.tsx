import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT } from '../../../web/i18n';
import { caseTypeLabel, stageColor, stageLabel } from './labels';

interface CaseItem { id: string; doc_no: string; title: string; stage: string; stage_since: string; opened_on: string; case_type_code: string; economic: boolean; suspended_since: string | null }

/** Cases the user may see: their teams' cases, or all in scope for supervisors. */
export default function CasesPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
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
    { title: t('cases.ui.caseType'), dataIndex: 'case_type_code', width: 200, ellipsis: true, render: (c: string) => caseTypeLabel(c, locale) },
    { title: t('cases.ui.economic'), dataIndex: 'economic', width: 80, render: (e: boolean) => (e ? <Tag color="volcano">{t('cases.ui.economic')}</Tag> : null) },
  ];
  return (
    <>
      <PageHeader title={t('menu.cases')} crumbs={[t('menu.group.cases')]} />
      <Card>
        <Input.Search allowClear placeholder={t('cases.ui.search')} style={{ maxWidth: 320, marginBottom: 16 }} data-testid="case-search"
          onSearch={(v) => { setQ(v || undefined); setPage((p) => ({ ...p, page: 1 })); }} />
        <Table<CaseItem> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns}
          onRow={(r) => ({ onClick: () => navigate(`/cases/cases/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }} />
      </Card>
    </>
  );
}
