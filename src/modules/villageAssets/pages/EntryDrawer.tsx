import { DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocale, useT } from '../../../web/i18n';
import { DecisionFields, LedgerDrawer, useLedgerSave } from './LedgerDrawer';
import { directionWords, fundCategoryWords, paymentMethodWords } from '../words';
import { fundCategories, villageApi, type Direction, type FundCategory, type PaymentMethod } from './api';

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
  const ledger = useLedgerSave<Values>(fields, (v) => villageApi.createEntry({
    villageId, entryDate: v.entryDate.format('YYYY-MM-DD'), voucherNo: v.voucherNo, direction: v.direction, amount: v.amount, counterparty: v.counterparty,
    paymentMethod: v.paymentMethod, fundCategory: v.fundCategory, entrySummary: opt(v.entrySummary), handledBy: opt(v.handledBy), approvedBy: opt(v.approvedBy),
    decisionDate: v.decisionDate?.format('YYYY-MM-DD'), decisionMeeting: v.decisionMeeting, published: !!v.published,
  }), onClose);
  return (
    <LedgerDrawer open={open} onClose={onClose} title={t('villageAssets.ui.addEntry')} testId="village-entry" ledger={ledger} initialValues={{ entryDate: dayjs(), direction: 'expense', paymentMethod: 'transfer', published: false }}>
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
      <DecisionFields>
            <Form.Item name="published" label={t('villageAssets.ui.published')} valuePropName="checked"><Switch /></Form.Item>
      </DecisionFields>
    </LedgerDrawer>
  );
}
