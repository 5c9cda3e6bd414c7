import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT } from '../../../web/i18n';

interface CaseType {
  code: string; parentCode: string | null; labelZh: string; labelEn: string; discipline?: string;
  economic: boolean; economicEffective: boolean; active: boolean; builtin: boolean; sort: number;
}
interface Values { code: string; parentCode?: string | null; labelZh: string; labelEn: string; economic: boolean; active: boolean; sort?: number }

const fields = ['code', 'parentCode', 'labelZh', 'labelEn', 'economic', 'active', 'sort'] as const;

/** 案件类别 dictionary: the office adds types and subtypes and disables built-ins (they are never deleted). */
export default function CaseTypesPage() {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<{ open: boolean; record: CaseType | null }>({ open: false, record: null });
  const list = useQuery({ queryKey: ['cases', 'caseTypes'], queryFn: () => api.get<{ items: CaseType[] }>('/cases/case-types', { includeInactive: 'true' }) });
  const items = list.data?.items ?? [];
  const label = (c: CaseType) => (locale === 'en' ? c.labelEn : c.labelZh);
  const writable = can('cases.dictionary.write');

  useEffect(() => {
    if (!editing.open) return;
    form.resetFields();
    form.setFieldsValue(editing.record ? { ...editing.record } : { economic: false, active: true, parentCode: null });
  }, [editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const { code, active, ...rest } = v;
      const body = { ...rest, parentCode: v.parentCode || null, sort: v.sort ?? undefined };
      return editing.record ? api.patch<CaseType>(`/cases/case-types/${editing.record.code}`, { ...body, active }) : api.post<CaseType>('/cases/case-types', { ...body, code });
    },
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['cases', 'caseTypes'] });
      setEditing({ open: false, record: null });
    },
    onError: (err) => handleFormError(form, err, fields),
  });

  const parents = items.filter((c) => c.code !== editing.record?.code).map((c) => ({ value: c.code, label: `${label(c)}（${c.code}）` }));
  return (
    <>
      <PageHeader title={t('menu.caseTypes')} crumbs={[t('menu.group.cases')]}
        extra={writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })} data-testid="case-type-add">{t('cases.types.add')}</Button>} />
      <Table<CaseType> rowKey="code" size="small" loading={list.isLoading} dataSource={items} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('cases.types.code'), dataIndex: 'code', width: 260, render: (v: string, r) => <span style={{ paddingLeft: (v.split('.').length - 1) * 16 }}>{r.parentCode ? v.slice(r.parentCode.length + 1) : v}</span> },
          { title: t('cases.types.label'), render: (_, r) => label(r) },
          { title: t('cases.types.economic'), width: 110, render: (_, r) => (r.economicEffective ? <Tag color="gold">{r.economic ? t('cases.types.economic') : t('cases.types.economicInherited')}</Tag> : null) },
          { title: t('cases.types.state'), width: 140, render: (_, r) => (
            <Space size={4}>{r.builtin && <Tag>{t('cases.types.builtin')}</Tag>}{r.active ? <Tag color="green">{t('cases.types.active')}</Tag> : <Tag>{t('cases.types.inactive')}</Tag>}</Space>) },
          ...(writable ? [{ title: '', width: 80, render: (_: unknown, r: CaseType) => <Button type="link" size="small" onClick={() => setEditing({ open: true, record: r })}>{t('common.edit')}</Button> }] : []),
        ]} />
      <Drawer open={editing.open} onClose={() => setEditing({ open: false, record: null })} size={480} destroyOnHidden
        title={editing.record ? t('cases.types.editTitle') : t('cases.types.add')}
        extra={<Space>
          <Button onClick={() => setEditing({ open: false, record: null })}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="case-type-submit">{t('common.save')}</Button>
        </Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="code" label={t('cases.types.code')} extra={t('cases.types.codeHint')} rules={[{ required: true, pattern: /^[a-z][A-Za-z0-9.]{1,63}$/, message: t('cases.types.codeHint') }]}>
            <Input disabled={!!editing.record} />
          </Form.Item>
          <Form.Item name="parentCode" label={t('cases.types.parent')}><Select allowClear showSearch optionFilterProp="label" options={parents} /></Form.Item>
          <Form.Item name="labelZh" label={t('cases.types.labelZh')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="labelEn" label={t('cases.types.labelEn')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="economic" label={t('cases.types.economic')} valuePropName="checked" extra={t('cases.types.economicHint')}><Switch /></Form.Item>
          {editing.record && <Form.Item name="active" label={t('cases.types.active')} valuePropName="checked" extra={t('cases.types.activeHint')}><Switch /></Form.Item>}
          <Form.Item name="sort" label={t('cases.types.sort')}><InputNumber min={0} max={100000} /></Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
