import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Popconfirm, Radio, Row, Space, Table, Tag, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import type { EChartsOption } from 'echarts';
import { ApiError } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT, type MessageKey, type TFunction } from '../../../web/i18n';
import { EChart } from '../../analysis/pages/EChart';
import { dutyApi, dutyKeys, ratings, type Rating, type Round } from './api';

const colors: Record<Rating, string> = { good: '#52c41a', fairlyGood: '#1677ff', average: '#fa8c16', poor: '#cf1322' };
const ratingText = (t: TFunction, r: Rating) => t(`duty.ui.rating.${r}` as MessageKey);

/** Ratings per secretary, as horizontal bars stacked by grade, best-ranked on top. */
function chartOption(round: Round, t: TFunction): EChartsOption {
  const rows = [...round.results].sort((a, b) => b.rank - a.rank);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: rows.map((r) => `${r.townshipName} ${r.officialName}`) },
    series: ratings.map((g) => ({ name: ratingText(t, g), type: 'bar', stack: 'rating', itemStyle: { color: colors[g] }, barMaxWidth: 20, data: rows.map((r) => r.counts[g]) })),
  };
}

/** One appraisal round: the caller's rating form while open, the results table (rank, counts, share of 好) and chart. */
export function RoundPanel({ id }: { id: string }) {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: dutyKeys.round(id), queryFn: () => dutyApi.round(id) });
  const [choice, setChoice] = useState<Record<string, Rating>>({});
  const refresh = () => void qc.invalidateQueries({ queryKey: dutyKeys.all });
  const rate = useMutation({
    meta: { manualError: true },
    mutationFn: () => dutyApi.rate(id, { ratings: Object.entries(choice).map(([subjectId, rating]) => ({ subjectId, rating })) }),
    onSuccess: () => { setChoice({}); refresh(); void message.success(t('duty.ui.rated')); },
    onError: (err) => { refresh(); void message.error(err instanceof ApiError ? (err.issues[0]?.message ?? err.message) : String(err)); },
  });
  const close = useMutation({ mutationFn: () => dutyApi.close(id), onSuccess: () => { refresh(); void message.success(t('duty.ui.closed')); } });
  const option = useMemo(() => (q.data ? chartOption(q.data, t) : null), [q.data, t]);
  const r = q.data;
  if (!r) return <Card loading />;
  const unrated = r.results.filter((x) => !x.mine);
  const canRate = r.status === 'open' && can('duty.appraise');
  return (
    <Card data-testid="round-panel" style={{ marginBottom: 16 }} title={<Space>{r.roundName}<Tag color={r.status === 'open' ? 'blue' : 'default'} data-testid="round-status">
      {t(`duty.ui.roundStatus.${r.status}` as MessageKey)}</Tag><span style={{ fontWeight: 'normal', fontSize: 13 }}>{r.heldOn} · {t('duty.ui.appraisers')} {r.appraisers}</span></Space>}
      extra={can('duty.write') && r.status === 'open' && (
        <Popconfirm title={t('duty.ui.closeConfirm')} onConfirm={() => close.mutate()} okButtonProps={{ 'data-testid': 'round-close-ok' } as unknown as ButtonProps}>
          <Button danger data-testid="round-close" loading={close.isPending}>{t('duty.ui.close')}</Button>
        </Popconfirm>
      )}>
      {canRate && (unrated.length === 0 ? <Alert type="success" title={t('duty.ui.allRated')} style={{ marginBottom: 16 }} /> : (
        <Card size="small" type="inner" title={t('duty.ui.rateTitle')} style={{ marginBottom: 16 }}>
          <Alert type="info" title={t('duty.ui.rateHint')} style={{ marginBottom: 8 }} />
          <Table rowKey="subjectId" size="small" pagination={false} dataSource={unrated} data-testid="round-rate-form" columns={[
            { title: t('duty.ui.township'), dataIndex: 'townshipName', width: 140 },
            { title: t('duty.ui.official'), dataIndex: 'officialName', width: 110 },
            {
              title: t('duty.ui.rateTitle'),
              render: (_, s) => (
                <Radio.Group value={choice[s.subjectId]} onChange={(e) => setChoice((c) => ({ ...c, [s.subjectId]: e.target.value as Rating }))} data-testid={`rate-${s.subjectId}`}
                  options={ratings.map((g) => ({ value: g, label: ratingText(t, g) }))} />
              ),
            },
          ]} />
          <Button type="primary" style={{ marginTop: 8 }} loading={rate.isPending} data-testid="round-submit" disabled={Object.keys(choice).length === 0}
            onClick={() => rate.mutate()}>{t('duty.ui.submitRatings')}</Button>
        </Card>
      ))}
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Table rowKey="subjectId" size="small" pagination={false} dataSource={[...r.results].sort((a, b) => a.rank - b.rank)} data-testid="round-results" columns={[
            { title: t('duty.ui.rank'), dataIndex: 'rank', width: 60 },
            { title: t('duty.ui.township'), dataIndex: 'townshipName', width: 120 },
            { title: t('duty.ui.official'), dataIndex: 'officialName', width: 90 },
            ...ratings.map((g) => ({ title: ratingText(t, g), width: 56, align: 'right' as const, render: (_: unknown, x: Round['results'][number]) => x.counts[g] })),
            { title: t('duty.ui.goodShare'), dataIndex: 'goodShare', width: 90, align: 'right', render: (v: number, x) => (x.total ? `${v}%` : '—') },
            { title: t('duty.ui.mine'), dataIndex: 'mine', width: 80, render: (v: Rating | null) => (v ? ratingText(t, v) : '—') },
          ]} />
        </Col>
        <Col xs={24} xl={11}>{option && <EChart option={option} height={Math.max(260, 26 * r.results.length + 60)} testId="round-chart" />}</Col>
      </Row>
    </Card>
  );
}

/** 发起评议 for a meeting: every township secretary on record is appraised. */
export function NewRoundButton({ meetingId, heldOn }: { meetingId?: string; heldOn?: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ roundName: string }>();
  const create = useMutation({
    meta: { manualError: true },
    mutationFn: (v: { roundName: string }) => dutyApi.createRound({ roundName: v.roundName, heldOn: heldOn ?? dayjs().format('YYYY-MM-DD'), meetingId }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: dutyKeys.all }); setOpen(false); },
    onError: (err) => handleFormError(form, err, ['roundName', 'heldOn', 'officialIds']),
  });
  return (
    <>
      <Button data-testid="round-new" onClick={() => { form.resetFields(); form.setFieldsValue({ roundName: `${(heldOn ?? dayjs().format('YYYY')).slice(0, 4)}年${t('duty.ui.roundNameDefault')}` }); setOpen(true); }}>
        {t('duty.ui.newRound')}
      </Button>
      <Modal open={open} title={t('duty.ui.newRound')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden
        okButtonProps={{ 'data-testid': 'round-save' } as unknown as ButtonProps}>
        <Alert type="info" title={t('duty.ui.roundHint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="roundName" label={t('duty.ui.roundName')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
