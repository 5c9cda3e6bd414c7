import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag } from 'antd';
import { api } from '../../../web/api/client';
import { useT } from '../../../web/i18n';

interface Suggestion { source: 'intake' | 'live' | 'none'; label: string | null; confidence: number | null; alternatives: Array<{ label: string; confidence: number }> }

// Rounded down: a suggestion short of certainty never reads as 100 %.
const pct = (v: number | null) => (v === null ? '—' : `${Math.floor(v * 100)}%`);

/** The category model's suggestion in the triage drawer, with one-click adoption of it or an alternative. */
export function CategorySuggestion({ reportId, open, onAdopt }: { reportId: string; open: boolean; onAdopt: (category: string) => void }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['reports', reportId, 'category-suggestion'],
    queryFn: () => api.get<Suggestion>(`/reports/${reportId}/category-suggestion`),
    enabled: open,
  });
  const s = q.data;
  if (!s || s.source === 'none' || !s.label) return null;
  return (
    <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="category-suggestion"
      title={<Space wrap>
        <span>{t('reports.categorySuggestion')}：<b>{s.label}</b>（{t('reports.confidence')} {pct(s.confidence)}）</span>
        <Button size="small" type="primary" onClick={() => onAdopt(s.label!)} data-testid="category-adopt">{t('reports.adopt')}</Button>
      </Space>}
      description={s.alternatives.length > 0 && <Space wrap size={4}>
        <span>{t('reports.alternatives')}：</span>
        {s.alternatives.map((a) => <Tag key={a.label} style={{ cursor: 'pointer' }} onClick={() => onAdopt(a.label)}>{a.label} {pct(a.confidence)}</Tag>)}
      </Space>} />
  );
}
