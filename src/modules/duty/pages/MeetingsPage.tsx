import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, type ButtonProps, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useT, type MessageKey } from '../../../web/i18n';
import { dateOf, dutyApi, dutyKeys, type MeetingRow, type RoundRow } from './api';

/** 履职汇报与评议: the meetings at which township secretaries reported, and the appraisal rounds. */
interface MeetingValues { meetingName: string; heldOn: Dayjs; reviewedQuarter?: string }

/** The quarter of a day and the three before it, latest first (a meeting analyses one that has begun). */
function quartersUpTo(day: Dayjs): string[] {
  const out: string[] = [];
  let y = day.year();
  let q = Math.floor(day.month() / 3) + 1;
  for (let i = 0; i < 4; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) { q = 4; y -= 1; }
  }
  return out;
}

export default function MeetingsPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [roundPage, setRoundPage] = useState({ page: 1, pageSize: 10 });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MeetingValues>();
  const heldOn = Form.useWatch('heldOn', form);
  const list = useQuery({ queryKey: dutyKeys.meetings(page), queryFn: () => dutyApi.meetings(page), placeholderData: keepPreviousData });
  const rounds = useQuery({ queryKey: dutyKeys.rounds(roundPage), queryFn: () => dutyApi.rounds(roundPage), placeholderData: keepPreviousData });
  const create = useMutation({
    meta: { manualError: true },
    mutationFn: (v: MeetingValues) => dutyApi.createMeeting({ meetingName: v.meetingName, heldOn: dateOf(v.heldOn)!, reviewedQuarter: v.reviewedQuarter }),
    onSuccess: (m) => { void qc.invalidateQueries({ queryKey: dutyKeys.all }); void message.success(t('duty.ui.saved')); setOpen(false); navigate(`/duty/meetings/${m.id}`); },
    onError: (err) => handleFormError(form, err, ['meetingName', 'heldOn', 'reviewedQuarter']),
  });
  const columns: TableColumnsType<MeetingRow> = [
    { title: t('duty.ui.meetingName'), dataIndex: 'meetingName', render: (v: string, r) => <Link to={`/duty/meetings/${r.id}`} data-testid="meeting-link">{v}</Link> },
    { title: t('duty.ui.heldOn'), dataIndex: 'heldOn', width: 120 },
    { title: t('duty.ui.reviewedQuarter'), dataIndex: 'reviewedQuarter', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('duty.ui.organiser'), dataIndex: 'unitName', width: 180 },
    { title: t('duty.ui.reportsHeard'), dataIndex: 'reports', width: 100, align: 'right' },
    { title: t('duty.ui.rounds'), dataIndex: 'rounds', width: 80, align: 'right' },
  ];
  const roundColumns: TableColumnsType<RoundRow> = [
    { title: t('duty.ui.roundName'), dataIndex: 'roundName', render: (v: string, r) => <Link to={`/duty/rounds/${r.id}`} data-testid="round-link">{v}</Link> },
    { title: t('duty.ui.heldOn'), dataIndex: 'heldOn', width: 120 },
    { title: t('duty.ui.meeting'), dataIndex: 'meetingName', width: 280, render: (v: string | null) => v ?? '—' },
    { title: t('duty.ui.subjects'), dataIndex: 'subjects', width: 90, align: 'right' },
    { title: t('duty.ui.appraisers'), dataIndex: 'appraisers', width: 90, align: 'right' },
    { title: t('duty.ui.status'), dataIndex: 'status', width: 90, render: (s: 'open' | 'closed') => <Tag color={s === 'open' ? 'blue' : 'default'}>{t(`duty.ui.roundStatus.${s}` as MessageKey)}</Tag> },
  ];
  return (
    <>
      <PageHeader title={t('menu.dutyMeetings')} crumbs={[t('menu.group.duty')]} extra={can('duty.write') && (
        <Button type="primary" icon={<PlusOutlined />} data-testid="meeting-new" onClick={() => { form.resetFields(); form.setFieldsValue({ heldOn: dayjs(), reviewedQuarter: quartersUpTo(dayjs())[1] }); setOpen(true); }}>
          {t('duty.ui.newMeeting')}
        </Button>
      )} />
      <Card title={t('duty.ui.meetings')} style={{ marginBottom: 16 }}>
        <Table<MeetingRow> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="duty-meetings"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <Card title={t('duty.ui.rounds')}>
        <Table<RoundRow> rowKey="id" size="middle" loading={rounds.isLoading} dataSource={rounds.data?.items} columns={roundColumns} data-testid="duty-rounds"
          pagination={serverPagination(t, roundPage, setRoundPage, rounds.data?.total)} />
      </Card>
      <Modal open={open} title={t('duty.ui.newMeeting')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden
        okButtonProps={{ 'data-testid': 'meeting-save' } as unknown as ButtonProps}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="meetingName" label={t('duty.ui.meetingName')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} data-testid="meeting-name" placeholder="第一季度党风廉政建设和反腐败工作形势分析会" />
          </Form.Item>
          <Form.Item name="heldOn" label={t('duty.ui.heldOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
          <Form.Item name="reviewedQuarter" label={t('duty.ui.reviewedQuarter')} extra={t('duty.ui.reviewedQuarterHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Select data-testid="meeting-quarter" options={quartersUpTo(heldOn ?? dayjs()).map((q) => ({ value: q, label: q }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
