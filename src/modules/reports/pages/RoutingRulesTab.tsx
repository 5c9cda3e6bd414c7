import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { RoutingRuleDrawer } from './RoutingRuleDrawer';
import { settingsKeys, useRoutingRules, useTownships, type RoutingRule } from './settingsData';

/** 分办规则: category × township × accused rank → handling unit, with how the suggestion picks among them. */
export function RoutingRulesTab() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const rules = useRoutingRules();
  const townships = useTownships();
  const [editing, setEditing] = useState<{ open: boolean; rule: RoutingRule | null }>({ open: false, rule: null });
  const townshipName = useMemo(() => new Map((townships.data ?? []).map((u) => [u.code, u.name])), [townships.data]);
  const items = rules.data?.items ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: settingsKeys.rules });

  const toggle = useMutation({
    mutationFn: (r: RoutingRule) => api.patch(`/reports/routing-rules/${r.id}`, { active: !r.active }),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (r: RoutingRule) => api.del(`/reports/routing-rules/${r.id}`),
    onSuccess: () => { void message.success(t('reports.settings.deleted')); void refresh(); },
  });
  const any = <Typography.Text type="secondary">{t('reports.settings.any')}</Typography.Text>;

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reports.settings.routingHint')} data-testid="routing-hint" />
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, rule: null })} data-testid="rule-add">{t('reports.settings.addRule')}</Button>
      </Flex>
      <Table<RoutingRule> rowKey="id" size="small" data-testid="rules-table" loading={rules.isLoading} dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 1000 }}
        columns={[
          { title: t('reports.category'), dataIndex: 'category', width: 140, render: (v: string | null) => v ?? any },
          { title: t('reports.township'), dataIndex: 'townshipCode', width: 140, render: (v: string | null) => (v ? townshipName.get(v) ?? v : any) },
          { title: t('reports.settings.accusedRank'), dataIndex: 'accusedRank', width: 150, render: (v: string | null) => (v ? t(`rank.${v}` as MessageKey) : any) },
          { title: t('reports.settings.handlingUnit'), dataIndex: 'handlingUnitName', width: 180, ellipsis: true },
          { title: t('reports.settings.priority'), dataIndex: 'priority', width: 80 },
          { title: t('reports.settings.active'), dataIndex: 'active', width: 80, render: (_, r) => (
            <Switch size="small" checked={r.active} loading={toggle.isPending && toggle.variables?.id === r.id} onChange={() => toggle.mutate(r)} data-testid="rule-active" />) },
          { title: t('reports.note'), dataIndex: 'note', ellipsis: true },
          { title: t('common.actions'), key: 'actions', width: 130, fixed: 'right', render: (_, r) => (
            <Flex gap={4}>
              <Button type="link" size="small" onClick={() => setEditing({ open: true, rule: r })} data-testid="rule-edit">{t('common.edit')}</Button>
              <Popconfirm title={t('reports.settings.deleteConfirm')} onConfirm={() => remove.mutate(r)}>
                <Button type="link" size="small" danger data-testid="rule-delete">{t('common.delete')}</Button>
              </Popconfirm>
            </Flex>
          ) },
        ]} />
      <RoutingRuleDrawer open={editing.open} rule={editing.rule} rules={items} townships={townships.data ?? []}
        onClose={() => setEditing({ open: false, rule: null })} onSaved={() => void refresh()} />
    </>
  );
}
