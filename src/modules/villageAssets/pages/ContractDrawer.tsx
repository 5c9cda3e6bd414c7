import { DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLocale, useT } from '../../../web/i18n';
import { DecisionFields, LedgerDrawer, useLedgerSave } from './LedgerDrawer';
import { areaUnitWords, awardMethodWords, objectTypeWords } from '../words';
import { objectTypes, villageApi, type AreaUnit, type AwardMethod, type ObjectType } from './api';

interface Values {
  contractNo: string; objectType: ObjectType; objectName: string; area: number; areaUnit: AreaUnit; counterparty: string; startOn: Dayjs; endOn: Dayjs; annualRent: number;
  awardMethod: AwardMethod; decisionDate?: Dayjs; decisionMeeting?: string;
}
const fields = ['contractNo', 'objectType', 'objectName', 'area', 'areaUnit', 'counterparty', 'startOn', 'endOn', 'annualRent', 'awardMethod', 'decisionDate', 'decisionMeeting'];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * 登记合同: one resource or asset contract (发包/租赁) of the chosen village by hand, checked by the server as the
 * import's 合同 sheet is (end after start, number not yet used in the village); the county is screened again.
 */
export function ContractDrawer({ villageId, open, onClose }: { villageId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const w = (x: readonly [string, string]) => x[locale === 'en' ? 1 : 0];
  const ledger = useLedgerSave<Values>(fields, (v) => villageApi.createContract({
    villageId, contractNo: v.contractNo, objectType: v.objectType, objectName: v.objectName, area: v.area, areaUnit: v.areaUnit, counterparty: v.counterparty,
    startOn: day(v.startOn), endOn: day(v.endOn), annualRent: v.annualRent, awardMethod: v.awardMethod, decisionDate: v.decisionDate && day(v.decisionDate),
    decisionMeeting: v.decisionMeeting,
  }), onClose);
  // The server says the same; checked here too so the common slip shows before saving.
  const endAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, end?: Dayjs) => {
      const start = getFieldValue('startOn') as Dayjs | undefined;
      return !end || !start || end.isAfter(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('villageAssets.ui.endAfterStart')));
    },
  });
  return (
    <LedgerDrawer open={open} onClose={onClose} title={t('villageAssets.ui.addContract')} testId="village-contract" ledger={ledger} initialValues={{ areaUnit: 'mu', awardMethod: 'bidding' }}>
      <Space wrap>
        <Form.Item name="contractNo" label={t('villageAssets.ui.contractNo')} rules={[{ required: true }]}><Input maxLength={60} data-testid="village-contract-no" /></Form.Item>
        <Form.Item name="objectType" label={t('villageAssets.ui.objectType')} rules={[{ required: true }]}>
          <Select style={{ width: 150 }} data-testid="village-contract-object-type" options={objectTypes.map((o) => ({ value: o, label: w(objectTypeWords[o]) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="objectName" label={t('villageAssets.ui.objectName')} rules={[{ required: true }]}><Input maxLength={200} data-testid="village-contract-object-name" /></Form.Item>
      <Space wrap>
        <Form.Item name="area" label={t('villageAssets.ui.area')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 160 }} data-testid="village-contract-area" />
        </Form.Item>
        <Form.Item name="areaUnit" label={t('villageAssets.ui.areaUnit')} rules={[{ required: true }]}>
          <Radio.Group options={(['mu', 'sqm'] as const).map((u) => ({ value: u, label: w(areaUnitWords[u]) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="counterparty" label={t('villageAssets.ui.lessee')} rules={[{ required: true }]}><Input maxLength={200} data-testid="village-contract-counterparty" /></Form.Item>
      <Space wrap>
        <Form.Item name="startOn" label={t('villageAssets.ui.startOn')} rules={[{ required: true }]}><DatePicker data-testid="village-contract-start" /></Form.Item>
        <Form.Item name="endOn" label={t('villageAssets.ui.endOn')} dependencies={['startOn']} rules={[{ required: true }, endAfterStart]}>
          <DatePicker data-testid="village-contract-end" />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="annualRent" label={t('villageAssets.ui.annualRent')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="village-contract-rent" />
        </Form.Item>
        <Form.Item name="awardMethod" label={t('villageAssets.ui.awardMethod')} rules={[{ required: true }]}>
          <Radio.Group options={(['bidding', 'negotiation'] as const).map((m) => ({ value: m, label: w(awardMethodWords[m]) }))} />
        </Form.Item>
      </Space>
      <DecisionFields />
    </LedgerDrawer>
  );
}
