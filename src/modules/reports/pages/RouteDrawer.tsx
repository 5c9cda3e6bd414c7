import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { CategorySuggestion } from './CategorySuggestion';
import { dictionaryOptions, useEfficiencyCategories, useSectors } from './settingsData';
import { kinds, type ReportDetail, type RouteSuggestion } from './types';
import { DateInput } from '../../../web/components/DateInput';

interface Values { kind: string; category?: string; sector?: string; efficiencyCategory?: string; unitId?: string; mode: 'transfer' | 'assignment'; dueDate?: string; note?: string }

/** Triage (kind, category) and routing (转办/交办 to a unit, with a due date), with the rules' suggestion preselected. */
export function RouteDrawer({ report, open, onClose }: { report: ReportDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const sectors = useSectors(open);
  const efficiency = useEfficiencyCategories(open);
  const suggestion = useQuery({
    queryKey: ['reports', report.id, 'route-suggestion'],
    queryFn: () => api.get<RouteSuggestion>(`/reports/${report.id}/route-suggestion`),
    enabled: open,
  });
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: report.kind, category: report.category ?? undefined, sector: report.sector ?? undefined,
      efficiencyCategory: report.efficiencyCategory ?? undefined, mode: 'assignment', unitId: suggestion.data?.unitId ?? undefined });
  }, [open, report, suggestion.data, form]);

  const save = useMutation({
    meta: { manualError: true },
    mutationFn: async (v: Values) => {
      await api.patch(`/reports/${report.id}/triage`, {
        kind: v.kind, category: v.category || null, sector: v.sector ?? null, ...(v.kind === 'efficiency' ? { efficiencyCategory: v.efficiencyCategory ?? null } : {}),
      });
      if (v.unitId) await api.post(`/reports/${report.id}/route`, { unitId: v.unitId, mode: v.mode, dueDate: v.dueDate || undefined, note: v.note || undefined });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['reports'] });
      onClose();
    },
    onError: (err) => handleFormError(form, err),
  });

  return (
    <Drawer title={t('reports.triageRoute')} open={open} onClose={onClose} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="route-save">{t('common.save')}</Button></Space>}>
      {suggestion.data?.unitName && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${t('reports.suggestion')}：${suggestion.data.unitName}`} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('reports.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`reports.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <CategorySuggestion reportId={report.id} open={open} onAdopt={(c) => form.setFieldValue('category', c)} />
        <Form.Item name="category" label={t('reports.category')}><Input maxLength={50} /></Form.Item>
        <Form.Item name="sector" label={t('reports.sector')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} data-testid="route-sector" options={dictionaryOptions(sectors.data?.items, locale, report.sector)} />
        </Form.Item>
        {kind === 'efficiency' && (
          <Form.Item name="efficiencyCategory" label={t('reports.efficiencyCategory')}>
            <Select allowClear options={dictionaryOptions(efficiency.data?.items, locale, report.efficiencyCategory)} />
          </Form.Item>
        )}
        <Form.Item name="unitId" label={t('reports.unit')}><UnitTreeSelect data-testid="route-unit" /></Form.Item>
        <Form.Item name="mode" label={t('reports.routeMode')}>
          <Radio.Group options={[{ value: 'assignment', label: t('reports.mode.assignment') }, { value: 'transfer', label: t('reports.mode.transfer') }]} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('reports.dueDate')}><DateInput data-testid="route-due" /></Form.Item>
        <Form.Item name="note" label={t('reports.note')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </Form>
    </Drawer>
  );
}
