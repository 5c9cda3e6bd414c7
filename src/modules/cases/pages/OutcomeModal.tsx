import { App, Checkbox, Col, Form, Radio, Row, Select } from 'antd';
import { api } from '../../../web/api/client';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { organisationalMeasures, firstFormMeasures } from '../rules/fourForms';
import { exemptionMeasures, mitigatingCircumstances } from '../rules/sanctionChecks';
import { ActionModal } from './ActionModal';
import type { CaseSubject, CaseView } from './caseView';
import { todayIso } from './formKit';
import { SanctionFields, useSanctionKindOptions } from './SanctionFields';
import { ruleLabel, sanctionLabel } from './labels';
import { DateInput } from '../../../web/components/DateInput';

const outcomeTypes = ['sanction', 'exempted', 'organisational', 'education', 'prosecutionTransfer', 'cleared'] as const;
const criminalKinds = ['intentionalSentence', 'negligentOver3Years', 'negligentUpTo3Years', 'politicalRightsDeprived', 'fineOrNotProsecuted'] as const;

/** Flat form values; `body` rebuilds the nested outcome the schema (schema.ts outcomeBody) expects. */
interface Values {
  decidedOn: string; type: (typeof outcomeTypes)[number]; track?: 'party' | 'admin'; kind?: string; probationMonths?: 12 | 24; insteadOfRemoval?: boolean; months?: number;
  criminal?: string; higherApprovalForDismissal?: boolean; dueSanction?: string; minorFacts?: boolean; mitigating?: string[]; measures?: string[];
  organisationalMeasure?: string; writtenConclusion?: boolean; measure?: string;
}
const fields = ['decidedOn', 'type', 'track', 'kind', 'probationMonths', 'insteadOfRemoval', 'months', 'criminal', 'dueSanction', 'minorFacts', 'mitigating', 'measures',
  'organisationalMeasure', 'writtenConclusion', 'measure'] as const;

function body(v: Values) {
  const outcome = (() => {
    switch (v.type) {
      case 'sanction': return {
        type: 'sanction',
        sanction: v.track === 'party'
          ? { track: 'party', kind: v.kind, probationMonths: v.kind === 'probation' ? v.probationMonths : undefined, insteadOfRemoval: v.kind === 'seriousWarning' ? v.insteadOfRemoval || undefined : undefined }
          : { track: 'admin', kind: v.kind, months: v.months ?? undefined },
        criminal: v.criminal ? { kind: v.criminal, higherApprovalForDismissal: v.higherApprovalForDismissal || undefined } : undefined,
      };
      case 'exempted': return {
        type: 'exempted', track: v.track, dueSanction: v.track === 'party' ? v.dueSanction : undefined, minorFacts: v.minorFacts || undefined,
        mitigating: v.mitigating ?? [], measures: v.measures ?? [], organisationalMeasure: v.organisationalMeasure, writtenConclusion: !!v.writtenConclusion,
      };
      case 'organisational': case 'education': return { type: v.type, measure: v.measure };
      default: return { type: v.type };
    }
  })();
  return { decidedOn: v.decidedOn, outcome };
}

/** Decides the outcome for one subject; the server checks it against the sanction rules and returns the influence period. */
export function OutcomeModal({ c, subject, onClose }: { c: CaseView; subject: CaseSubject | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  const opts = (keys: readonly string[], prefix: string) => keys.map((k) => ({ value: k, label: ruleLabel(`${prefix}.${k}`, locale) }));
  const kindOptions = useSanctionKindOptions();
  return (
    <ActionModal<Values> open={!!subject} title={`${t('cases.ui.decideOutcome')} · ${subject?.name ?? ''}`} onClose={onClose} testId="outcome-form" width={680} fields={fields}
      initial={{ decidedOn: todayIso(), type: 'sanction', track: subject?.party_member ? 'party' : 'admin', mitigating: [], measures: [] }}
      submit={(v) => api.post<CaseView>(`/cases/cases/${c.id}/subjects/${subject!.id}/outcomes`, body(v))}
      onDone={(r) => {
        // Show the influence period the server computed (month-end rule, running periods merged).
        const view = r as CaseView;
        const o = view.outcomes.filter((x) => x.subject_id === subject?.id && x.type === 'sanction').at(-1);
        if (o) modal.info({ title: t('cases.ui.effectComputed'), content: `${sanctionLabel(o.track, o.kind, locale)}：${o.permanent ? t('cases.ui.permanent') : `${t('cases.ui.effectUntil')} ${o.effect_until ?? ''}`}` });
      }}>
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={8}><Form.Item name="decidedOn" label={t('cases.ui.decidedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
            <Col span={16}><Form.Item name="type" label={t('cases.ui.outcomeType')} rules={[{ required: true }]}>
              <Select options={outcomeTypes.map((o) => ({ value: o, label: t(`cases.ui.type.${o}` as MessageKey) }))} data-testid="outcome-type" />
            </Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const v = form.getFieldsValue() as Values;
              if (v.type === 'sanction') return (
                <>
                  <SanctionFields form={form} values={v} kindLabel={t('cases.ui.sanctionKind')} kindTestId="outcome-kind" />
                  <Row gutter={12}>
                    <Col span={12}><Form.Item name="criminal" label={t('cases.ui.criminal')}>
                      <Select allowClear options={criminalKinds.map((k) => ({ value: k, label: t(`cases.ui.criminal.${k}`) }))} /></Form.Item></Col>
                    {v.criminal === 'negligentUpTo3Years' && <Col span={12}><Form.Item name="higherApprovalForDismissal" valuePropName="checked" label=" ">
                      <Checkbox>{t('cases.ui.higherApprovalForDismissal')}</Checkbox></Form.Item></Col>}
                  </Row>
                </>
              );
              if (v.type === 'exempted') return (
                <>
                  <Row gutter={12}>
                    <Col span={12}><Form.Item name="track" label={t('cases.ui.track')} rules={[{ required: true }]}>
                      <Radio.Group optionType="button" options={(['party', 'admin'] as const).map((k) => ({ value: k, label: t(`cases.ui.track.${k}`) }))} /></Form.Item></Col>
                    {v.track === 'party' && <Col span={12}><Form.Item name="dueSanction" label={t('cases.ui.dueSanction')}><Select allowClear options={kindOptions('party')} /></Form.Item></Col>}
                  </Row>
                  <Form.Item name="mitigating" label={t('cases.ui.mitigating')}>
                    <Select mode="multiple" options={mitigatingCircumstances.map((m) => ({ value: m, label: t(`cases.ui.mitigating.${m}`) }))} /></Form.Item>
                  <Form.Item name="measures" label={t('cases.ui.measures')} rules={[{ required: true }]}>
                    <Select mode="multiple" options={exemptionMeasures.map((m) => ({ value: m, label: ruleLabel(`cases.measure.${m}`, locale) }))} /></Form.Item>
                  {(v.measures ?? []).includes('organisational') && <Form.Item name="organisationalMeasure" label={t('cases.ui.measure')}><Select options={opts(organisationalMeasures, 'cases.measure')} /></Form.Item>}
                  <Form.Item name="minorFacts" valuePropName="checked" style={{ marginBottom: 4 }}><Checkbox>{t('cases.ui.minorFacts')}</Checkbox></Form.Item>
                  <Form.Item name="writtenConclusion" valuePropName="checked"><Checkbox>{t('cases.ui.writtenConclusion')}</Checkbox></Form.Item>
                </>
              );
              if (v.type === 'organisational' || v.type === 'education') return (
                <Form.Item name="measure" label={t('cases.ui.measure')} rules={[{ required: true }]}>
                  <Select options={opts(v.type === 'education' ? firstFormMeasures : organisationalMeasures, 'cases.measure')} /></Form.Item>
              );
              return null;
            }}
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}
