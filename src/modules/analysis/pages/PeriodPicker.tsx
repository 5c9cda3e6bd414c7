import { Select, Space, Switch, Typography } from 'antd';
import { useT } from '../../../web/i18n';

export const spans = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M01-09', 'year'] as const;
export type Span = (typeof spans)[number];

export interface PeriodValue { year: number; span: Span; cumulative: boolean }

/** The period as the API spells it: 2026Q1, 2026H1, 2026M01-09, 2026. */
export function periodKey(v: PeriodValue): string {
  return v.span === 'year' ? String(v.year) : v.span === 'M01-09' ? `${v.year}M01-09` : `${v.year}${v.span}`;
}

export function currentPeriod(): PeriodValue {
  const now = new Date();
  return { year: now.getFullYear(), span: `Q${Math.floor(now.getMonth() / 3) + 1}` as Span, cumulative: true };
}

export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (v: PeriodValue) => void }) {
  const t = useT();
  const thisYear = new Date().getFullYear();
  return (
    <Space wrap data-testid="period-picker">
      <Typography.Text type="secondary">{t('analysis.period')}</Typography.Text>
      <Select style={{ width: 100 }} value={value.year} onChange={(year) => onChange({ ...value, year })}
        options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}` }))} />
      <Select style={{ width: 120 }} value={value.span} onChange={(span) => onChange({ ...value, span })} data-testid="period-span"
        options={spans.map((s) => ({ value: s, label: t(`analysis.span.${s}`) }))} />
      <Switch checked={value.cumulative} onChange={(cumulative) => onChange({ ...value, cumulative })} />
      <Typography.Text>{t('analysis.cumulative')}</Typography.Text>
    </Space>
  );
}
