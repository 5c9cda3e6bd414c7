import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { allKinds, allTiers, penaltyApi, penaltyKeys, type BenchmarkItem, type BenchmarkInput, type TierInput } from './api';

const fields = ['departmentId', 'itemCode', 'violation', 'legalBasis', 'penaltyBasis'];
const tierPath = /^body\.tiers\[(\d+)\]\.(\w+)$/;
const blankTier = (tier: TierInput['tier']): TierInput => ({ tier, fineBasis: 'amount', fineMin: 0, fineMax: 0, penaltyKinds: [] });
const toInput = (i: BenchmarkItem): TierInput[] => i.tiers.map((b) => ({ ...b, circumstances: b.circumstances ?? undefined }));

/**
 * 裁量基准事项: a new item with its tiers, or (given `item`) a revision of an existing item's tiers only. A tier's
 * band is in yuan or a multiple of 违法所得. Server refusals on a tier land on that tier's field; a revision tells
 * how the county's screening came out, since a changed band changes which decisions are flagged.
 */
export function BenchmarkDrawer({ open, item, onClose }: { open: boolean; item?: BenchmarkItem; onClose: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<BenchmarkInput>();
  const errors = useServerErrors(form, fields);
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(item ? { ...item, tiers: toInput(item) }
      : { departmentId: me?.unit.id, tiers: (['lenient', 'ordinary', 'aggravated'] as const).map(blankTier) } as Partial<BenchmarkInput>);
  }, [open, item, form, me]);
  // Issues on one tier (body.tiers[2].fineMax) go onto that tier's field; the rest as the other forms do.
  const onError = (err: unknown) => {
    if (!(err instanceof ApiError)) return errors.onError(err);
    const onTiers = err.issues.flatMap((i) => { const m = tierPath.exec(i.field); return m ? [{ name: ['tiers', Number(m[1]), m[2] as keyof TierInput] as ['tiers', number, keyof TierInput], errors: [i.message] }] : []; });
    form.setFields(onTiers);
    const rest = err.issues.filter((i) => !tierPath.test(i.field));
    if (onTiers.length && rest.length === 0) return errors.clear();
    errors.onError(new ApiError(err.status, err.code, err.message, rest, err.details));
  };
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: async (v: BenchmarkInput) => {
      const tiers = v.tiers.map((x) => ({ ...x, penaltyKinds: x.penaltyKinds ?? [], circumstances: x.circumstances?.trim() || undefined }));
      if (item) return { screening: (await penaltyApi.updateTiers(item.id, tiers)).screening };
      await penaltyApi.createBenchmark({ ...v, tiers });
      return { screening: null };
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: penaltyKeys.all });
      void message.success(r.screening ? t('penalty.ui.tiersSaved', { hits: r.screening.hits }) : t('penalty.ui.benchmarkSaved'));
      onClose();
    },
    onError,
  });
  const req = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} onClose={onClose} size="large" data-testid="benchmark-drawer" title={item ? t('penalty.ui.editTiers') : t('penalty.ui.newBenchmark')}
      afterOpenChange={(o) => { if (!o) { errors.clear(); form.resetFields(); } }}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="benchmark-save">{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); save.mutate(v); }}>
        {item ? (
          <Typography.Paragraph>{`${item.departmentName} · ${item.itemCode} ${item.violation}（${item.penaltyBasis}）`}</Typography.Paragraph>
        ) : (
          <>
            <Form.Item name="departmentId" label={t('penalty.ui.department')} rules={req}><UnitTreeSelect data-testid="benchmark-department" /></Form.Item>
            <Row gutter={12}>
              <Col span={8}><Form.Item name="itemCode" label={t('penalty.ui.itemCode')} rules={[...req, { pattern: /^[0-9A-Za-z-]{1,30}$/, message: t('penalty.ui.itemCodeRule') }]}>
                <Input maxLength={30} data-testid="benchmark-code" /></Form.Item></Col>
              <Col span={16}><Form.Item name="violation" label={t('penalty.ui.violation')} rules={req}><Input maxLength={200} data-testid="benchmark-violation" /></Form.Item></Col>
            </Row>
            <Form.Item name="legalBasis" label={t('penalty.ui.legalBasis')} rules={req}><Input maxLength={300} data-testid="benchmark-legal" /></Form.Item>
            <Form.Item name="penaltyBasis" label={t('penalty.ui.penaltyBasis')} rules={req}><Input maxLength={300} data-testid="benchmark-penalty" /></Form.Item>
          </>
        )}
        <Typography.Title level={5}>{t('penalty.ui.tiers')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('penalty.ui.tiersHint')}</Typography.Paragraph>
        <Form.List name="tiers" rules={[{ validator: async (_, v?: TierInput[]) => { if (!v || v.length === 0) throw new Error(t('penalty.ui.tiersRequired')); } }]}>
          {(rows, { add, remove }, { errors: listErrors }) => (
            <>
              {rows.map(({ key, name }) => (
                <Card key={key} size="small" style={{ marginBottom: 8 }} data-testid="benchmark-tier"
                  extra={rows.length > 1 && <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('penalty.ui.removeTier')} />}>
                  <Row gutter={8}>
                    <Col span={6}><Form.Item name={[name, 'tier']} label={t('penalty.ui.tier')} rules={req}>
                      <Select options={allTiers.map((k) => ({ value: k, label: t(`penalty.ui.tier.${k}` as MessageKey) }))} data-testid="benchmark-tier-select" /></Form.Item></Col>
                    <Col span={8}><Form.Item name={[name, 'fineBasis']} label={t('penalty.ui.fineBasis')} rules={req}>
                      <Radio.Group options={(['amount', 'multiple'] as const).map((k) => ({ value: k, label: t(`penalty.ui.fineBasis.${k}` as MessageKey) }))} /></Form.Item></Col>
                    <Col span={5}><Form.Item name={[name, 'fineMin']} label={t('penalty.ui.fineMin')} rules={req}>
                      <InputNumber min={0} style={{ width: '100%' }} data-testid="benchmark-min" /></Form.Item></Col>
                    <Col span={5}><Form.Item name={[name, 'fineMax']} label={t('penalty.ui.fineMax')} rules={req}>
                      <InputNumber min={0} style={{ width: '100%' }} data-testid="benchmark-max" /></Form.Item></Col>
                    <Col span={12}><Form.Item name={[name, 'penaltyKinds']} label={t('penalty.ui.kinds')}>
                      <Select mode="multiple" allowClear options={allKinds.map((k) => ({ value: k, label: t(`penalty.ui.kind.${k}` as MessageKey) }))} /></Form.Item></Col>
                    <Col span={12}><Form.Item name={[name, 'circumstances']} label={t('penalty.ui.circumstances')}><Input maxLength={500} /></Form.Item></Col>
                  </Row>
                </Card>
              ))}
              <Form.ErrorList errors={listErrors} />
              {rows.length < allTiers.length && (
                <Button type="dashed" icon={<PlusOutlined />} data-testid="benchmark-add-tier"
                  onClick={() => { const used = new Set((form.getFieldValue('tiers') as TierInput[] | undefined)?.map((x) => x.tier)); add(blankTier(allTiers.find((k) => !used.has(k)) ?? 'ordinary')); }}>
                  {t('penalty.ui.addTier')}</Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
