import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Flex, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, showError } from '../../../web/api/client';
import { PageHeader } from '../../../web/components/PageHeader';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT } from '../../../web/i18n';
import { placeholders, templatesSchema, type ParagraphTemplate, type ReportTemplates } from '../report/templates';
import { analysisApi, isAvailable } from './api';
import { currentPeriod, periodKey } from './PeriodPicker';

const separators = ['，', '；', '。', ''] as const;
type Sep = (typeof separators)[number];

/**
 * The office edits the report's sentences: each paragraph is a list of clauses, `{metric.key}` inserts a
 * figure. The preview fills the figures of the current quarter, so an editor sees the sentence as the
 * report will print it; clauses whose figures are unavailable are shown struck through, as the report
 * leaves them out. The same zod schema the server validates with checks the draft before saving.
 */
export default function TemplatesPage() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { can } = useAuth();
  const editable = can('analysis.report');
  const period = periodKey(currentPeriod());
  const loaded = useQuery({ queryKey: ['analysis', 'templates'], queryFn: analysisApi.templates });
  const catalogue = useQuery({ queryKey: ['analysis', 'catalogue'], queryFn: analysisApi.catalogue });
  const figures = useQuery({ queryKey: ['analysis', 'metrics', period, true], queryFn: () => analysisApi.metrics(period, true) });
  const [draft, setDraft] = useState<ReportTemplates | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => { if (loaded.data && !draft) setDraft(loaded.data.templates); }, [loaded.data, draft]);

  const labels = useMemo(() => new Map((catalogue.data?.items ?? []).map((c) => [c.key, c])), [catalogue.data]);
  const metricOptions = (loaded.data?.metricKeys ?? []).map((k) => ({ value: k, label: `${labels.get(k)?.labelZh ?? k}（${k}）` }));

  const save = useMutation({
    mutationFn: (body: ReportTemplates) => analysisApi.saveTemplates(body),
    onSuccess: async (res) => {
      setDraft(res.templates);
      setProblems([]);
      message.success(t('template.saved'));
      await qc.invalidateQueries({ queryKey: ['analysis', 'templates'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.issues.length) setProblems(err.issues.map((i) => `${i.field}: ${i.message}`));
      else showError(err);
    },
  });

  if (!draft) return <Card loading />;
  const update = (fn: (d: ReportTemplates) => ReportTemplates) => setDraft(fn(structuredClone(draft)));
  const setParagraph = (i: number, p: ParagraphTemplate) => update((d) => { d.paragraphs[i] = p; return d; });
  const submit = () => {
    const parsed = templatesSchema.safeParse(draft);
    if (!parsed.success) { setProblems(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)); return; }
    save.mutate(parsed.data);
  };

  const preview = (p: ParagraphTemplate) => p.clauses.map((c, i) => {
    const keys = placeholders(c.text);
    const missing = keys.some((k) => k !== 'period' && !isAvailable(figures.data?.metrics[k]));
    const text = c.text.replace(/\{([a-zA-Z.]+)\}/g, (_, k: string) => {
      if (k === 'period') return figures.data?.period.labelZh ?? k;
      const m = figures.data?.metrics[k];
      return isAvailable(m) ? String(m.value) : `〔${labels.get(k)?.labelZh ?? k}〕`;
    });
    return <Typography.Text key={i} delete={missing} type={missing ? 'secondary' : undefined}>{text}{c.sep}</Typography.Text>;
  });

  return (
    <>
      <PageHeader title={t('menu.analysisTemplates')} crumbs={[t('menu.group.analysis')]} extra={editable && (
        <>
          <Popconfirm title={t('template.resetConfirm')} onConfirm={() => loaded.data && setDraft(structuredClone(loaded.data.defaults))}>
            <Button icon={<UndoOutlined />} data-testid="template-reset">{t('template.reset')}</Button>
          </Popconfirm>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit} data-testid="template-save">{t('common.save')}</Button>
        </>
      )} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('template.hint')} />
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="template-problems" message={problems.join('；')} />}
      <Card size="small" title={t('template.title')} style={{ marginBottom: 16 }}>
        <Input value={draft.title} disabled={!editable} data-testid="template-title" onChange={(e) => update((d) => { d.title = e.target.value; return d; })} />
      </Card>
      <Collapse style={{ marginBottom: 16 }} defaultActiveKey={draft.paragraphs[0]?.id} items={draft.paragraphs.map((p, pi) => ({
        key: p.id,
        label: <Space><Tag color={p.section === 'statistics' ? 'purple' : 'blue'}>{t(`template.section.${p.section}`)}</Tag>{p.heading || p.id}</Space>,
        children: (
          <Space direction="vertical" style={{ width: '100%' }} data-testid={`template-paragraph-${p.id}`}>
            <Flex gap={8}>
              <Input addonBefore={t('template.heading')} value={p.heading ?? ''} disabled={!editable}
                onChange={(e) => setParagraph(pi, { ...p, heading: e.target.value || undefined })} />
              <Select style={{ width: 200 }} value={p.section} disabled={!editable}
                options={(['achievements', 'statistics'] as const).map((s) => ({ value: s, label: t(`template.section.${s}`) }))}
                onChange={(section) => setParagraph(pi, { ...p, section })} />
              {editable && <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')}
                onClick={() => update((d) => { d.paragraphs.splice(pi, 1); return d; })} />}
            </Flex>
            {p.clauses.map((c, ci) => (
              <Flex key={ci} gap={8} align="center">
                <Input.TextArea autoSize value={c.text} disabled={!editable} data-testid={`template-clause-${p.id}-${ci}`}
                  onChange={(e) => setParagraph(pi, { ...p, clauses: p.clauses.map((x, j) => (j === ci ? { ...x, text: e.target.value } : x)) })} />
                <Select style={{ width: 90 }} value={c.sep} disabled={!editable}
                  options={separators.map((s) => ({ value: s, label: s || t('template.noSep') }))}
                  onChange={(sep: Sep) => setParagraph(pi, { ...p, clauses: p.clauses.map((x, j) => (j === ci ? { ...x, sep } : x)) })} />
                <Select style={{ width: 260 }} showSearch placeholder={t('template.insertMetric')} value={null} disabled={!editable} options={metricOptions}
                  optionFilterProp="label"
                  onChange={(k: string) => setParagraph(pi, { ...p, clauses: p.clauses.map((x, j) => (j === ci ? { ...x, text: `${x.text}{${k}}` } : x)) })} />
                {editable && <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={p.clauses.length === 1}
                  onClick={() => setParagraph(pi, { ...p, clauses: p.clauses.filter((_, j) => j !== ci) })} />}
              </Flex>
            ))}
            {editable && <Button icon={<PlusOutlined />} onClick={() => setParagraph(pi, { ...p, clauses: [...p.clauses, { text: '', sep: '，' }] })}>{t('template.addClause')}</Button>}
            <Card size="small" type="inner" title={`${t('report.preview')}（${figures.data?.period.labelZh ?? period}）`}>
              <Typography.Paragraph style={{ marginBottom: 0 }} data-testid={`template-preview-${p.id}`}>{preview(p)}</Typography.Paragraph>
            </Card>
          </Space>
        ),
      }))} />
      {editable && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => update((d) => {
          d.paragraphs.push({ id: `custom${Date.now().toString(36)}`, section: 'achievements', heading: '', clauses: [{ text: '{period}，', sep: '，' }] });
          return d;
        })}>{t('template.addParagraph')}</Button>
      )}
      <Card size="small" title={t('report.nextSteps')}>
        {draft.nextSteps.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          {draft.nextSteps.map((s, i) => (
            <Flex key={i} gap={8}>
              <Input.TextArea autoSize value={s} disabled={!editable} onChange={(e) => update((d) => { d.nextSteps[i] = e.target.value; return d; })} />
              {editable && <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => update((d) => { d.nextSteps.splice(i, 1); return d; })} />}
            </Flex>
          ))}
          {editable && <Button icon={<PlusOutlined />} onClick={() => update((d) => { d.nextSteps.push(''); return d; })}>{t('template.addStep')}</Button>}
        </Space>
      </Card>
    </>
  );
}
