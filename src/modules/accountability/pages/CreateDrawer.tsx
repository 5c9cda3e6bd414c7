import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../../web/auth/AuthContext';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { OfficialSelect, useServerErrors } from '../../cases/pages/formKit';
import { CasePicker, FindingPicker } from './BasisPickers';
import { accountabilityApi, accountabilityKeys, type AccountabilityForm, type BasisKind, type TargetType } from './api';

interface Values {
  targetType: TargetType; targetOfficialId?: string; targetUnitId?: string; accountabilityForm?: AccountabilityForm; accountabilityReason: string; basisKind?: BasisKind;
  basisCaseId?: string; basisFindingId?: string; basisText?: string; decidedByUnitId: string; decidedOn: Dayjs; documentNo: string; leaderResponsibility?: boolean;
}
const fields = ['targetType', 'targetOfficialId', 'targetUnitId', 'accountabilityForm', 'accountabilityReason', 'basisKind', 'basisCaseId', 'basisFindingId', 'basisText',
  'decidedByUnitId', 'decidedOn', 'documentNo', 'leaderResponsibility'];
const opt = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/**
 * 登记问责决定: the target type switches between an official (picked from the organisation) and a party organisation
 * (a unit); the form list follows the target type (the server checks it too and names 问责方式 when it does not fit).
 */
export function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, fields);
  const forms = useQuery({ queryKey: accountabilityKeys.forms, queryFn: accountabilityApi.forms, staleTime: Infinity });
  const targetType = Form.useWatch('targetType', form) ?? 'person';
  const basisKind = Form.useWatch('basisKind', form);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => accountabilityApi.create({
      targetType: v.targetType, targetOfficialId: v.targetType === 'person' ? v.targetOfficialId : undefined, targetUnitId: v.targetType === 'organisation' ? v.targetUnitId : undefined,
      accountabilityForm: v.accountabilityForm!, accountabilityReason: v.accountabilityReason, basisKind: v.basisKind,
      basisCaseId: v.basisKind === 'case' ? opt(v.basisCaseId) : undefined, basisFindingId: v.basisKind === 'finding' ? opt(v.basisFindingId) : undefined,
      basisText: v.basisKind === 'text' ? opt(v.basisText) : undefined, decidedByUnitId: v.decidedByUnitId, decidedOn: v.decidedOn.format('YYYY-MM-DD'),
      documentNo: v.documentNo, leaderResponsibility: v.targetType === 'person' && !!v.leaderResponsibility,
    }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: accountabilityKeys.all }); void message.success(t('accountability.ui.created')); onClose(); },
    onError: errors.onError,
  });
  // The select offers the forms of the chosen target. A form chosen before the target type was switched stays shown
  // (not silently dropped): the server refuses it on 问责方式 with the reason, and the user picks one that fits.
  const chosen = Form.useWatch('accountabilityForm', form);
  const word = (f: { en: string; zh: string }) => (locale === 'en' ? f.en : f.zh);
  const options = (forms.data?.[targetType] ?? []).map((f) => ({ value: f.code, label: word(f) }));
  const stale = chosen && !options.some((o) => o.value === chosen) ? [...(forms.data?.person ?? []), ...(forms.data?.organisation ?? [])].find((f) => f.code === chosen) : undefined;
  if (stale) options.push({ value: stale.code, label: word(stale) });
  const source = forms.data && (locale === 'en' ? forms.data.sourceEn : forms.data.sourceZh);
  return (
    // Reset when closed (not when the opening animation ends: a quick user would lose what they already chose).
    <Drawer open={open} onClose={onClose} title={t('accountability.ui.new')} size="large" data-testid="decision-drawer"
      afterOpenChange={(o) => { if (!o) { errors.clear(); form.resetFields(); form.setFieldsValue({ decidedOn: dayjs() }); } }}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="decision-save">{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); save.mutate(v); }}
        initialValues={{ targetType: 'person', decidedOn: dayjs(), decidedByUnitId: me?.unit.id }}>
        <Form.Item name="targetType" label={t('accountability.ui.targetType')}>
          <Radio.Group data-testid="decision-target-type" onChange={() => form.setFieldsValue({ leaderResponsibility: false })}
            options={(['person', 'organisation'] as const).map((k) => ({ value: k, label: t(`accountability.ui.targetType.${k}` as MessageKey) }))} />
        </Form.Item>
        {targetType === 'person' ? (
          <Form.Item name="targetOfficialId" label={t('accountability.ui.official')} rules={[{ required: true, message: t('common.required') }]}>
            <OfficialSelect data-testid="decision-official" />
          </Form.Item>
        ) : (
          <Form.Item name="targetUnitId" label={t('accountability.ui.targetUnit')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitTreeSelect data-testid="decision-unit" />
          </Form.Item>
        )}
        <Form.Item name="accountabilityForm" label={t('accountability.ui.form')} extra={source && t('accountability.ui.formSource', { source })}
          rules={[{ required: true, message: t('common.required') }]}>
          <Select options={options} data-testid="decision-form" />
        </Form.Item>
        {targetType === 'person' && (
          <Form.Item name="leaderResponsibility" valuePropName="checked" extra={t('accountability.ui.leaderHelp')}>
            <Checkbox data-testid="decision-leader">{t('accountability.ui.leader')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="accountabilityReason" label={t('accountability.ui.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="decision-reason" />
        </Form.Item>
        <Form.Item name="basisKind" label={t('accountability.ui.basisKind')}>
          <Select allowClear data-testid="decision-basis-kind" options={(['case', 'finding', 'text'] as const).map((k) => ({ value: k, label: t(`accountability.ui.basis.${k}` as MessageKey) }))} />
        </Form.Item>
        {basisKind === 'case' && <Form.Item name="basisCaseId" label={t('accountability.ui.basisCaseId')}><CasePicker /></Form.Item>}
        {basisKind === 'finding' && <Form.Item name="basisFindingId" label={t('accountability.ui.basisFindingId')}><FindingPicker /></Form.Item>}
        {basisKind === 'text' && <Form.Item name="basisText" label={t('accountability.ui.basisText')}><Input maxLength={500} /></Form.Item>}
        <Form.Item name="decidedByUnitId" label={t('accountability.ui.decidedBy')} rules={[{ required: true, message: t('common.required') }]}><UnitTreeSelect /></Form.Item>
        <Form.Item name="decidedOn" label={t('accountability.ui.decidedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="documentNo" label={t('accountability.ui.documentNo')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={60} data-testid="decision-docno" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
