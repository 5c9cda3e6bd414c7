import { DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocale, useT } from '../../../web/i18n';
import { DecisionFields, LedgerDrawer, useLedgerSave } from './LedgerDrawer';
import { awardMethodWords } from '../words';
import { villageApi, type AwardMethod } from './api';

interface Values {
  assetName: string; disposedOn: Dayjs; appraisedValue: number; salePrice: number; disposalBuyer: string; disposalMethod: AwardMethod; decisionDate?: Dayjs; decisionMeeting?: string;
}
const fields = ['assetName', 'disposedOn', 'appraisedValue', 'salePrice', 'disposalBuyer', 'disposalMethod', 'decisionDate', 'decisionMeeting'];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * 登记处置: one asset disposal of the chosen village by hand (appraised value and the price it went for), checked by
 * the server as the import's 资产处置 sheet is; the county is screened again (a sale well under the appraisal is flagged).
 */
export function DisposalDrawer({ villageId, open, onClose }: { villageId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const w = (x: readonly [string, string]) => x[locale === 'en' ? 1 : 0];
  const ledger = useLedgerSave<Values>(fields, (v) => villageApi.createDisposal({
    villageId, assetName: v.assetName, disposedOn: day(v.disposedOn), appraisedValue: v.appraisedValue, salePrice: v.salePrice, disposalBuyer: v.disposalBuyer,
    disposalMethod: v.disposalMethod, decisionDate: v.decisionDate && day(v.decisionDate), decisionMeeting: v.decisionMeeting,
  }), onClose);
  return (
    <LedgerDrawer open={open} onClose={onClose} title={t('villageAssets.ui.addDisposal')} testId="village-disposal" ledger={ledger} initialValues={{ disposedOn: dayjs(), disposalMethod: 'bidding' }}>
      <Form.Item name="assetName" label={t('villageAssets.ui.assetName')} rules={[{ required: true }]}><Input maxLength={200} data-testid="village-disposal-asset" /></Form.Item>
      <Space wrap>
        <Form.Item name="disposedOn" label={t('villageAssets.ui.disposedOn')} rules={[{ required: true }]}><DatePicker data-testid="village-disposal-date" /></Form.Item>
        <Form.Item name="disposalMethod" label={t('villageAssets.ui.method')} rules={[{ required: true }]}>
          <Radio.Group options={(['bidding', 'negotiation'] as const).map((m) => ({ value: m, label: w(awardMethodWords[m]) }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="appraisedValue" label={t('villageAssets.ui.appraisedValue')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 180 }} data-testid="village-disposal-appraised" />
        </Form.Item>
        <Form.Item name="salePrice" label={t('villageAssets.ui.salePrice')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="village-disposal-price" />
        </Form.Item>
      </Space>
      <Form.Item name="disposalBuyer" label={t('villageAssets.ui.buyer')} rules={[{ required: true }]}><Input maxLength={200} data-testid="village-disposal-buyer" /></Form.Item>
      <DecisionFields />
    </LedgerDrawer>
  );
}
