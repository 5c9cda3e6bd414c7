import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../../web/auth/AuthContext';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { categories, ranks, spendingApi, spendingKeys, type Expense, type ExpenseInput, type SpendingCategory, type TravellerRank } from './api';

interface Values {
  unitId: string; spentOn: Dayjs; spendingCategory: SpendingCategory; amount: number; persons?: number; accompanying?: number; days?: number; nights?: number;
  classLevel?: number; travellerRank?: TravellerRank; payee?: string; venue?: string; hasLetter?: boolean; approvalNo?: string; voucherNo?: string; description?: string;
}
const fields = ['unitId', 'spentOn', 'spendingCategory', 'amount', 'persons', 'accompanying', 'days', 'nights', 'classLevel', 'travellerRank', 'payee', 'venue',
  'hasLetter', 'approvalNo', 'voucherNo', 'description'];
const opt = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/**
 * 登记支出: the figures each category's standard needs appear with the category (headcount and 陪餐 for receptions,
 * days and class for meetings and training, nights and rank for travel). Saving screens the county at once. With
 * `editing` the drawer corrects that record (same checks as entry; its flags follow the corrected figures).
 */
export function ExpenseDrawer({ open, editing, onClose, onSaved }: { open: boolean; editing?: Expense | null; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useT();
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, fields);
  const category = Form.useWatch('spendingCategory', form);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => {
      const body: ExpenseInput = {
        unitId: v.unitId, spentOn: v.spentOn.format('YYYY-MM-DD'), spendingCategory: v.spendingCategory, amount: v.amount, persons: v.persons ?? undefined,
        accompanying: category === 'reception' ? v.accompanying ?? undefined : undefined, days: v.days ?? undefined, nights: category === 'travel' ? v.nights ?? undefined : undefined,
        classLevel: category === 'meeting' || category === 'training' ? v.classLevel : undefined, travellerRank: category === 'travel' ? v.travellerRank : undefined,
        payee: opt(v.payee), venue: opt(v.venue), hasLetter: category === 'reception' ? v.hasLetter : undefined, approvalNo: opt(v.approvalNo),
        voucherNo: opt(v.voucherNo), description: opt(v.description),
      };
      return editing ? spendingApi.update(editing.id, body) : spendingApi.create(body);
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: spendingKeys.all });
      void message.success(t(editing ? 'spending.ui.corrected' : 'spending.ui.created'));
      onClose();
      onSaved(r.id);
    },
    onError: errors.onError,
  });
  useEffect(() => {
    if (!open || !editing) return;
    const e = editing;
    form.setFieldsValue({
      unitId: e.unitId, spentOn: dayjs(e.spentOn), spendingCategory: e.spendingCategory, amount: e.amount, persons: e.persons ?? undefined,
      accompanying: e.accompanying ?? undefined, days: e.days ?? undefined, nights: e.nights ?? undefined, classLevel: e.classLevel ?? undefined,
      travellerRank: e.travellerRank ?? undefined, payee: e.payee ?? undefined, venue: e.venue ?? undefined, hasLetter: e.hasLetter ?? undefined,
      approvalNo: e.approvalNo ?? undefined, voucherNo: e.voucherNo ?? undefined, description: e.description ?? undefined,
    });
  }, [open, editing, form]);
  const num = (name: keyof Values, label: MessageKey, testId: string, min = 0, extra?: string) => (
    <Form.Item name={name} label={t(label)} extra={extra}><InputNumber min={min} precision={0} style={{ width: '100%' }} data-testid={testId} /></Form.Item>
  );
  return (
    <Drawer open={open} onClose={onClose} title={t(editing ? 'spending.ui.edit' : 'spending.ui.new')} size="large" data-testid="expense-drawer"
      afterOpenChange={(o) => { if (!o) { errors.clear(); form.resetFields(); } }}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="expense-save">{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); save.mutate(v); }}
        initialValues={{ unitId: me?.unit.id, spentOn: dayjs(), spendingCategory: 'reception', hasLetter: true }}>
        <Form.Item name="unitId" label={t('spending.ui.unit')} rules={[{ required: true, message: t('common.required') }]}><UnitTreeSelect data-testid="expense-unit" /></Form.Item>
        <Form.Item name="spendingCategory" label={t('spending.ui.category')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="expense-category" options={categories.map((c) => ({ value: c, label: t(`spending.ui.category.${c}` as MessageKey) }))} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="spentOn" label={t('spending.ui.spentOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker data-testid="expense-date" /></Form.Item>
          <Form.Item name="amount" label={t('spending.ui.amount')} rules={[{ required: true, message: t('common.required') }]} extra={category === 'travel' ? t('spending.ui.travelHelp') : undefined}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="expense-amount" />
          </Form.Item>
        </Space>
        {num('persons', 'spending.ui.persons', 'expense-persons', 1, t('spending.ui.personsHelp'))}
        {category === 'reception' && (
          <>
            {num('accompanying', 'spending.ui.accompanying', 'expense-accompanying')}
            <Form.Item name="hasLetter" label={t('spending.ui.hasLetter')}>
              <Radio.Group data-testid="expense-letter" options={[{ value: true, label: t('spending.ui.yes') }, { value: false, label: t('spending.ui.no') }]} />
            </Form.Item>
          </>
        )}
        {(category === 'meeting' || category === 'training') && (
          <>
            {num('days', 'spending.ui.days', 'expense-days', 1)}
            <Form.Item name="classLevel" label={t('spending.ui.classLevel')}>
              <Select allowClear options={[1, 2, 3, 4].slice(0, category === 'training' ? 3 : 4).map((n) => ({ value: n, label: t('spending.ui.class', { n: '一二三四'[n - 1] }) }))} />
            </Form.Item>
          </>
        )}
        {category === 'travel' && (
          <>
            {num('nights', 'spending.ui.nights', 'expense-nights')}
            <Form.Item name="travellerRank" label={t('spending.ui.travellerRank')}>
              <Select allowClear options={ranks.map((r) => ({ value: r, label: t(`spending.ui.rank.${r}` as MessageKey) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="payee" label={t('spending.ui.payee')}><Input maxLength={200} data-testid="expense-payee" /></Form.Item>
        <Form.Item name="venue" label={t('spending.ui.venue')}><Input maxLength={200} data-testid="expense-venue" /></Form.Item>
        <Form.Item name="approvalNo" label={t('spending.ui.approvalNo')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="voucherNo" label={t('spending.ui.voucherNo')}><Input maxLength={60} data-testid="expense-voucher" /></Form.Item>
        <Form.Item name="description" label={t('spending.ui.description')}><Input.TextArea rows={2} maxLength={1000} data-testid="expense-description" /></Form.Item>
      </Form>
    </Drawer>
  );
}
