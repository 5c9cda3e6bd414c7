import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { disciplines, regulations } from '../rules/disciplines';
import { periodUnits, type DeadlineRule } from '../rules/ruleTable';
import type { extensionBody, fulfilBody, violationBody } from '../schema';
import { ActionModal } from './ActionModal';
import type { CaseDeadline, CaseView } from './caseView';
import { caseTypeTree, useCaseTypes } from './caseTypeOptions';
import { todayIso } from './formKit';
import { DateInput } from '../../../web/components/DateInput';

/** The office's time-limit table (built-in rules plus its overrides), for what an extension allows. */
function useRuleTable() {
  return useQuery({ queryKey: ['cases', 'rules'], queryFn: () => api.get<{ rules: DeadlineRule[] }>('/cases/rules'), staleTime: 300_000 });
}

/** Records an approved extension of one time limit; the rule table says who approves, how long and how often. */
export function ExtensionModal({ c, deadline, onClose }: { c: CaseView; deadline: CaseDeadline | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const rules = useRuleTable();
  const rule = rules.data?.rules.find((r) => r.key === deadline?.rule_key);
  const ext = rule?.extension;
  return (
    <ActionModal<z.input<typeof extensionBody>> open={!!deadline} title={`${t('cases.ui.extend')} · ${deadline ? (locale === 'en' ? deadline.labelEn : deadline.labelZh) : ''}`}
      onClose={onClose} testId="extension-form" fields={['approvedOn', 'approvalRef', 'amount', 'unit']}
      initial={{ approvedOn: todayIso(), amount: ext?.amount ?? undefined, unit: ext?.unit }}
      submit={(v) => api.post(`/cases/cases/${c.id}/deadlines/${deadline!.rule_key}/extensions`, v)}>
      {() => (
        <>
          {ext ? <Alert type="info" style={{ marginBottom: 16 }} title={t('cases.ui.extensionRule', {
            approval: ext.approval, amount: ext.amount ?? t('cases.ui.asApproved'), unit: t(`cases.ui.unit.${ext.unit}` as MessageKey), times: ext.maxTimes ?? '∞',
          })} description={rule?.source} />
            : rule && <Alert type="warning" style={{ marginBottom: 16 }} title={t('cases.ui.noExtension')} description={rule.source} />}
          <Row gutter={12}>
            <Col span={10}><Form.Item name="approvedOn" label={t('cases.ui.approvedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
            <Col span={14}><Form.Item name="approvalRef" label={t('cases.ui.approvalRef')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item></Col>
            <Col span={10}><Form.Item name="amount" label={t('cases.ui.amount')}><InputNumber min={1} max={120} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={14}><Form.Item name="unit" label={t('cases.ui.unitOfTime')}>
              <Select allowClear options={periodUnits.map((u) => ({ value: u, label: t(`cases.ui.unit.${u}` as MessageKey) }))} /></Form.Item></Col>
          </Row>
        </>
      )}
    </ActionModal>
  );
}

export function FulfilModal({ c, deadline, onClose }: { c: CaseView; deadline: CaseDeadline | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ActionModal<z.input<typeof fulfilBody>> open={!!deadline} title={`${t('cases.ui.fulfil')} · ${deadline ? (locale === 'en' ? deadline.labelEn : deadline.labelZh) : ''}`}
      onClose={onClose} testId="fulfil-form" fields={['on']} initial={{ on: todayIso() }}
      submit={(v) => api.post(`/cases/cases/${c.id}/deadlines/${deadline!.rule_key}/fulfilment`, v)}>
      {() => <Form.Item name="on" label={t('cases.ui.fulfilledOn')} rules={[{ required: true }]}><DateInput /></Form.Item>}
    </ActionModal>
  );
}

/** A violation: discipline → its regulation (fixed by the rules library), the article, and the case type. */
export function ViolationModal({ c, open, onClose }: { c: CaseView; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const types = useCaseTypes();
  return (
    <ActionModal<z.input<typeof violationBody>> open={open} title={t('cases.ui.addViolation')} onClose={onClose} testId="violation-form" width={640}
      fields={['subjectId', 'discipline', 'regulation', 'article', 'caseTypeCode', 'description']}
      initial={{ subjectId: c.subjects.length === 1 ? c.subjects[0].id : undefined, caseTypeCode: c.case_type_code }}
      submit={(v) => api.post(`/cases/cases/${c.id}/violations`, { ...v, description: v.description || undefined })}>
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={10}><Form.Item name="subjectId" label={t('cases.ui.name')} rules={[{ required: true }]}>
              <Select options={c.subjects.map((s) => ({ value: s.id, label: s.name }))} /></Form.Item></Col>
            <Col span={14}><Form.Item name="discipline" label={t('cases.ui.discipline')} rules={[{ required: true }]}>
              <Select options={disciplines.map((d) => ({ value: d.code, label: locale === 'en' ? d.labelEn : d.labelZh }))}
                onChange={(code) => form.setFieldValue('regulation', disciplines.find((d) => d.code === code)?.regulation)} /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.discipline !== b.discipline}>
            {() => {
              const d = disciplines.find((x) => x.code === form.getFieldValue('discipline'));
              const reg = d ? regulations[d.regulation] : undefined;
              return (
                <Row gutter={12}>
                  <Col span={14}><Form.Item name="regulation" label={t('cases.ui.regulation')} rules={[{ required: true }]}
                    extra={d && `${d.chapter}：${d.ranges.map((r) => `${r.from}–${r.to}`).join('，')}`}>
                    <Select options={Object.values(regulations).map((r) => ({ value: r.id, label: `${locale === 'en' ? r.labelEn : r.labelZh}（${r.version}）` }))} />
                  </Form.Item></Col>
                  <Col span={10}><Form.Item name="article" label={t('cases.ui.article')} rules={[{ required: true }]} extra={reg && (locale === 'en' ? reg.labelEn : reg.labelZh)}>
                    <InputNumber min={1} max={999} style={{ width: '100%' }} addonBefore={locale === 'en' ? 'Art.' : '第'} addonAfter={locale === 'en' ? '' : '条'} /></Form.Item></Col>
                </Row>
              );
            }}
          </Form.Item>
          <Form.Item name="caseTypeCode" label={t('cases.ui.caseType')} rules={[{ required: true }]}>
            <TreeSelect treeDataSimpleMode treeData={caseTypeTree(types.data ?? [], locale)} showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
          <Form.Item name="description" label={t('cases.ui.facts')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** Losses recovered, entered in yuan (the API stores fen; the page shows 万元). */
export function RecoveryModal({ c, open, onClose }: { c: CaseView; open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <ActionModal<{ amountFen: number; recoveredOn: string; subjectId?: string; note?: string }> open={open} title={t('cases.ui.addRecovery')} onClose={onClose} testId="recovery-form"
      fields={['amountFen', 'recoveredOn', 'subjectId', 'note']} initial={{ recoveredOn: todayIso() }}
      // The field is named after the API's amountFen so a refusal lands on it; the user types yuan.
      submit={(v) => api.post(`/cases/cases/${c.id}/recoveries`, { ...v, amountFen: Math.round(v.amountFen * 100), note: v.note || undefined })}>
      {() => (
        <Row gutter={12}>
          <Col span={12}><Form.Item name="amountFen" label={t('cases.ui.amountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} step={1000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="recoveredOn" label={t('cases.ui.recoveredOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
          <Col span={12}><Form.Item name="subjectId" label={t('cases.ui.name')}><Select allowClear options={c.subjects.map((s) => ({ value: s.id, label: s.name }))} /></Form.Item></Col>
          <Col span={12}><Form.Item name="note" label={t('cases.ui.note')}><Input maxLength={500} /></Form.Item></Col>
        </Row>
      )}
    </ActionModal>
  );
}
