import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Drawer, Dropdown, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useT, type MessageKey } from '../../../web/i18n';
import { preventionApi, preventionKeys, ruleAreas, ruleStatuses, type Rule, type RuleArea, type RuleFilter, type RuleStatus } from './api';

interface RuleForm { title: string; documentNo: string; issuingUnit: string; issuedOn: Dayjs; ruleArea: RuleArea; ruleSummary?: string }
const fields = ['title', 'documentNo', 'issuingUnit', 'issuedOn', 'ruleArea', 'ruleSummary'];
const statusColor: Record<RuleStatus, string> = { current: 'green', revised: 'blue', repealed: 'default' };

/** 制度建设: the county's prevention rules; the county records and edits them and changes their status. */
export default function RulesPage() {
  const t = useT();
  const { can, me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<RuleFilter>({});
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [form] = Form.useForm<RuleForm>();
  // Rules are county documents: the server refuses a writer whose scope does not hold the CDI; the buttons follow.
  const writer = can('prevention.write') && (me?.dataScope === 'all' || me?.unit.kind === 'county' || me?.unit.kind === 'cdi');
  const q = { ...page, ...filter };
  const list = useQuery({ queryKey: preventionKeys.rules(q), queryFn: () => preventionApi.rules(q), placeholderData: keepPreviousData });
  const done = () => { void qc.invalidateQueries({ queryKey: preventionKeys.all }); void message.success(t('prevention.ui.saved')); };
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: RuleForm) => {
      const body = { title: v.title, documentNo: v.documentNo, issuingUnit: v.issuingUnit, issuedOn: v.issuedOn.format('YYYY-MM-DD'), ruleArea: v.ruleArea,
        ruleSummary: v.ruleSummary?.trim() ?? '' };
      return editing && editing !== 'new' ? preventionApi.editRule(editing.id, body) : preventionApi.addRule({ ...body, ruleSummary: body.ruleSummary || undefined });
    },
    onSuccess: () => { done(); setEditing(null); },
    onError: (err) => handleFormError(form, err, fields),
  });
  const status = useMutation({ mutationFn: ({ id, s }: { id: string; s: RuleStatus }) => preventionApi.setStatus(id, s), onSuccess: done });
  const open = (r: Rule | 'new') => {
    form.resetFields();
    if (r === 'new') form.setFieldsValue({ issuedOn: dayjs(), issuingUnit: me?.unit.name });
    else form.setFieldsValue({ title: r.title, documentNo: r.documentNo, issuingUnit: r.issuingUnit, issuedOn: dayjs(r.issuedOn), ruleArea: r.ruleArea, ruleSummary: r.ruleSummary ?? undefined });
    setEditing(r);
  };
  const areaText = (a: RuleArea) => t(`prevention.ui.area.${a}` as MessageKey);
  const statusText = (s: RuleStatus) => t(`prevention.ui.status.${s}` as MessageKey);
  const columns: TableColumnsType<Rule> = [
    { title: t('prevention.ui.title'), dataIndex: 'title', ellipsis: true },
    { title: t('prevention.ui.documentNo'), dataIndex: 'documentNo', width: 170 },
    { title: t('prevention.ui.issuingUnit'), dataIndex: 'issuingUnit', width: 200, ellipsis: true },
    { title: t('prevention.ui.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { title: t('prevention.ui.area'), dataIndex: 'ruleArea', width: 110, render: areaText },
    { title: t('prevention.ui.status'), dataIndex: 'ruleStatus', width: 90,
      render: (s: RuleStatus) => <Tag color={statusColor[s]} data-testid="rule-status" data-status={s}>{statusText(s)}</Tag> },
    ...(writer ? [{
      title: '', key: 'actions', width: 170,
      render: (_: unknown, r: Rule) => (
        <Space size={4}>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open(r)} data-testid="rule-edit">{t('common.edit')}</Button>
          <Dropdown trigger={['click']} menu={{ items: ruleStatuses.filter((s) => s !== r.ruleStatus).map((s) => ({ key: s, label: statusText(s) })),
            onClick: ({ key }) => status.mutate({ id: r.id, s: key as RuleStatus }) }}>
            <Button size="small" type="link" data-testid="rule-status-change">{t('prevention.ui.changeStatus')}</Button>
          </Dropdown>
        </Space>
      ),
    }] : []),
  ];
  const set = (f: Partial<RuleFilter>) => { setFilter({ ...filter, ...f }); setPage({ ...page, page: 1 }); };
  return (
    <>
      <PageHeader title={t('prevention.ui.rulesTitle')} crumbs={[t('menu.group.prevention')]}
        extra={writer && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="rule-add">{t('prevention.ui.addRule')}</Button>} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select allowClear style={{ width: 150 }} placeholder={t('prevention.ui.area')} value={filter.ruleArea} onChange={(v?: RuleArea) => set({ ruleArea: v })}
            options={ruleAreas.map((a) => ({ value: a, label: areaText(a) }))} data-testid="rule-filter-area" />
          <Select allowClear style={{ width: 120 }} placeholder={t('prevention.ui.status')} value={filter.ruleStatus} onChange={(v?: RuleStatus) => set({ ruleStatus: v })}
            options={ruleStatuses.map((s) => ({ value: s, label: statusText(s) }))} />
          <InputNumber style={{ width: 110 }} placeholder={t('prevention.ui.year')} min={1990} max={2100} value={filter.year} onChange={(v) => set({ year: v ?? undefined })} />
          <Input.Search allowClear style={{ width: 260 }} placeholder={t('prevention.ui.search')} onSearch={(v) => set({ q: v.trim() || undefined })} />
        </Flex>
        <Table<Rule> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="rules-table"
          expandable={{ expandedRowRender: (r) => r.ruleSummary ?? '—', rowExpandable: (r) => !!r.ruleSummary }}
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <Drawer open={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'prevention.ui.addRule' : 'prevention.ui.editRule')} size="large"
        destroyOnHidden data-testid="rule-drawer"
        extra={<Space><Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="rule-save">{t('common.save')}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="title" label={t('prevention.ui.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} placeholder="《关于……的实施细则》" data-testid="rule-title" />
          </Form.Item>
          <Form.Item name="documentNo" label={t('prevention.ui.documentNo')} extra={t('prevention.ui.documentNoHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={60} data-testid="rule-docno" />
          </Form.Item>
          <Form.Item name="issuingUnit" label={t('prevention.ui.issuingUnit')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} data-testid="rule-issuer" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('prevention.ui.issuedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker data-testid="rule-issued" /></Form.Item>
          <Form.Item name="ruleArea" label={t('prevention.ui.area')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={ruleAreas.map((a) => ({ value: a, label: areaText(a) }))} data-testid="rule-area" />
          </Form.Item>
          <Form.Item name="ruleSummary" label={t('prevention.ui.summary')}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
