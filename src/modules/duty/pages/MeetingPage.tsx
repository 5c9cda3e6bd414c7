import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Select, Spin, Table, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT } from '../../../web/i18n';
import { dutyApi, dutyKeys, type Meeting } from './api';
import { NewRoundButton, RoundPanel } from './RoundPanel';

/** One meeting: the township secretaries whose reports were heard, and the appraisal held with it. */
export default function MeetingPage() {
  const t = useT();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: dutyKeys.meeting(id), queryFn: () => dutyApi.meeting(id) });
  const m = q.data;
  if (!m) return q.isLoading ? <Spin style={{ display: 'block', margin: 48 }} /> : <Empty />;
  return (
    <>
      <PageHeader title={m.meetingName} crumbs={[t('menu.group.duty'), t('menu.dutyMeetings')]}
        extra={can('duty.write') && m.rounds.length === 0 && <NewRoundButton meetingId={m.id} heldOn={m.heldOn} />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={2} items={[
          { label: t('duty.ui.heldOn'), children: m.heldOn },
          { label: t('duty.ui.reportsHeard'), children: <span data-testid="meeting-reports-count">{m.reports.length}</span> },
        ]} />
      </Card>
      <Reports meeting={m} />
      {m.rounds.map((r) => <RoundPanel key={r.id} id={r.id} />)}
    </>
  );
}

function Reports({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ officialId: string; summary: string }>();
  const secretaries = useQuery({ queryKey: dutyKeys.secretaries, queryFn: dutyApi.secretaries, enabled: open });
  const add = useMutation({
    meta: { manualError: true },
    mutationFn: (v: { officialId: string; summary: string }) => dutyApi.addReport(meeting.id, v),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: dutyKeys.all }); void message.success(t('duty.ui.saved')); setOpen(false); },
    onError: (err) => handleFormError(form, err, ['officialId', 'summary']),
  });
  const heard = new Set(meeting.reports.map((r) => r.officialId));
  return (
    <Card title={t('duty.ui.reports')} style={{ marginBottom: 16 }} extra={can('duty.write') && (
      <Button icon={<PlusOutlined />} data-testid="report-add" onClick={() => { form.resetFields(); setOpen(true); }}>{t('duty.ui.addReport')}</Button>
    )}>
      <Table rowKey="id" size="small" dataSource={meeting.reports} pagination={false} data-testid="meeting-reports" locale={{ emptyText: t('duty.ui.noReports') }} columns={[
        { title: t('duty.ui.township'), dataIndex: 'townshipName', width: 140 },
        { title: t('duty.ui.official'), dataIndex: 'officialName', width: 110 },
        { title: t('duty.ui.post'), dataIndex: 'officialPost', width: 120 },
        { title: t('duty.ui.reportSummary'), dataIndex: 'summary' },
      ]} />
      <Modal open={open} title={t('duty.ui.addReport')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden width={640}
        okButtonProps={{ 'data-testid': 'report-save' } as unknown as ButtonProps}>
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="officialId" label={t('duty.ui.secretary')} rules={[{ required: true, message: t('common.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={secretaries.isLoading} data-testid="report-secretary"
              options={(secretaries.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.townshipName} ${s.name}`, disabled: heard.has(s.id) }))} />
          </Form.Item>
          <Form.Item name="summary" label={t('duty.ui.reportSummary')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 4000 }]}>
            <Input.TextArea rows={5} maxLength={4000} data-testid="report-summary" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
