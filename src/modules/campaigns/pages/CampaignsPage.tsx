import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { campaignApi, campaignKeys, campaignKinds, type CampaignKind, type CampaignRow } from './api';
import { dateOf, opt } from './labels';

interface NewCampaign { title: string; kind: CampaignKind; unitId?: string; periodStart: Dayjs; periodEnd: Dayjs; thresholdYuan?: number; description?: string }
const fields = ['title', 'kind', 'unitId', 'periodStart', 'periodEnd', 'thresholdYuan', 'description'];

/** 专项治理台账: the campaigns the caller takes part in, with their figures in the caller's own scope. */
export default function CampaignsPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewCampaign>();
  const list = useQuery({ queryKey: campaignKeys.list(page), queryFn: () => campaignApi.list(page), placeholderData: keepPreviousData });
  const create = useMutation({
    meta: { manualError: true },
    mutationFn: (v: NewCampaign) => campaignApi.create({
      title: v.title, kind: v.kind, unitId: v.unitId || undefined, periodStart: dateOf(v.periodStart)!, periodEnd: dateOf(v.periodEnd)!,
      thresholdYuan: v.thresholdYuan ?? 0, description: opt(v.description),
    }),
    onSuccess: (c) => { void qc.invalidateQueries({ queryKey: campaignKeys.all }); void message.success(t('campaigns.ui.created')); setOpen(false); navigate(`/campaigns/${c.id}`); },
    onError: (err) => handleFormError(form, err, fields),
  });
  const columns: TableColumnsType<CampaignRow> = [
    { title: t('campaigns.ui.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/campaigns/${r.id}`} data-testid="campaign-link">{v}</Link> },
    { title: t('campaigns.ui.kind'), dataIndex: 'kind', width: 130, render: (k: CampaignKind) => t(`campaigns.ui.kind.${k}` as MessageKey) },
    { title: t('campaigns.ui.unit'), dataIndex: 'unitName', width: 180 },
    { title: t('campaigns.ui.period'), width: 210, render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
    { title: t('campaigns.ui.projects'), dataIndex: 'objects', width: 90, align: 'right' },
    { title: t('campaigns.ui.findings'), dataIndex: 'findings', width: 90, align: 'right' },
    { title: t('campaigns.ui.rectified'), dataIndex: 'rectified', width: 90, align: 'right' },
    { title: t('campaigns.ui.rectifying'), dataIndex: 'rectifying', width: 90, align: 'right' },
  ];
  return (
    <>
      <PageHeader title={t('menu.campaigns')} crumbs={[t('menu.group.campaigns')]} extra={can('campaigns.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }} data-testid="campaign-new">{t('campaigns.ui.new')}</Button>
      )} />
      <Card>
        <Table<CampaignRow> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="campaigns"
          locale={{ emptyText: t('campaigns.ui.empty') }} pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('campaigns.ui.new')} size="large" destroyOnHidden
        extra={<Space><Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="campaign-save">{t('common.save')}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: 'constructionProjects', thresholdYuan: 1_000_000 }}>
          <Form.Item name="title" label={t('campaigns.ui.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} data-testid="campaign-title" />
          </Form.Item>
          <Form.Item name="kind" label={t('campaigns.ui.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={campaignKinds.map((k) => ({ value: k, label: t(`campaigns.ui.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('campaigns.ui.unit')}><UnitTreeSelect /></Form.Item>
          <Space size="large">
            <Form.Item name="periodStart" label={t('campaigns.ui.periodStart')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
            <Form.Item name="periodEnd" label={t('campaigns.ui.periodEnd')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="thresholdYuan" label={t('campaigns.ui.threshold')}><InputNumber min={0} step={100_000} style={{ width: 220 }} /></Form.Item>
          <Form.Item name="description" label={t('campaigns.ui.description')} rules={[{ max: 2000 }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
