import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { fetchUnit, fetchUnitChildren, searchUnits, unitKeys } from '../api/units';
import type { Unit } from '../api/types';
import { useT } from '../i18n';
import { unitKindIcon } from './unitIcons';

interface Props {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  disabled?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

/**
 * Unit picker over a tree of thousands of villages: loads children on expand, looks up the labels of
 * preselected units by id, and asks the server when the user types (only loaded nodes can be filtered locally).
 */
export function UnitTreeSelect({ value, onChange, multiple, placeholder, style, disabled, allowClear = true, ...rest }: Props) {
  const t = useT();
  const qc = useQueryClient();
  const [known, setKnown] = useState<Map<string, Unit>>(new Map());
  const merge = (units: Unit[]) =>
    setKnown((prev) => {
      if (units.every((u) => prev.has(u.id))) return prev;
      const next = new Map(prev);
      units.forEach((u) => next.set(u.id, u));
      return next;
    });

  const roots = useQuery({ queryKey: unitKeys.children(null), queryFn: () => fetchUnitChildren(null), staleTime: 300_000 });
  useEffect(() => {
    if (roots.data) merge(roots.data);
  }, [roots.data]);

  // Selected ids whose label we have not seen yet (e.g. editing a record): fetch them one by one.
  const selected = value == null ? [] : Array.isArray(value) ? value : [value];
  const missing = selected.filter((id) => !known.has(id)).join(',');
  useEffect(() => {
    if (!missing) return;
    for (const id of missing.split(',')) {
      qc.fetchQuery({ queryKey: unitKeys.one(id), queryFn: () => fetchUnit(id), staleTime: 300_000 }).then((u) => merge([u]), () => undefined);
    }
  }, [missing, qc]);

  const treeData = useMemo(
    () =>
      [...known.values()].map((u) => ({
        id: u.id,
        pId: u.parentId,
        value: u.id,
        title: u.name,
        code: u.code,
        icon: unitKindIcon[u.kind],
        isLeaf: u.childCount === 0,
      })),
    [known],
  );

  const loadData = async (node: { code?: string; value?: unknown }) => {
    const code = node.code;
    if (!code) return;
    merge(await qc.fetchQuery({ queryKey: unitKeys.children(code), queryFn: () => fetchUnitChildren(code), staleTime: 300_000 }));
  };

  // Debounced so typing a village name sends one request, not one per keystroke.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onSearch = (q: string) => {
    clearTimeout(timer.current);
    const term = q.trim();
    if (!term) return;
    timer.current = setTimeout(() => {
      qc.fetchQuery({ queryKey: unitKeys.search(term), queryFn: () => searchUnits(term), staleTime: 60_000 }).then(merge, () => undefined);
    }, 300);
  };

  // Simple mode with the default rootPId (null): nodes whose parent is not loaded yet (search hits,
  // preselected values) show as roots until the parent arrives, then move under it.
  return (
    <TreeSelect
      {...rest}
      style={{ minWidth: 200, ...style }}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      multiple={multiple}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={treeData}
      loadData={loadData}
      treeIcon
      showSearch={{ filterTreeNode: (input, node) => String(node.title ?? '').includes(input), onSearch }}
      placeholder={placeholder ?? t('unit.pick')}
      allowClear={allowClear}
      disabled={disabled}
      loading={roots.isLoading}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
    />
  );
}
