import { Checkbox, Col, Form, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useLocale, useT } from '../../../web/i18n';
import { adminSanctionKinds, partySanctionKinds } from '../rules/sanctionTable';
import { sanctionLabel } from './labels';

/** The sanctions of one track as select options, labelled in the UI language. */
export function useSanctionKindOptions(): (track?: string) => Array<{ value: string; label: string }> {
  const locale = useLocale();
  return (track) => (track === 'admin' ? adminSanctionKinds : partySanctionKinds).map((k) => ({ value: k, label: sanctionLabel(track ?? 'party', k, locale) }));
}

export interface SanctionValues { track?: 'party' | 'admin'; kind?: string }

/**
 * Choosing a sanction: the track (party or administrative), the kind, and what that kind needs — the
 * probation term (留党察看 1 or 2 years), "instead of removal" for a serious warning, or the combined
 * months of several administrative sanctions. Used for a decision and for a 复审/复核 change alike.
 */
export function SanctionFields({ form, values, kindLabel, kindTestId }: { form: FormInstance; values: SanctionValues; kindLabel: string; kindTestId: string }) {
  const t = useT();
  const kindOptions = useSanctionKindOptions();
  return (
    <>
      <Form.Item name="track" label={t('cases.ui.track')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" onChange={() => form.setFieldValue('kind', undefined)}
          options={(['party', 'admin'] as const).map((k) => ({ value: k, label: t(`cases.ui.track.${k}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}><Form.Item name="kind" label={kindLabel} rules={[{ required: true }]}><Select options={kindOptions(values.track)} data-testid={kindTestId} /></Form.Item></Col>
        {values.track === 'party' && values.kind === 'probation' && <Col span={12}><Form.Item name="probationMonths" label={t('cases.ui.probationMonths')} rules={[{ required: true }]}>
          <Radio.Group options={[12, 24].map((m) => ({ value: m, label: `${m / 12} ${t('cases.ui.years')}` }))} /></Form.Item></Col>}
        {values.track === 'party' && values.kind === 'seriousWarning' && <Col span={12}><Form.Item name="insteadOfRemoval" valuePropName="checked" label=" ">
          <Checkbox>{t('cases.ui.insteadOfRemoval')}</Checkbox></Form.Item></Col>}
        {values.track === 'admin' && <Col span={12}><Form.Item name="months" label={t('cases.ui.combinedMonths')}><InputNumber min={1} max={48} style={{ width: '100%' }} /></Form.Item></Col>}
      </Row>
    </>
  );
}
