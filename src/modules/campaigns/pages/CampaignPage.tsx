import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Row, Spin, Statistic, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { EChart } from '../../analysis/pages/EChart';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { campaignApi, campaignKeys, type CampaignDetail } from './api';
import { stackedOption } from './chart';
import { FindingsTable } from './FindingsTable';
import { categoryText, statusText, yuan } from './labels';
import { ProjectsTable } from './ProjectsTable';

/** One campaign: the five summary figures, where the problems are (category, township, by status), projects and findings. */
export default function CampaignPage() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = useQuery({ queryKey: campaignKeys.one(id), queryFn: () => campaignApi.one(id) });
  const c = q.data;
  const tab = params.get('tab') === 'projects' ? 'projects' : 'findings';
  if (!c) return q.isLoading ? <Spin style={{ display: 'block', margin: 48 }} /> : <Empty />;
  return (
    <>
      <PageHeader title={c.title} crumbs={[t('menu.group.campaigns'), t('menu.campaigns')]} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3} items={[
          { label: t('campaigns.ui.kind'), children: t(`campaigns.ui.kind.${c.kind}` as MessageKey) },
          { label: t('campaigns.ui.period'), children: `${c.periodStart} ~ ${c.periodEnd}` },
          { label: t('campaigns.ui.threshold'), children: yuan(c.thresholdYuan, locale) },
          ...(c.description ? [{ label: t('campaigns.ui.description'), children: c.description, span: 3 }] : []),
        ]} />
      </Card>
      <Summary c={c} />
      <Charts c={c} />
      <Card>
        <Tabs activeKey={tab} onChange={(k) => { const n = new URLSearchParams(params); n.set('tab', k); setParams(n, { replace: true }); }} items={[
          { key: 'findings', label: t('campaigns.ui.tab.findings'), children: <FindingsTable campaign={c} /> },
          { key: 'projects', label: t('campaigns.ui.tab.projects'), children: <ProjectsTable campaign={c} /> },
        ]} />
      </Card>
    </>
  );
}

function Summary({ c }: { c: CampaignDetail }) {
  const t = useT();
  const locale = useLocale();
  const s = c.summary;
  const cards: Array<{ key: string; title: MessageKey; value: number; color?: string; extra?: string }> = [
    { key: 'projects', title: 'campaigns.ui.projects', value: s.projects },
    { key: 'findings', title: 'campaigns.ui.findings', value: s.findings },
    { key: 'rectified', title: 'campaigns.ui.rectified', value: s.rectified, color: '#389e0d', extra: t('campaigns.ui.signedOffOf', { n: s.signedOff }) },
    { key: 'rectifying', title: 'campaigns.ui.rectifying', value: s.rectifying, color: '#d46b08' },
    { key: 'overdue', title: 'campaigns.ui.overdue', value: s.overdue, color: s.overdue ? '#cf1322' : undefined },
  ];
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {cards.map((k) => (
        <Col key={k.key} flex="1 1 180px">
          <Card size="small" data-testid={`campaign-summary-${k.key}`}>
            <Statistic title={t(k.title)} value={k.value} suffix={locale === 'en' ? undefined : '个'} styles={{ content: { color: k.color } }} />
            <div style={{ color: '#8c8c8c', fontSize: 12, minHeight: 18 }}>{k.extra}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Charts({ c }: { c: CampaignDetail }) {
  const t = useT();
  const byCategory = useMemo(() => stackedOption(c.byCategory.map((r) => ({ name: categoryText(t, r.category), counts: r.counts })), (s) => statusText(t, s)), [c, t]);
  const byTownship = useMemo(() => stackedOption(c.byTownship.map((r) => ({ name: r.name ?? t('campaigns.ui.countyLevel'), counts: r.counts })), (s) => statusText(t, s)), [c, t]);
  return (
    <Card title={t('campaigns.ui.chartTitle')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} lg={10}><h4>{t('campaigns.ui.byCategory')}</h4><EChart option={byCategory} height={260} testId="campaign-chart-category" /></Col>
        <Col xs={24} lg={14}><h4>{t('campaigns.ui.byTownship')}</h4><EChart option={byTownship} height={Math.max(260, 28 * c.byTownship.length + 60)} testId="campaign-chart-township" /></Col>
      </Row>
    </Card>
  );
}
