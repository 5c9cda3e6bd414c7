import { useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Select, Space, Statistic } from 'antd';
import { AlertOutlined, ReloadOutlined } from '@ant-design/icons';
import type { EChartsOption } from 'echarts';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { EChart } from '../../analysis/pages/EChart';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT } from '../../../web/i18n';
import { villageAssetsHitCodes } from '../hitCodes';
import { villageApi, villageKeys, type Summary } from './api';
import { ThresholdsCard } from './ThresholdsCard';

/**
 * 三资异常分析: a year's flags by township and by rule (click a bar to open those flags), the cash share of each
 * village's payments, the re-screen button and the thresholds with their basis.
 */
export default function SummaryPage() {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const q = useQuery({ queryKey: villageKeys.summary(year), queryFn: () => villageApi.summary(year) });
  const rescreen = useMutation({
    mutationFn: villageApi.screening,
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: villageKeys.all }); void message.success(t('villageAssets.ui.rescreened', { hits: r.hits, kept: r.kept })); },
  });
  const s = q.data;
  const ruleName = (code: string) => { const c = villageAssetsHitCodes[code]; return c ? (locale === 'en' ? c.en : c.zh) : code; };
  return (
    <>
      <PageHeader title={t('menu.villageSummary')} crumbs={[t('menu.group.villageAssets')]} extra={
        <>
          <Link to="/risk/hits?domain=villageAssets"><Button icon={<AlertOutlined />} data-testid="village-open-hits">{t('villageAssets.ui.openHits')}</Button></Link>
          {can('villageAssets.screen') && <Button icon={<ReloadOutlined />} loading={rescreen.isPending} onClick={() => rescreen.mutate()} data-testid="village-rescreen">{t('villageAssets.ui.rescreen')}</Button>}
        </>
      } />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <Select value={year} style={{ width: 110 }} onChange={(v) => { const n = new URLSearchParams(params); n.set('year', String(v)); setParams(n, { replace: true }); }}
            data-testid="village-year" options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))} />
          {s && <Statistic title={t('villageAssets.ui.hits')} value={s.hits} suffix={`/ ${t('villageAssets.ui.hitsTotal', { hits: s.hits, undecided: s.undecided })}`} />}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('villageAssets.ui.byTownship')} style={{ marginBottom: 16 }} loading={q.isLoading}>
            {s && <EChart option={barOption(s.byTownship.map((x) => ({ name: x.name || '—', value: x.hits })), t('villageAssets.ui.hits'), '#cf1322')} testId="village-chart-township"
              onClick={(p) => { const x = s.byTownship[p.dataIndex]; if (x?.code) navigate(`/risk/hits?domain=villageAssets&township=${x.code}`); }} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('villageAssets.ui.byRule')} style={{ marginBottom: 16 }} loading={q.isLoading}>
            {s && <EChart option={ruleOption(s, ruleName)} testId="village-chart-rule"
              onClick={(p) => { const x = s.byRule[p.dataIndex]; if (x) navigate(`/risk/hits?domain=villageAssets&code=${x.code}`); }} />}
          </Card>
        </Col>
      </Row>
      <Card title={t('villageAssets.ui.cashShare')} style={{ marginBottom: 16 }} loading={q.isLoading}>
        {s && <EChart option={cashOption(s, t('villageAssets.ui.share'))} height={Math.max(280, s.cashShare.length * 18)} testId="village-chart-cash"
          onClick={(p) => { const x = s.cashShare[s.cashShare.length - 1 - p.dataIndex]; if (x) navigate(`/village-assets/ledger?village=${x.villageId}&tab=funds`); }} />}
      </Card>
      <ThresholdsCard />
    </>
  );
}

function barOption(data: Array<{ name: string; value: number }>, name: string, color: string): EChartsOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0 } }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', barMaxWidth: 32, itemStyle: { color }, data: data.map((d) => d.value) }],
  };
}

function ruleOption(s: Summary, ruleName: (c: string) => string): EChartsOption {
  return {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: s.byRule.map((r) => ({ name: ruleName(r.code), value: r.hits })), label: { formatter: '{b}: {c}' } }],
  };
}

function cashOption(s: Summary, name: string): EChartsOption {
  const rows = [...s.cashShare].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: rows.map((r) => `${r.townshipName} ${r.villageName}`) }, xAxis: { type: 'value', max: 100, name: '%' },
    series: [{ name, type: 'bar', barMaxWidth: 14, data: rows.map((r) => ({ value: Math.round(r.share * 1000) / 10, itemStyle: { color: r.share >= 0.1 ? '#fa8c16' : '#1677ff' } })) }],
  };
}
