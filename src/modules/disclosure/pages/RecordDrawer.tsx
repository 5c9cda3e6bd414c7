import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useLocale, useT } from '../../../web/i18n';
import { channelWords, disclosureKindWords, itemWords } from '../words';
import { channelCodes, dateOf, disclosureApi, disclosureKeys, opt, word, type DisclosureKind, type DisclosureRecord, type MatrixRow } from './api';

interface Values { unitId: string; quarter: string; disclosedItems: string[]; publishedOn: Dayjs; channels: string[]; evidenceNote?: string; correctionReason?: string }
const fields = ['unitId', 'quarter', 'disclosedItems', 'publishedOn', 'channels', 'evidenceNote', 'correctionReason'];
/** A new record (unit and quarter preset when a cell was clicked), or a record to correct. */
export interface RecordTarget { unitId?: string; quarter?: string; record?: DisclosureRecord }

/**
 * 登记公开: one unit's disclosure for a quarter, its items from the kind's checklist. 更正: the same form over a
 * recorded disclosure, unit and quarter fixed, with the reason required (the audit log keeps the values before).
 */
export function RecordDrawer({ kind, rows, periods, items, target, onClose }: {
  kind: DisclosureKind; rows: MatrixRow[]; periods: string[]; items: string[]; target: RecordTarget | null; onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const r = target.record;
    form.setFieldsValue(r
      ? { unitId: r.unitId, quarter: r.quarter, disclosedItems: r.disclosedItems, publishedOn: dayjs(r.publishedOn), channels: r.channels, evidenceNote: r.evidenceNote ?? undefined }
      : { unitId: target.unitId, quarter: target.quarter, publishedOn: dayjs(), channels: ['noticeBoard'] });
  }, [target]);
  const correcting = target?.record;
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => {
      const content = { disclosedItems: v.disclosedItems ?? [], publishedOn: dateOf(v.publishedOn)!, channels: v.channels ?? [], evidenceNote: opt(v.evidenceNote) };
      return correcting
        ? disclosureApi.correctRecord(correcting.id, { ...content, correctionReason: v.correctionReason ?? '' })
        : disclosureApi.addRecord({ unitId: v.unitId, kind, quarter: v.quarter, ...content });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.all });
      void message.success(t(correcting ? 'disclosure.ui.corrected' : 'disclosure.ui.recorded'));
      onClose();
    },
    onError: (err) => handleFormError(form, err, fields),
  });
  const required = { required: true, message: t('common.required') };
  return (
    <Drawer open={!!target} onClose={onClose} title={`${t(correcting ? 'disclosure.ui.correct' : 'disclosure.ui.record')} · ${word(disclosureKindWords[kind], locale)}`} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="disclosure-record-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="disclosure-record-form">
        <Form.Item name="unitId" label={t('disclosure.ui.unit')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} data-testid="disclosure-record-unit" disabled={!!correcting}
            options={rows.map((r) => ({ value: r.unitId, label: r.townshipName && r.townshipCode !== r.unitCode ? `${r.townshipName} ${r.unitName}` : r.unitName }))} />
        </Form.Item>
        <Form.Item name="quarter" label={t('disclosure.ui.quarter')} rules={[required]}>
          <Select options={periods.map((p) => ({ value: p, label: p }))} data-testid="disclosure-record-quarter" disabled={!!correcting} />
        </Form.Item>
        <Form.Item name="disclosedItems" label={t('disclosure.ui.items')} rules={[{ ...required, type: 'array', min: 1 }]}>
          <Checkbox.Group options={items.map((i) => ({ value: i, label: word(itemWords[i], locale, i) }))} data-testid="disclosure-record-items" />
        </Form.Item>
        <Form.Item name="publishedOn" label={t('disclosure.ui.publishedOn')} rules={[required]}><DatePicker /></Form.Item>
        <Form.Item name="channels" label={t('disclosure.ui.channels')}>
          <Checkbox.Group options={channelCodes.map((c) => ({ value: c, label: word(channelWords[c], locale, c) }))} />
        </Form.Item>
        <Form.Item name="evidenceNote" label={t('disclosure.ui.evidence')} rules={[{ max: 1000 }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        {correcting && (
          <Form.Item name="correctionReason" label={t('disclosure.ui.correctionReason')} rules={[{ ...required, whitespace: true }, { max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="disclosure-correction-reason" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
