import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT } from '../../../web/i18n';
import { disclosureKindWords, siteStatusWords } from '../words';
import { UnitSelect } from './UnitSelect';
import { dateOf, disclosureApi, disclosureKeys, disclosureKinds, opt, siteStatuses, word, type DisclosureKind, type Site, type SiteStatus } from './api';

interface Values { unitId: string; kind: DisclosureKind; siteName: string; status: SiteStatus; designatedOn?: Dayjs | null; revokedOn?: Dayjs | null; note?: string }
const fields = ['unitId', 'kind', 'siteName', 'status', 'designatedOn', 'revokedOn', 'note'];
const statusColors: Record<SiteStatus, string> = { cultivating: 'blue', named: 'green', revoked: 'default' };

/** 示范点: the register of demonstration sites, added and edited (培育中 → 已命名 → 撤销) by the CDI. */
export default function SitesPage() {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const list = useQuery({ queryKey: disclosureKeys.sites(page), queryFn: () => disclosureApi.sites(page), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Site> = [
    { title: t('disclosure.ui.siteName'), dataIndex: 'siteName' },
    { title: t('disclosure.ui.township'), dataIndex: 'townshipName', width: 130, render: (v: string | null) => v ?? t('disclosure.ui.countyLevel') },
    { title: t('disclosure.ui.unit'), dataIndex: 'unitName', width: 160 },
    { title: t('disclosure.ui.kind'), dataIndex: 'kind', width: 110, render: (k: string) => word(disclosureKindWords[k], locale) },
    { title: t('disclosure.ui.siteStatus'), dataIndex: 'status', width: 100, render: (s: SiteStatus) => <Tag color={statusColors[s]} data-testid="site-status">{word(siteStatusWords[s], locale)}</Tag> },
    { title: t('disclosure.ui.designatedOn'), dataIndex: 'designatedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('disclosure.ui.revokedOn'), dataIndex: 'revokedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('disclosure.ui.note'), dataIndex: 'note', ellipsis: true },
    ...(can('disclosure.check') ? [{ title: t('disclosure.ui.actions'), key: 'a', width: 80,
      render: (_: unknown, r: Site) => <Button size="small" type="link" onClick={() => setEditing(r)} data-testid="site-edit">{t('disclosure.ui.edit')}</Button> }] : []),
  ];
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('menu.disclosureSites')} crumbs={[t('menu.group.disclosure')]} extra={can('disclosure.check') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="site-new">{t('disclosure.ui.addSite')}</Button>
      )} />
      <Card extra={t('disclosure.ui.namedCount', { n: items.filter((s) => s.status === 'named').length, m: items.filter((s) => s.status === 'cultivating').length })}>
        <Table<Site> rowKey="id" size="middle" loading={list.isLoading} dataSource={items} columns={columns} data-testid="disclosure-sites"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <SiteDrawer site={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function SiteDrawer({ site, onClose }: { site: Site | 'new' | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const kind = Form.useWatch('kind', form) ?? 'service';
  useEffect(() => {
    if (!site) return;
    form.resetFields();
    if (site === 'new') form.setFieldsValue({ kind: 'service', status: 'cultivating' });
    else form.setFieldsValue({ unitId: site.unitId, kind: site.kind, siteName: site.siteName, status: site.status, note: site.note ?? undefined,
      designatedOn: site.designatedOn ? dayjs(site.designatedOn) : null, revokedOn: site.revokedOn ? dayjs(site.revokedOn) : null });
  }, [site]);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => {
      const dates = { designatedOn: v.status === 'cultivating' ? undefined : dateOf(v.designatedOn), revokedOn: v.status === 'revoked' ? dateOf(v.revokedOn) : undefined };
      return site === 'new'
        ? disclosureApi.addSite({ unitId: v.unitId, kind: v.kind, siteName: v.siteName, status: v.status, ...dates, note: opt(v.note) })
        : disclosureApi.updateSite((site as Site).id, { kind: v.kind, siteName: v.siteName, status: v.status, designatedOn: dates.designatedOn ?? null,
          revokedOn: dates.revokedOn ?? null, note: opt(v.note) ?? null });
    },
    onSuccess: () => { void qc.invalidateQueries({ queryKey: disclosureKeys.all }); void message.success(t('disclosure.ui.saved')); onClose(); },
    onError: (err) => handleFormError(form, err, fields),
  });
  const required = { required: true, message: t('common.required') };
  return (
    <Drawer open={!!site} onClose={onClose} title={t(site === 'new' ? 'disclosure.ui.addSite' : 'disclosure.ui.editSite')} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="site-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('disclosure.ui.unit')} rules={[required]}><UnitSelect kind={kind} disabled={site !== 'new'} testId="site-unit" /></Form.Item>
        <Form.Item name="siteName" label={t('disclosure.ui.siteName')} rules={[{ ...required, whitespace: true }, { max: 200 }]}><Input maxLength={200} data-testid="site-name" /></Form.Item>
        <Space size="large" wrap>
          <Form.Item name="kind" label={t('disclosure.ui.kind')} rules={[required]}>
            <Select style={{ width: 160 }} onChange={() => site === 'new' && form.setFieldValue('unitId', undefined)}
              options={disclosureKinds.map((k) => ({ value: k, label: word(disclosureKindWords[k], locale) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('disclosure.ui.siteStatus')} rules={[required]}>
            <Select style={{ width: 140 }} options={siteStatuses.map((s) => ({ value: s, label: word(siteStatusWords[s], locale) }))} />
          </Form.Item>
          {status && status !== 'cultivating' && <Form.Item name="designatedOn" label={t('disclosure.ui.designatedOn')} rules={[required]}><DatePicker /></Form.Item>}
          {status === 'revoked' && <Form.Item name="revokedOn" label={t('disclosure.ui.revokedOn')} rules={[required]}><DatePicker /></Form.Item>}
        </Space>
        <Form.Item name="note" label={t('disclosure.ui.note')} rules={[{ max: 1000 }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </Form>
    </Drawer>
  );
}
