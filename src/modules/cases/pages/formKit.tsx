import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { api, ApiError, showError } from '../../../web/api/client';
import { fieldOf } from '../../../web/api/formErrors';
import type { Page } from '../../../web/api/types';
import { useT, type MessageKey } from '../../../web/i18n';

/** Shared pieces of the case workflow's forms: server refusals, official and staff pickers, dates. */
export const todayIso = () => dayjs().format('YYYY-MM-DD');

/**
 * Server answers on a form: issues naming a field the form has go onto that field; the rest (a refused rule,
 * recusal, approval) is listed in an alert above the form, each message with the rule it names.
 */
export function useServerErrors(form: FormInstance, fields: readonly string[]) {
  const t = useT();
  const [refusal, setRefusal] = useState<{ title: string; items: string[] } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  // A long drawer may be scrolled down to the save button: bring the refusal into view.
  useEffect(() => { if (refusal) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }); }, [refusal]);
  const onError = (err: unknown) => {
    if (!(err instanceof ApiError) || err.status === 401) return showError(err);
    const rest: string[] = [];
    const onFields = new Map<string, string[]>();
    for (const i of err.issues) {
      const name = fieldOf(i.field);
      if (fields.includes(name)) onFields.set(name, [...(onFields.get(name) ?? []), i.message]);
      else rest.push(i.message);
    }
    if (onFields.size) form.setFields([...onFields].map(([name, errors]) => ({ name, errors })));
    // A field that is not on the form right now (a hidden branch) keeps its message in the alert.
    for (const [name, messages] of onFields) {
      if (form.getFieldError(name).length === 0) { rest.push(...messages); onFields.delete(name); }
    }
    if (rest.length) setRefusal({ title: err.code === 'FORBIDDEN' ? t('cases.ui.forbiddenByRule') : t('cases.ui.refused'), items: rest });
    else if (!onFields.size) setRefusal({ title: err.message, items: [] });
    else setRefusal(null);
  };
  const alert: ReactNode = refusal && (
    <div ref={ref} style={{ scrollMarginTop: 16 }}>
      <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="rule-error" title={refusal.title} role="alert"
        description={refusal.items.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.items.map((m) => <li key={m}>{m}</li>)}</ul> : undefined} />
    </div>
  );
  return { onError, alert, clear: () => setRefusal(null) };
}

export interface OfficialOption { id: string; name: string; unitName?: string; post?: string | null; rank?: string; partyMember?: boolean }

const officialLabel = (o: OfficialOption) => [o.name, o.unitName, o.post].filter(Boolean).join(' · ');

/** Picks officials from the organisation (server search by name or post); `known` labels preselected ones. */
export function OfficialSelect({ value, onChange, multiple, known = [], onPicked, ...rest }: {
  value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean; known?: OfficialOption[];
  onPicked?: (o: OfficialOption | undefined) => void; 'data-testid'?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['cases', 'officialSearch', search],
    queryFn: () => api.get<Page<OfficialOption>>('/org/officials', { q: search, pageSize: 20 }),
    enabled: search.length > 0,
  });
  const [seen, setSeen] = useState<Map<string, OfficialOption>>(new Map());
  const options = useMemo(() => {
    const all = new Map<string, OfficialOption>([...known.map((o) => [o.id, o] as const), ...seen, ...(found.data?.items ?? []).map((o) => [o.id, o] as const)]);
    return [...all.values()].map((o) => ({ value: o.id, label: officialLabel(o) }));
  }, [known, seen, found.data]);
  return (
    <Select mode={multiple ? 'multiple' : undefined} value={value} placeholder={t('cases.ui.officialSearch')} data-testid={rest['data-testid']}
      showSearch={{ filterOption: false, onSearch: setSearch }} loading={found.isFetching} options={options} notFoundContent={null}
      onChange={(v: string | string[]) => {
        const items = found.data?.items ?? [];
        setSeen((prev) => new Map([...prev, ...items.map((o) => [o.id, o] as const)]));
        onChange?.(v);
        if (!multiple) onPicked?.(items.find((o) => o.id === v) ?? known.find((o) => o.id === v));
      }} />
  );
}

export interface StaffMember { id: string; displayName: string; unitName: string; approvesClues: boolean; approvesCases: boolean }

export function useStaff() {
  return useQuery({ queryKey: ['cases', 'staff'], queryFn: () => api.get<{ items: StaffMember[] }>('/cases/staff'), staleTime: 60_000 });
}

/** Picks a staff member (approver or team member); `approves` keeps only holders of that approval. */
export function StaffSelect({ value, onChange, approves, placeholder, ...rest }: {
  value?: string; onChange?: (v: string) => void; approves?: 'approvesClues' | 'approvesCases'; placeholder?: MessageKey; 'data-testid'?: string;
}) {
  const t = useT();
  const staff = useStaff();
  const items = (staff.data?.items ?? []).filter((s) => !approves || s[approves]);
  return (
    <Select value={value} onChange={onChange} loading={staff.isLoading} placeholder={placeholder ? t(placeholder) : undefined} data-testid={rest['data-testid']}
      showSearch={{ optionFilterProp: 'label' }} options={items.map((s) => ({ value: s.id, label: `${s.displayName}（${s.unitName}）` }))} />
  );
}
