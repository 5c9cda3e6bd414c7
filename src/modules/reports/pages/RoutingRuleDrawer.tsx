import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, AutoComplete, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import type { Unit } from '../../../web/api/types';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { ranks, useKnownCategories, type Rank, type RoutingRule } from './settingsData';

interface Values {
  category?: string; townshipCode?: string | null; accusedRank?: Rank | null; handlingUnitId?: string; priority?: number | null; active: boolean; note?: string;
}
const fields = ['category', 'townshipCode', 'accusedRank', 'handlingUnitId', 'priority', 'active', 'note'] as const;

/** Add or change one routing rule; empty conditions match anything, server refusals land on the field they name. */
export function RoutingRuleDrawer({ open, rule, rules, townships, onClose, onSaved }: {
  open: boolean; rule: RoutingRule | null; rules: RoutingRule[]; townships: Unit[]; onClose: () => void; onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useKnownCategories(rules);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(rule
      ? { category: rule.category ?? undefined, townshipCode: rule.townshipCode, accusedRank: rule.accusedRank, handlingUnitId: rule.handlingUnitId,
        priority: rule.priority, active: rule.active, note: rule.note ?? undefined }
      : { priority: 100, active: true });
  }, [open, rule, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        category: v.category?.trim() || null, townshipCode: v.townshipCode ?? null, accusedRank: v.accusedRank ?? null,
        handlingUnitId: v.handlingUnitId, priority: v.priority ?? undefined, active: v.active,
      };
      // A change may clear the note (an empty string); a new rule simply has none.
      return rule ? api.patch(`/reports/routing-rules/${rule.id}`, { ...body, note: v.note?.trim() ?? '' })
        : api.post('/reports/routing-rules', { ...body, note: v.note?.trim() || undefined });
    },
    meta: { manualError: true },
    onSuccess: () => { void message.success(t('common.saved')); onSaved(); onClose(); },
    onError: (err) => handleFormError(form, err, fields),
  });

  // The township's own unit is the usual handling unit: preset it unless one is already chosen.
  const onTownship = (code: string | undefined) => {
    const unit = townships.find((u) => u.code === code);
    if (unit && !form.getFieldValue('handlingUnitId')) form.setFieldValue('handlingUnitId', unit.id);
  };

  return (
    <Drawer open={open} onClose={onClose} size={520} destroyOnHidden title={rule ? t('reports.settings.editRule') : t('reports.settings.addRule')}
      extra={<Space>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="rule-save">{t('common.save')}</Button>
      </Space>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="rule-form">
        <Form.Item name="category" label={t('reports.category')} extra={t('reports.settings.categoryHint')}>
          <AutoComplete options={categories.map((c) => ({ value: c }))} placeholder={t('reports.settings.any')} data-testid="rule-category"
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}>
            <Input maxLength={50} allowClear />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="townshipCode" label={t('reports.township')} extra={t('reports.settings.townshipHint')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('reports.settings.any')} data-testid="rule-township"
            options={townships.map((u) => ({ value: u.code, label: u.name }))} onChange={onTownship} />
        </Form.Item>
        <Form.Item name="accusedRank" label={t('reports.settings.accusedRank')}>
          <Select allowClear placeholder={t('reports.settings.any')} data-testid="rule-rank"
            options={ranks.map((r) => ({ value: r, label: t(`rank.${r}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="handlingUnitId" label={t('reports.settings.handlingUnit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect data-testid="rule-unit" />
        </Form.Item>
        <Form.Item name="priority" label={t('reports.settings.priority')} extra={t('reports.settings.priorityHint')}>
          <InputNumber min={0} max={10000} precision={0} data-testid="rule-priority" />
        </Form.Item>
        <Form.Item name="active" label={t('reports.settings.active')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="note" label={t('reports.note')}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
      </Form>
    </Drawer>
  );
}
