import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocale, useT } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { directionWords, fundCategoryWords, paymentMethodWords } from '../words';
import { decisionMeetings, fundCategories, villageApi, villageKeys, type Direction, type FundCategory, type PaymentMethod } from './api';

interface Values {
  entryDate: Dayjs; voucherNo: string; direction: Direction; amount: number; counterparty: string; paymentMethod: PaymentMethod; fundCategory: FundCategory;
  entrySummary?: string; handledBy?: string; approvedBy?: string; decisionDate?: Dayjs; decisionMeeting?: string; published?: boolean;
}
const fields = ['entryDate', 'voucherNo', 'direction', 'amount', 'counterparty', 'paymentMethod', 'fundCategory', 'entrySummary', 'handledBy', 'approvedBy', 'decisionDate', 'decisionMeeting', 'published'];
const opt = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** 登记收支: one fund row of the chosen village by hand; the server screens the county again and says how many flags stand. */
export function EntryDrawer({ villageId, open, onClose }: { villageId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const w = (x: readonly [string, string]) => x[locale === 'en' ? 1 : 0];
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, fields);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => villageApi.createEntry({
      villageId, entryDate: v.entryDate.format('YYYY-MM-DD'), voucherNo: v.voucherNo, direction: v.direction, amount: v.amount, counterparty: v.counterparty,
      paymentMethod: v.paymentMethod, fundCategory: v.fundCategory, entrySummary: opt(v.entrySummary), handledBy: opt(v.handledBy), approvedBy: opt(v.approvedBy),
      decisionDate: v.decisionDate?.format('YYYY-MM-DD'), decisionMeeting: v.decisionMeeting, published: !!v.published,
    }),
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: villageKeys.all }); void message.success(t('villageAssets.ui.entrySaved', { n: r.hits })); onClose(); },
    onError: errors.onError,
  });
  return (
    <Drawer open={open} onClose={onClose} title={t('villageAssets.ui.addEntry')} size="large" data-testid="village-entry-drawer"
      afterOpenChange={(o) => { if (!o) { errors.clear(); form.resetFields(); } }}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="village-entry-save">{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ entryDate: dayjs(), direction: 'expense', paymentMethod: 'transfer', published: false }}>
        <Space wrap>
          <Form.Item name="entryDate" label={t('villageAssets.ui.date')} rules={[{ required: true }]}><DatePicker data-testid="village-entry-date" /></Form.Item>
          <Form.Item name="voucherNo" label={t('villageAssets.ui.voucherNo')} rules={[{ required: true }]}><Input maxLength={40} data-testid="village-entry-voucher" /></Form.Item>
          <Form.Item name="direction" label={t('villageAssets.ui.direction')} rules={[{ required: true }]}>
            <Radio.Group options={(['expense', 'income'] as const).map((d) => ({ value: d, label: w(directionWords[d]) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="amount" label={t('villageAssets.ui.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 180 }} data-testid="village-entry-amount" />
          </Form.Item>
          <Form.Item name="paymentMethod" label={t('villageAssets.ui.paymentMethod')} rules={[{ required: true }]}>
            <Radio.Group options={(['transfer', 'cash'] as const).map((d) => ({ value: d, label: w(paymentMethodWords[d]) }))} />
          </Form.Item>
          <Form.Item name="fundCategory" label={t('villageAssets.ui.category')} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} data-testid="village-entry-category" options={fundCategories.map((c) => ({ value: c, label: w(fundCategoryWords[c]) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="counterparty" label={t('villageAssets.ui.counterparty')} rules={[{ required: true }]}><Input maxLength={200} data-testid="village-entry-counterparty" /></Form.Item>
        <Form.Item name="entrySummary" label={t('villageAssets.ui.summary')}><Input maxLength={500} /></Form.Item>
        <Space wrap>
          <Form.Item name="handledBy" label={t('villageAssets.ui.handledBy')}><Input maxLength={40} /></Form.Item>
          <Form.Item name="approvedBy" label={t('villageAssets.ui.approvedBy')}><Input maxLength={40} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="decisionDate" label={t('villageAssets.ui.decisionDate')}><DatePicker /></Form.Item>
          <Form.Item name="decisionMeeting" label={t('villageAssets.ui.decisionMeeting')}>
            <Select allowClear style={{ width: 160 }} options={decisionMeetings.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="published" label={t('villageAssets.ui.published')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
