import type { ReactNode } from 'react';
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT, type MessageKey } from '../../../web/i18n';
import { DictionaryTab } from './DictionaryTab';
import { RoutingRulesTab } from './RoutingRulesTab';

/**
 * The tabs of the settings page, in display order. A further county dictionary of the reports module adds one
 * entry here (key, label, component); the open tab is kept in `?tab=` so a link can point at it.
 */
const tabs: Array<{ key: string; label: MessageKey; render: () => ReactNode }> = [
  { key: 'routing', label: 'reports.settings.tab.routing', render: () => <RoutingRulesTab /> },
  { key: 'efficiency', label: 'reports.settings.tab.efficiency', render: () => <DictionaryTab path="efficiency-categories" /> },
  { key: 'sectors', label: 'reports.settings.tab.sectors', render: () => <DictionaryTab path="sectors" /> },
];

/** 信访举报设置: routing rules and the county's dictionaries (效能投诉类别, 领域), edited by holders of reports.routing.write. */
export default function ReportSettingsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const active = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0].key;

  return (
    <>
      <PageHeader title={t('menu.reportSettings')} crumbs={[t('menu.group.reports')]} />
      <Card data-testid="report-settings">
        <Tabs activeKey={active} destroyOnHidden onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`settings-tab-${x.key}`}>{t(x.label)}</span>, children: x.render() }))} />
      </Card>
    </>
  );
}
