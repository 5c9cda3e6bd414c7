import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api, downloadFile, showError } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { sanctionLabel, stageLabel } from './labels';

interface IntegrityView {
  official: { id: string; name: string; post: string | null; unitName: string };
  conclusion: 'restricted' | 'pending' | 'clear';
  clues: Array<{ id: string; serial: string; title: string; received_on: string; disposal: string | null; outcome: string | null }>;
  cases: Array<{ id: string; doc_no: string; title: string; opened_on: string; stage: string }>;
  dispositions: Array<{ id: string; case_id: string; doc_no: string; type: string; track: string | null; kind: string | null; decided_on: string; effect_until: string | null; permanent: boolean; active: boolean }>;
  reports: { available: boolean; items: Array<{ id: string; serial: string; title: string; received_on: string; status: string }> };
}

const conclusionColor = { restricted: 'red', pending: 'gold', clear: 'green' } as const;

/** 廉政档案: everything on record about one official, with the conclusion the integrity opinion will state. */
export default function IntegrityPage() {
  const t = useT();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  // The official is in the address (?official=…), so a case file's subject links straight to the record.
  const [params, setParams] = useSearchParams();
  const officialId = params.get('official') ?? undefined;
  const setOfficialId = (id?: string) => setParams(id ? { official: id } : {});
  const [purpose, setPurpose] = useState('');
  const options = useQuery({
    queryKey: ['cases', 'officialSearch', search],
    queryFn: () => api.get<Page<{ id: string; name: string; post: string | null; unitName?: string }>>('/org/officials', { q: search, pageSize: 20 }),
    enabled: search.length > 0,
  });
  const record = useQuery({ queryKey: ['cases', 'integrity', officialId], queryFn: () => api.get<IntegrityView>(`/cases/officials/${officialId}/integrity`), enabled: !!officialId });
  const r = record.data;
  return (
    <>
      <PageHeader title={t('menu.integrity')} crumbs={[t('menu.group.cases')]} />
      <Flex vertical gap={16}>
        <Card>
          <Select showSearch={{ filterOption: false, onSearch: setSearch }} style={{ width: 360 }} placeholder={t('cases.ui.officialSearch')} onChange={(v: string) => setOfficialId(v)} data-testid="integrity-search"
            value={officialId} labelRender={() => (r ? [r.official.name, r.official.unitName, r.official.post].filter(Boolean).join(' · ') : officialId)}
            options={(options.data?.items ?? []).map((o) => ({ value: o.id, label: [o.name, o.unitName, o.post].filter(Boolean).join(' · ') }))} />
        </Card>
        {!officialId && <Empty />}
        {r && (
          <>
            <Card title={`${r.official.name} · ${r.official.unitName} ${r.official.post ?? ''}`}
              extra={<Space>
                <Input placeholder={t('cases.ui.opinionPurpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={100} style={{ width: 200 }} />
                <Button type="primary" icon={<DownloadOutlined />} data-testid="integrity-opinion"
                  onClick={() => downloadFile(`/cases/officials/${r.official.id}/integrity-opinion.docx`, { purpose: purpose.trim() || undefined }, 'integrity-opinion.docx').catch(showError)}>{t('cases.ui.opinion')}</Button>
              </Space>}>
              {t('cases.ui.conclusion')}：<Tag color={conclusionColor[r.conclusion]} data-testid="integrity-conclusion">{t(`cases.ui.conclusion.${r.conclusion}` as MessageKey)}</Tag>
            </Card>
            <Card title={t('cases.ui.sanctionsAndEffect')} size="small">
              <Table rowKey="id" size="small" pagination={false} dataSource={r.dispositions} data-testid="integrity-sanctions" columns={[
                { title: t('cases.ui.docNo'), dataIndex: 'doc_no', render: (d: string, x) => <Link to={`/cases/cases/${x.case_id}`}>{d}</Link> },
                { title: t('cases.ui.outcome'), key: 'o', render: (_, d) => (d.type === 'sanction' ? sanctionLabel(d.track, d.kind, locale) : t(`cases.ui.type.${d.type}` as MessageKey)) },
                { title: t('cases.ui.decidedOn'), dataIndex: 'decided_on' },
                { title: t('cases.ui.effectUntil'), key: 'e', render: (_, d) => <>{d.permanent ? t('cases.ui.permanent') : d.effect_until}{d.active && <Tag color="red" style={{ marginLeft: 8 }}>{t('cases.ui.activeSanctions')}</Tag>}</> },
              ]} />
            </Card>
            <Card title={t('cases.ui.cases')} size="small">
              <Table rowKey="id" size="small" pagination={false} dataSource={r.cases} columns={[
                { title: t('cases.ui.docNo'), dataIndex: 'doc_no', render: (d: string, x) => <Link to={`/cases/cases/${x.id}`}>{d}</Link> }, { title: t('cases.ui.title'), dataIndex: 'title' },
                { title: t('cases.ui.openedOn'), dataIndex: 'opened_on' }, { title: t('cases.ui.stage'), dataIndex: 'stage', render: (s: string) => stageLabel(s, locale) },
              ]} />
            </Card>
            <Card title={t('cases.ui.clues')} size="small">
              <Table rowKey="id" size="small" pagination={false} dataSource={r.clues} columns={[
                { title: t('cases.ui.serial'), dataIndex: 'serial' }, { title: t('cases.ui.title'), dataIndex: 'title' }, { title: t('cases.ui.receivedOn'), dataIndex: 'received_on' },
                { title: t('cases.ui.disposal'), dataIndex: 'disposal', render: (d: string | null) => (d ? t(`cases.ui.disposal.${d}` as MessageKey) : t('cases.ui.pending')) },
                { title: t('cases.ui.outcome'), dataIndex: 'outcome', render: (o: string | null) => (o ? t(`cases.ui.outcome.${o}` as MessageKey) : null) },
              ]} />
            </Card>
            <Card title={t('cases.ui.reports')} size="small">
              {r.reports.available ? (
                <Table rowKey="id" size="small" pagination={false} dataSource={r.reports.items} columns={[
                  { title: t('cases.ui.serial'), dataIndex: 'serial' }, { title: t('cases.ui.title'), dataIndex: 'title' }, { title: t('cases.ui.receivedOn'), dataIndex: 'received_on' },
                ]} />
              ) : <Alert type="info" title={t('cases.ui.reportsUnavailable')} />}
            </Card>
          </>
        )}
      </Flex>
    </>
  );
}
