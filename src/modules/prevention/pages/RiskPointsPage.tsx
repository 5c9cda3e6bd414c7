import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { EChartsOption } from 'echarts';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { EChart } from '../../analysis/pages/EChart';
import { TownshipSelect } from '../../risk/pages/filters';
import { preventionApi, preventionKeys, riskLevels, type RiskChart, type RiskFilter, type RiskLevel, type RiskPoint } from './api';

interface RiskForm { unitId: string; post: string; riskDescription: string; riskLevel: RiskLevel; controlMeasures: string; responsiblePerson: string; reviewedOn: Dayjs }
const fields = ['unitId', 'post', 'riskDescription', 'riskLevel', 'controlMeasures', 'responsiblePerson', 'reviewedOn'];
const levelColor: Record<RiskLevel, string> = { high: '#cf1322', medium: '#fa8c16', low: '#1677ff' };
const levelTag: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'blue' };

/** 廉政风险点: the posts' risks in the caller's scope (a township its own, the county all), with the chart and the editor. */
export default function RiskPointsPage() {
  const t = useT();
  const { can, me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<RiskFilter>({});
  const [editing, setEditing] = useState<RiskPoint | 'new' | null>(null);
  const [form] = Form.useForm<RiskForm>();
  const q = { ...page, ...filter };
  const list = useQuery({ queryKey: preventionKeys.risks(q), queryFn: () => preventionApi.risks(q), placeholderData: keepPreviousData });
  const chart = useQuery({ queryKey: preventionKeys.chart(filter), queryFn: () => preventionApi.chart(filter), placeholderData: keepPreviousData });
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: RiskForm) => {
      const body = { ...v, reviewedOn: v.reviewedOn.format('YYYY-MM-DD') };
      return editing && editing !== 'new' ? preventionApi.editRisk(editing.id, body) : preventionApi.addRisk(body);
    },
    onSuccess: () => { void qc.invalidateQueries({ queryKey: preventionKeys.all }); void message.success(t('prevention.ui.saved')); setEditing(null); },
    onError: (err) => handleFormError(form, err, fields),
  });
  const open = (r: RiskPoint | 'new') => {
    form.resetFields();
    if (r === 'new') form.setFieldsValue({ unitId: me?.unit.id, reviewedOn: dayjs() });
    else form.setFieldsValue({ unitId: r.unitId, post: r.post, riskDescription: r.riskDescription, riskLevel: r.riskLevel, controlMeasures: r.controlMeasures,
      responsiblePerson: r.responsiblePerson, reviewedOn: dayjs(r.reviewedOn) });
    setEditing(r);
  };
  const levelText = useCallback((l: RiskLevel) => t(`prevention.ui.level.${l}` as MessageKey), [t]);
  const columns: TableColumnsType<RiskPoint> = [
    { title: t('prevention.ui.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    { title: t('prevention.ui.township'), dataIndex: 'townshipName', width: 110, render: (v: string | null) => v ?? t('prevention.ui.countyLevel') },
    { title: t('prevention.ui.post'), dataIndex: 'post', width: 170, ellipsis: true },
    { title: t('prevention.ui.riskDescription'), dataIndex: 'riskDescription', ellipsis: true },
    { title: t('prevention.ui.level'), dataIndex: 'riskLevel', width: 80, render: (l: RiskLevel) => <Tag color={levelTag[l]} data-testid="risk-level" data-level={l}>{levelText(l)}</Tag> },
    { title: t('prevention.ui.measures'), dataIndex: 'controlMeasures', ellipsis: true },
    { title: t('prevention.ui.responsible'), dataIndex: 'responsiblePerson', width: 90 },
    { title: t('prevention.ui.reviewedOn'), dataIndex: 'reviewedOn', width: 110 },
    ...(can('prevention.write') ? [{ title: '', key: 'edit', width: 80,
      render: (_: unknown, r: RiskPoint) => <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open(r)} data-testid="risk-edit">{t('common.edit')}</Button> }] : []),
  ];
  const set = (f: Partial<RiskFilter>) => { setFilter({ ...filter, ...f }); setPage({ ...page, page: 1 }); };
  return (
    <>
      <PageHeader title={t('prevention.ui.risksTitle')} crumbs={[t('menu.group.prevention')]}
        extra={can('prevention.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="risk-add">{t('prevention.ui.addRisk')}</Button>} />
      {chart.data && <Charts data={chart.data} levelText={levelText} />}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select allowClear style={{ width: 120 }} placeholder={t('prevention.ui.level')} value={filter.riskLevel} onChange={(v?: RiskLevel) => set({ riskLevel: v })}
            options={riskLevels.map((l) => ({ value: l, label: levelText(l) }))} data-testid="risk-filter-level" />
          <TownshipSelect value={filter.township} onChange={(v) => set({ township: v })} testId="risk-filter-township" />
          <Input.Search allowClear style={{ width: 260 }} placeholder={t('prevention.ui.riskSearch')} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="risk-search" />
        </Flex>
        <Table<RiskPoint> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="risks-table"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <Drawer open={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'prevention.ui.addRisk' : 'prevention.ui.editRisk')} size="large"
        destroyOnHidden data-testid="risk-drawer"
        extra={<Space><Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="risk-save">{t('common.save')}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="unitId" label={t('prevention.ui.unit')} rules={[{ required: true, message: t('common.required') }]}><UnitTreeSelect data-testid="risk-unit" /></Form.Item>
          <Form.Item name="post" label={t('prevention.ui.post')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} data-testid="risk-post" />
          </Form.Item>
          <Form.Item name="riskDescription" label={t('prevention.ui.riskDescription')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="risk-description" />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('prevention.ui.level')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={riskLevels.map((l) => ({ value: l, label: levelText(l) }))} data-testid="risk-level-select" />
          </Form.Item>
          <Form.Item name="controlMeasures" label={t('prevention.ui.measures')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="risk-measures" />
          </Form.Item>
          <Form.Item name="responsiblePerson" label={t('prevention.ui.responsible')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={50} data-testid="risk-responsible" />
          </Form.Item>
          <Form.Item name="reviewedOn" label={t('prevention.ui.reviewedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
        </Form>
      </Drawer>
    </>
  );
}

function Charts({ data, levelText }: { data: RiskChart; levelText: (l: RiskLevel) => string }) {
  const t = useT();
  const pie = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '70%'], data: data.byLevel.map((l) => ({ name: levelText(l.level), value: l.n, itemStyle: { color: levelColor[l.level] } })) }],
  }), [data, levelText]);
  const bars = useMemo<EChartsOption>(() => {
    const names = data.byPlace.map((p) => p.name).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true }, xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: names },
      series: riskLevels.map((l) => ({ name: levelText(l), type: 'bar', stack: 'level', barMaxWidth: 20, itemStyle: { color: levelColor[l] },
        data: data.byPlace.map((p) => p.counts[l]).reverse() })),
    };
  }, [data, levelText]);
  return (
    <Card title={t('prevention.ui.chartTitle')} extra={<span data-testid="risk-total">{t('prevention.ui.totalRisks', { n: data.total })}</span>} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} lg={8}><h4>{t('prevention.ui.byLevel')}</h4><EChart option={pie} height={260} testId="risk-chart-level" /></Col>
        <Col xs={24} lg={16}><h4>{t('prevention.ui.byPlace')}</h4><EChart option={bars} height={Math.max(260, 24 * data.byPlace.length + 60)} testId="risk-chart-place" /></Col>
      </Row>
    </Card>
  );
}
