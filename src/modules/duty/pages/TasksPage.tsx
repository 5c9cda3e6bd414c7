import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useT, type MessageKey } from '../../../web/i18n';
import { dateOf, dutyApi, dutyKeys, opt, useResponsibleUnits, type DutyTask, type TaskFilter, type TaskStatus } from './api';

interface NewTask { year: number; title: string; content?: string; leadLeader?: string; unitIds: string[]; deadline: Dayjs }
const taskFields = ['year', 'title', 'content', 'leadLeader', 'unitIds', 'deadline'];

/** 责任分解: the year's tasks per responsible unit; the CDI assigns, each unit records its own completion. */
export default function TasksPage() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const thisYear = dayjs().year();
  const [filter, setFilter] = useState<TaskFilter>({ year: Number(params.get('year')) || thisYear, unitId: params.get('unitId') ?? undefined });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [completing, setCompleting] = useState<DutyTask | null>(null);
  const units = useResponsibleUnits();
  const q = { ...filter, ...page };
  const list = useQuery({ queryKey: dutyKeys.tasks(q), queryFn: () => dutyApi.tasks(q), placeholderData: keepPreviousData });
  const change = (patch: Partial<TaskFilter>) => { setFilter((f) => ({ ...f, ...patch })); setPage((p) => ({ ...p, page: 1 })); };
  const [form] = Form.useForm<NewTask>();
  const [doneForm] = Form.useForm<{ completionNote: string; completedOn: Dayjs }>();
  const create = useMutation({
    meta: { manualError: true },
    mutationFn: (v: NewTask) => dutyApi.createTask({ year: v.year, title: v.title, content: opt(v.content), leadLeader: opt(v.leadLeader), unitIds: v.unitIds, deadline: dateOf(v.deadline)! }),
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: dutyKeys.all }); void message.success(t('duty.ui.taskCreated', { n: r.items.length })); setCreating(false); },
    onError: (err) => handleFormError(form, err, taskFields),
  });
  const complete = useMutation({
    meta: { manualError: true },
    mutationFn: (v: { completionNote: string; completedOn: Dayjs }) => dutyApi.complete(completing!.id, { completionNote: v.completionNote, completedOn: dateOf(v.completedOn)! }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: dutyKeys.all }); void message.success(t('duty.ui.completed')); setCompleting(null); },
    onError: (err) => handleFormError(doneForm, err, ['completionNote', 'completedOn']),
  });
  const columns: TableColumnsType<DutyTask> = [
    {
      title: t('duty.ui.title'), dataIndex: 'title',
      render: (v: string, r) => <><div>{v}</div>{r.content && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.content}</Typography.Text>}</>,
    },
    { title: t('duty.ui.leadLeader'), dataIndex: 'leadLeader', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('duty.ui.unit'), dataIndex: 'unitName', width: 170 },
    {
      title: t('duty.ui.deadline'), dataIndex: 'deadline', width: 140,
      render: (d: string, r) => <Space size={4}>{d}{r.overdue && <Tag color="red" data-testid="task-overdue">{t('duty.ui.overdueTag')}</Tag>}</Space>,
    },
    {
      title: t('duty.ui.status'), dataIndex: 'status', width: 200,
      render: (s: TaskStatus, r) => (
        <>
          <Tag color={s === 'done' ? 'green' : 'orange'} data-testid="task-status" data-status={s}>{t(`duty.ui.status.${s}` as MessageKey)}</Tag>
          {r.completedOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.completedOn}</Typography.Text>}
          {r.completionNote && <div style={{ fontSize: 12 }}>{r.completionNote}</div>}
        </>
      ),
    },
    {
      title: t('common.actions'), width: 90,
      render: (_, r) => can('duty.complete') && r.status === 'pending' && (
        <Button size="small" type="link" data-testid="task-complete" onClick={() => { doneForm.resetFields(); doneForm.setFieldsValue({ completedOn: dayjs() }); setCompleting(r); }}>
          {t('duty.ui.complete')}
        </Button>
      ),
    },
  ];
  const required = { required: true, message: t('common.required') };
  return (
    <>
      <PageHeader title={t('menu.dutyTasks')} crumbs={[t('menu.group.duty')]} extra={can('duty.write') && (
        <Button type="primary" icon={<PlusOutlined />} data-testid="task-new" onClick={() => { form.resetFields(); form.setFieldsValue({ year: filter.year ?? thisYear }); setCreating(true); }}>
          {t('duty.ui.newTask')}
        </Button>
      )} />
      <Card>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Select style={{ width: 110 }} value={filter.year} data-testid="task-filter-year" onChange={(v) => change({ year: v })}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}` }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} placeholder={t('duty.ui.unit')} value={filter.unitId} data-testid="task-filter-unit"
            onChange={(v) => change({ unitId: v })} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <Select allowClear style={{ width: 120 }} placeholder={t('duty.ui.status')} value={filter.status} data-testid="task-filter-status"
            onChange={(v) => change({ status: v })} options={(['pending', 'done'] as const).map((s) => ({ value: s, label: t(`duty.ui.status.${s}` as MessageKey) }))} />
          <Checkbox checked={filter.overdue === 'true'} data-testid="task-filter-overdue" onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('duty.ui.overdueOnly')}
          </Checkbox>
          {list.data && <Typography.Text type="secondary" data-testid="task-summary">{t('duty.ui.summary', { total: list.data.total, done: list.data.done, overdue: list.data.overdue })}</Typography.Text>}
        </Flex>
        <Table<DutyTask> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="duty-tasks"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('duty.ui.newTask')} size="large" destroyOnHidden
        extra={<Space><Button onClick={() => setCreating(false)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="task-save">{t('common.save')}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="year" label={t('duty.ui.year')} rules={[required]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="title" label={t('duty.ui.title')} rules={[{ ...required, whitespace: true }, { max: 200 }]}><Input maxLength={200} data-testid="task-title" /></Form.Item>
          <Form.Item name="content" label={t('duty.ui.content')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="leadLeader" label={t('duty.ui.leadLeader')} rules={[{ max: 50 }]}><Input maxLength={50} data-testid="task-leader" /></Form.Item>
          <Form.Item name="unitIds" label={t('duty.ui.units')} rules={[required]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} data-testid="task-units" options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="deadline" label={t('duty.ui.deadline')} rules={[required]}><DatePicker data-testid="task-deadline" /></Form.Item>
        </Form>
      </Drawer>
      <Modal open={!!completing} title={t('duty.ui.completeTitle')} onCancel={() => setCompleting(null)} onOk={() => doneForm.submit()} confirmLoading={complete.isPending} destroyOnHidden
        okButtonProps={{ 'data-testid': 'task-complete-ok' } as unknown as ButtonProps}>
        {completing && <Typography.Paragraph strong>{completing.title}（{completing.unitName}）</Typography.Paragraph>}
        <Form form={doneForm} layout="vertical" onFinish={(v) => complete.mutate(v)}>
          <Form.Item name="completionNote" label={t('duty.ui.completionNote')} rules={[{ ...required, whitespace: true }, { max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="task-completion-note" />
          </Form.Item>
          <Form.Item name="completedOn" label={t('duty.ui.completedOn')} rules={[required]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
