import { useEffect, useMemo, useState, type Key } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { fetchUnitChildren, unitKeys } from '../../../web/api/units';
import type { Unit } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { unitKindIcon } from '../../../web/components/unitIcons';
import { useT } from '../../../web/i18n';
import { UnitCreateModal } from './UnitCreateModal';

const ROOT = '';

/** Tree of units loaded level by level: a county has ~20 townships and ~300 villages, a province far more. */
export default function UnitTreePage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [units, setUnits] = useState<Map<string, Unit>>(new Map());
  const [children, setChildren] = useState<Map<string, string[]>>(new Map());
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const store = (parentKey: string, items: Unit[]) => {
    setUnits((prev) => new Map([...prev, ...items.map((u) => [u.id, u] as const)]));
    setChildren((prev) => new Map(prev).set(parentKey, items.map((u) => u.id)));
  };

  const roots = useQuery({ queryKey: unitKeys.children(null), queryFn: () => fetchUnitChildren(null) });
  useEffect(() => {
    if (roots.data) store(ROOT, roots.data);
  }, [roots.data]);

  const loadChildren = async (unit: Unit, fresh = false) => {
    const key = unitKeys.children(unit.code);
    if (fresh) await qc.invalidateQueries({ queryKey: key });
    store(unit.id, await qc.fetchQuery({ queryKey: key, queryFn: () => fetchUnitChildren(unit.code) }));
  };

  const treeData = useMemo(() => {
    const build = (id: string): TreeDataNode => {
      const u = units.get(id)!;
      const kids = children.get(id);
      return {
        key: u.id,
        icon: unitKindIcon[u.kind],
        title: u.active ? u.name : (
          <>
            {u.name} <Tag>{t('unit.inactive')}</Tag>
          </>
        ),
        isLeaf: u.childCount === 0 && !kids?.length,
        children: kids?.filter((k) => units.has(k)).map(build),
      };
    };
    return (children.get(ROOT) ?? []).filter((id) => units.has(id)).map(build);
  }, [units, children, t]);

  const selected = selectedId ? units.get(selectedId) ?? null : null;
  const canWrite = can('org.unit.write');

  const onCreated = async (created: Unit) => {
    setCreating(false);
    if (!selected) return;
    // The parent now has one more child; bump the count so the tree shows an expander, then reload.
    setUnits((prev) => new Map(prev).set(selected.id, { ...selected, childCount: selected.childCount + 1 }));
    await loadChildren(selected, true);
    setExpanded((prev) => (prev.includes(selected.id) ? prev : [...prev, selected.id]));
    setSelectedId(created.id);
  };

  return (
    <>
      <PageHeader title={t('menu.orgUnits')} crumbs={[t('menu.group.org')]} />
      <Row gutter={16}>
        <Col xs={24} lg={11} xl={10}>
          <Card title={t('unit.tree')} loading={roots.isLoading} styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflow: 'auto' } }}>
            <Tree
              data-testid="unit-tree"
              showIcon
              blockNode
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
              loadData={async (node) => {
                const u = units.get(String(node.key));
                if (u && !children.has(u.id)) await loadChildren(u);
              }}
            />
            {!roots.isLoading && treeData.length === 0 && <Empty description={t('common.empty')} />}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <Card
            title={t('unit.detail')}
            extra={
              canWrite && selected ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="unit-create">
                  {t('unit.addChild')}
                </Button>
              ) : null
            }
          >
            {selected ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                data-testid="unit-detail"
                items={[
                  { key: 'name', label: t('unit.name'), children: <Space>{unitKindIcon[selected.kind]}{selected.name}</Space> },
                  { key: 'shortName', label: t('unit.shortName'), children: selected.shortName ?? '—' },
                  { key: 'code', label: t('unit.code'), children: <Typography.Text copyable>{selected.code}</Typography.Text> },
                  { key: 'kind', label: t('unit.kind'), children: t(`unitKind.${selected.kind}`) },
                  { key: 'parent', label: t('unit.parentCode'), children: selected.parentCode ?? '—' },
                  { key: 'depth', label: t('unit.depth'), children: selected.depth },
                  { key: 'children', label: t('unit.childCount'), children: selected.childCount },
                  {
                    key: 'active',
                    label: t('unit.status'),
                    children: selected.active ? <Tag color="green">{t('unit.active')}</Tag> : <Tag>{t('unit.inactive')}</Tag>,
                  },
                ]}
              />
            ) : (
              <Empty description={t('unit.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <UnitCreateModal parent={selected} open={creating} onClose={() => setCreating(false)} onCreated={(u) => void onCreated(u)} />
    </>
  );
}
