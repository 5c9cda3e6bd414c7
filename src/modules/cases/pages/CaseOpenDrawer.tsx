import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Drawer, Form, Input, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { memberRoles } from '../db';
import { personCategories } from '../rules/sanctionChecks';
import type { caseOpen } from '../schema';
import { OfficialSelect, StaffSelect, todayIso, useServerErrors, type OfficialOption } from './formKit';
import { ruleLabel } from './labels';
import { caseTypeTree, useCaseTypes } from './caseTypeOptions';
import { DateInput } from '../../../web/components/DateInput';

export interface ClueForCase {
  id: string; serial: string; title: string; summary: string | null; unit_id: string;
  accused: Array<{ official_id: string; name: string; unitName: string; post: string | null; rank_at_time: string }>;
}

type OpenInput = z.input<typeof caseOpen>;
/** The subject row keeps the rank shown to the user; it is not sent (the server records the rank at the time itself). */
type Values = Omit<OpenInput, 'subjects'> & { subjects: Array<OpenInput['subjects'][number] & { rank?: string }> };

// Subject and team rows: their issues go to the alert, which names the field.
const fields = ['title', 'summary', 'unitId', 'caseTypeCode', 'openedOn', 'approverId', 'higherApprovalRef'] as const;
const flagOptions = (t: (k: MessageKey) => string) => (['current', 'former'] as const).map((f) => ({ value: f, label: t(`cases.ui.flag.${f}`) }));

/** 立案: from a clue under 初步核实 — subjects with their standing, the handling team, approval; recusal is enforced by the server. */
export function CaseOpenDrawer({ open, clue, onClose }: { open: boolean; clue: ClueForCase; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, fields);
  const types = useCaseTypes();
  const known: OfficialOption[] = clue.accused.map((a) => ({ id: a.official_id, name: a.name, unitName: a.unitName, post: a.post, rank: a.rank_at_time }));
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
    form.setFieldsValue({
      title: clue.title, summary: clue.summary ?? undefined, unitId: clue.unit_id, openedOn: todayIso(), team: [],
      subjects: clue.accused.map((a) => ({ officialId: a.official_id, rank: a.rank_at_time, personCategory: 'civilServant', holdsPartyPost: false })),
    });
  }, [open]); // reset only when it opens
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => api.post<{ id: string }>('/cases/cases', {
      ...v, clueId: clue.id, summary: v.summary || undefined, higherApprovalRef: v.higherApprovalRef || undefined,
      subjects: v.subjects.map(({ rank: _rank, ...s }) => s),
    }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      onClose();
      navigate(`/cases/cases/${c.id}`);
    },
    onError: errors.onError,
  });
  return (
    <Drawer title={`${t('cases.ui.openCase')} · ${clue.serial}`} open={open} onClose={onClose} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="case-form-save">{t('cases.ui.openCase')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); save.mutate(v); }}>
        <Form.Item name="title" label={t('cases.ui.title')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="caseTypeCode" label={t('cases.ui.caseType')} rules={[{ required: true }]}>
            <TreeSelect treeDataSimpleMode treeData={caseTypeTree(types.data ?? [], locale)} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll data-testid="case-form-type" />
          </Form.Item></Col>
          <Col span={12}><Form.Item name="unitId" label={t('cases.ui.handlingUnit')} rules={[{ required: true }]}><UnitTreeSelect /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}><Form.Item name="openedOn" label={t('cases.ui.openedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
          <Col span={9}><Form.Item name="approverId" label={t('cases.ui.approver')} rules={[{ required: true }]}><StaffSelect approves="approvesCases" data-testid="case-form-approver" /></Form.Item></Col>
          <Col span={9}><Form.Item name="higherApprovalRef" label={t('cases.ui.higherApprovalRef')} extra={t('cases.ui.higherApprovalHint')}><Input maxLength={100} /></Form.Item></Col>
        </Row>
        <Typography.Title level={5}>{t('cases.ui.subjects')}</Typography.Title>
        <Form.List name="subjects">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Card key={key} size="small" style={{ marginBottom: 8 }} data-testid="case-form-subject"
                  extra={items.length > 1 && <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('cases.ui.remove')} />}>
                  <Row gutter={8}>
                    <Col span={12}><Form.Item name={[name, 'officialId']} label={t('cases.ui.name')} rules={[{ required: true }]}>
                      <OfficialSelect known={known} onPicked={(o) => form.setFieldValue(['subjects', name, 'rank'], o?.rank)} />
                    </Form.Item></Col>
                    <Col span={12}><Form.Item noStyle shouldUpdate>
                      {() => {
                        const rank = form.getFieldValue(['subjects', name, 'rank']) as string | undefined;
                        return <Form.Item label={t('cases.ui.rank')}><Input disabled value={rank ? t(`cases.ui.rank.${rank}` as MessageKey) : ''} /></Form.Item>;
                      }}
                    </Form.Item></Col>
                    <Col span={12}><Form.Item name={[name, 'personCategory']} label={t('cases.ui.personCategory')} rules={[{ required: true }]}>
                      <Select options={personCategories.map((c) => ({ value: c, label: ruleLabel(`cases.personCategory.${c}`, locale) }))} />
                    </Form.Item></Col>
                    <Col span={6}><Form.Item name={[name, 'villageSecretary']} label={t('cases.ui.flag.secretary')}><Select allowClear options={flagOptions(t)} /></Form.Item></Col>
                    <Col span={6}><Form.Item name={[name, 'villageDirector']} label={t('cases.ui.flag.director')}><Select allowClear options={flagOptions(t)} /></Form.Item></Col>
                    <Col span={24}><Form.Item name={[name, 'holdsPartyPost']} valuePropName="checked" style={{ marginBottom: 0 }}><Checkbox>{t('cases.ui.holdsPartyPost')}</Checkbox></Form.Item></Col>
                  </Row>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ personCategory: 'civilServant', holdsPartyPost: false })} style={{ marginBottom: 16 }}>{t('cases.ui.addSubject')}</Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('cases.ui.team')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('cases.ui.teamHint')}</Typography.Paragraph>
        <Form.List name="team">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex' }} data-testid="case-form-member">
                  <Form.Item name={[name, 'userId']} rules={[{ required: true }]} style={{ width: 320 }}><StaffSelect placeholder="cases.ui.member" /></Form.Item>
                  <Form.Item name={[name, 'role']} rules={[{ required: true }]}>
                    <Select style={{ width: 140 }} options={memberRoles.map((r) => ({ value: r, label: t(`cases.ui.role.${r}` as MessageKey) }))} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('cases.ui.remove')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'reviewer' })} data-testid="case-form-add-member">{t('cases.ui.addMember')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="summary" label={t('cases.ui.summary')} style={{ marginTop: 16 }}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
      </Form>
    </Drawer>
  );
}
