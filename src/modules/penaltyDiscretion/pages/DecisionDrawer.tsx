import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../../web/auth/AuthContext';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { allKinds, allTiers, penaltyApi, penaltyKeys, type DecisionInput, type PenaltyKind, type Tier } from './api';

interface Values {
  departmentId: string; outcome: 'penalty' | 'closed'; penaltyDocumentNo: string; decidedOn: Dayjs; partyType: 'individual' | 'organisation'; partyName: string;
  benchmarkItemId?: string; discretionTier?: Tier; discretionReason?: string; fineAmount?: number; penaltyKinds?: PenaltyKind[]; illegalGains?: number; firstOffence?: boolean;
  legalReviewOn?: Dayjs; fineDueOn?: Dayjs; finePaidOn?: Dayjs; enforcementOfficers?: string[]; closureReason?: string;
}
const fields = ['departmentId', 'outcome', 'penaltyDocumentNo', 'decidedOn', 'partyType', 'partyName', 'benchmarkItemId', 'discretionTier', 'discretionReason', 'fineAmount',
  'penaltyKinds', 'illegalGains', 'firstOffence', 'legalReviewOn', 'fineDueOn', 'finePaidOn', 'enforcementOfficers', 'closureReason'];
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
const opt = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/**
 * 登记处罚决定: the item list follows the department; an amount outside the band is recorded (screening flags it
 * at once), while the server refuses what cannot be recorded (fewer than two officers, a number already used).
 */
export function DecisionDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useT();
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, fields);
  const bench = useQuery({ queryKey: penaltyKeys.benchmarks, queryFn: penaltyApi.benchmarks, enabled: open });
  const dept = Form.useWatch('departmentId', form);
  const outcome = Form.useWatch('outcome', form) ?? 'penalty';
  const itemId = Form.useWatch('benchmarkItemId', form);
  const item = bench.data?.items.find((i) => i.id === itemId);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => {
      const closed = v.outcome === 'closed';
      const body: DecisionInput = {
        departmentId: v.departmentId, outcome: v.outcome, penaltyDocumentNo: v.penaltyDocumentNo, decidedOn: day(v.decidedOn)!, partyType: v.partyType, partyName: v.partyName,
        benchmarkItemId: v.benchmarkItemId, discretionTier: closed ? undefined : v.discretionTier, discretionReason: opt(v.discretionReason),
        fineAmount: closed ? 0 : v.fineAmount ?? 0, penaltyKinds: closed ? [] : v.penaltyKinds ?? [], illegalGains: v.illegalGains ?? undefined, firstOffence: !!v.firstOffence,
        legalReviewOn: day(v.legalReviewOn), fineDueOn: closed ? undefined : day(v.fineDueOn), finePaidOn: closed ? undefined : day(v.finePaidOn),
        enforcementOfficers: v.enforcementOfficers ?? [], closureReason: closed ? opt(v.closureReason) : undefined,
      };
      return penaltyApi.create(body);
    },
    onSuccess: (d) => { void qc.invalidateQueries({ queryKey: penaltyKeys.all }); void message.success(t('penalty.ui.created')); onClose(); onSaved(d.id); },
    onError: errors.onError,
  });
  const req = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} onClose={onClose} title={t('penalty.ui.new')} size="large" data-testid="penalty-drawer"
      afterOpenChange={(o) => { if (!o) { errors.clear(); form.resetFields(); } }}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="penalty-save">{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); save.mutate(v); }}
        initialValues={{ outcome: 'penalty', partyType: 'organisation', decidedOn: dayjs(), departmentId: me?.unit.id, enforcementOfficers: [] }}>
        <Form.Item name="departmentId" label={t('penalty.ui.department')} rules={req}>
          <UnitTreeSelect data-testid="penalty-department" onChange={() => form.setFieldsValue({ benchmarkItemId: undefined })} />
        </Form.Item>
        <Form.Item name="outcome" label={t('penalty.ui.outcome')}>
          <Radio.Group options={(['penalty', 'closed'] as const).map((k) => ({ value: k, label: t(`penalty.ui.outcome.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="penaltyDocumentNo" label={t('penalty.ui.documentNo')} rules={req}><Input maxLength={60} data-testid="penalty-docno" /></Form.Item>
        <Form.Item name="decidedOn" label={t('penalty.ui.decidedOn')} rules={req}><DatePicker /></Form.Item>
        <Form.Item name="partyType" label={t('penalty.ui.partyType')}>
          <Radio.Group options={(['individual', 'organisation'] as const).map((k) => ({ value: k, label: t(`penalty.ui.partyType.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="partyName" label={t('penalty.ui.party')} rules={req}><Input maxLength={100} data-testid="penalty-party" /></Form.Item>
        <Form.Item name="benchmarkItemId" label={t('penalty.ui.item')} rules={outcome === 'penalty' ? req : []}>
          <Select allowClear showSearch optionFilterProp="label" data-testid="penalty-item"
            options={(bench.data?.items ?? []).filter((i) => !dept || i.departmentId === dept).map((i) => ({ value: i.id, label: `${i.itemCode} ${i.violation}` }))} />
        </Form.Item>
        {outcome === 'penalty' ? (
          <>
            <Form.Item name="discretionTier" label={t('penalty.ui.tier')} rules={req}
              extra={item && item.tiers.map((b) => `${t(`penalty.ui.tier.${b.tier}` as MessageKey)} ${b.fineBasis === 'multiple' ? t('penalty.ui.multiple', { min: b.fineMin, max: b.fineMax }) : `${b.fineMin}–${b.fineMax}`}`).join('；')}>
              <Select data-testid="penalty-tier" options={allTiers.filter((k) => !item || item.tiers.some((b) => b.tier === k)).map((k) => ({ value: k, label: t(`penalty.ui.tier.${k}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="discretionReason" label={t('penalty.ui.reason')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            <Form.Item name="fineAmount" label={t('penalty.ui.fine')}><InputNumber min={0} style={{ width: 200 }} data-testid="penalty-fine" /></Form.Item>
            <Form.Item name="penaltyKinds" label={t('penalty.ui.kinds')}>
              <Checkbox.Group options={allKinds.map((k) => ({ value: k, label: t(`penalty.ui.kind.${k}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="illegalGains" label={t('penalty.ui.gains')}><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
            <Space wrap>
              <Form.Item name="legalReviewOn" label={t('penalty.ui.legalReview')}><DatePicker /></Form.Item>
              <Form.Item name="fineDueOn" label={t('penalty.ui.due')}><DatePicker /></Form.Item>
              <Form.Item name="finePaidOn" label={t('penalty.ui.paid')}><DatePicker /></Form.Item>
            </Space>
          </>
        ) : (
          <Form.Item name="closureReason" label={t('penalty.ui.closureReason')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        )}
        <Form.Item name="firstOffence" valuePropName="checked"><Checkbox>{t('penalty.ui.firstOffence')}</Checkbox></Form.Item>
        <Form.Item name="enforcementOfficers" label={t('penalty.ui.officers')} extra={t('penalty.ui.officersHelp')}>
          <Select mode="tags" open={false} tokenSeparators={['、', ',', '，', ' ']} data-testid="penalty-officers" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
