import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { sourceTypes } from '../db';
import type { clueCreate } from '../schema';
import { OfficialSelect, todayIso, useServerErrors, type OfficialOption } from './formKit';
import { DateInput } from '../../../web/components/DateInput';

type ClueInput = z.input<typeof clueCreate>;
type Values = Omit<ClueInput, 'sources'> & { sources: Array<{ type: ClueInput['sources'][number]['type']; id?: string; note?: string }> };

/** What a clue is registered from: a report's detail page passes the report as its source and accused. */
export interface CluePrefill { title?: string; summary?: string; sources: Values['sources']; accused: OfficialOption[] }

// Source rows and list-level issues go to the alert (the server's message names the field).
const fields = ['title', 'summary', 'receivedOn', 'unitId', 'accused'] as const;

/** Registers a clue (问题线索): sources, the accused officials, a summary; numbered by the server. */
export function ClueFormDrawer({ open, prefill, onClose, onCreated }: {
  open: boolean; prefill?: CluePrefill; onClose: () => void; onCreated?: (clue: { id: string; serial: string }) => void;
}) {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, fields);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
    form.setFieldsValue({
      title: prefill?.title, summary: prefill?.summary, receivedOn: todayIso(), unitId: me?.unit.id,
      sources: prefill?.sources.length ? prefill.sources : [{ type: 'report' }], accused: prefill?.accused.map((a) => a.id) ?? [],
    });
    // Reset only when the drawer opens (prefill may be rebuilt on every render of the caller).
  }, [open]);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => api.post<{ id: string; serial: string }>('/cases/clues', {
      ...v, summary: v.summary || undefined,
      sources: v.sources.map((s) => ({ type: s.type, id: s.id || undefined, note: s.note || undefined })),
    }),
    onSuccess: (clue) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      message.success(`${t('cases.ui.clueRegistered')} ${clue.serial}`);
      onClose();
      onCreated?.(clue);
    },
    onError: errors.onError,
  });
  return (
    <Drawer title={t('cases.ui.registerClue')} open={open} onClose={onClose} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="clue-form-save">{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); save.mutate(v); }}>
        <Form.Item name="title" label={t('cases.ui.title')} rules={[{ required: true }]}><Input maxLength={200} data-testid="clue-form-title" /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="receivedOn" label={t('cases.ui.receivedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
          <Col span={12}><Form.Item name="unitId" label={t('cases.ui.handlingUnit')} rules={[{ required: true }]}><UnitTreeSelect /></Form.Item></Col>
        </Row>
        <Form.Item label={t('cases.ui.sources')} required>
          <Form.List name="sources">
            {(items, { add, remove }) => (
              <>
                {items.map(({ key, name }) => (
                  <Space key={key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[name, 'type']} rules={[{ required: true }]}>
                      <Select style={{ width: 130 }} options={sourceTypes.map((s) => ({ value: s, label: t(`cases.ui.source.${s}` as MessageKey) }))} />
                    </Form.Item>
                    <Form.Item name={[name, 'id']}><Input placeholder={t('cases.ui.sourceRef')} maxLength={100} style={{ width: 200 }} /></Form.Item>
                    <Form.Item name={[name, 'note']}><Input placeholder={t('cases.ui.note')} maxLength={500} style={{ width: 220 }} /></Form.Item>
                    {items.length > 1 && <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('cases.ui.remove')} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'inspection' })}>{t('cases.ui.addSource')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="accused" label={t('cases.ui.accused')}>
          <OfficialSelect multiple known={prefill?.accused} data-testid="clue-form-accused" />
        </Form.Item>
        <Form.Item name="summary" label={t('cases.ui.summary')}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
      </Form>
    </Drawer>
  );
}
