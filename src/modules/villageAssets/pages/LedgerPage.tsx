import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { AlertOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT } from '../../../web/i18n';
import { villageApi, villageKeys, type LedgerTab } from './api';
import { ContractDrawer } from './ContractDrawer';
import { DisposalDrawer } from './DisposalDrawer';
import { EntryDrawer } from './EntryDrawer';
import { ImportPanel } from './ImportPanel';
import { LedgerTable } from './LedgerTables';

const tabs: LedgerTab[] = ['funds', 'contracts', 'disposals'];
const addLabels = { funds: 'villageAssets.ui.addEntry', contracts: 'villageAssets.ui.addContract', disposals: 'villageAssets.ui.addDisposal' } as const satisfies Record<LedgerTab, string>;

/**
 * 三资台账: choose a township and one of its villages, then the village's fund ledger, contracts and disposals in
 * tabs, with the import and form entry (登记 opens the form of the tab shown). A flag's evidence links here with
 * `village`, `tab` and `ids`: the table then shows just those rows until "show all".
 */
export default function LedgerPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState<LedgerTab | null>(null);
  const villages = useQuery({ queryKey: villageKeys.villages, queryFn: villageApi.villages, staleTime: 60_000 });
  const towns = villages.data?.townships ?? [];
  const villageId = params.get('village') ?? '';
  const tab = (tabs.find((x) => x === params.get('tab')) ?? 'funds') as LedgerTab;
  const ids = params.get('ids') ?? undefined;
  const townOfVillage = useMemo(() => towns.find((x) => x.villages.some((v) => v.id === villageId)), [towns, villageId]);
  const townshipId = params.get('township') ?? townOfVillage?.id ?? '';
  const town = towns.find((x) => x.id === townshipId);
  const set = (next: Record<string, string | undefined>) => {
    const n = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) n.set(k, v); else n.delete(k);
    setParams(n, { replace: true });
  };
  const village = town?.villages.find((v) => v.id === villageId);
  return (
    <>
      <PageHeader title={t('menu.villageLedger')} crumbs={[t('menu.group.villageAssets')]} extra={village && (
        <>
          <Link to={`/risk/hits?domain=villageAssets&unit=${village.code}`}><Button icon={<AlertOutlined />} data-testid="village-flags">{t('villageAssets.ui.flags')}</Button></Link>
          {can('villageAssets.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(tab)} data-testid="village-entry-new">{t(addLabels[tab])}</Button>}
        </>
      )} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select value={townshipId || undefined} placeholder={t('villageAssets.ui.township')} style={{ width: 200 }} loading={villages.isLoading} data-testid="village-township"
            showSearch optionFilterProp="label" onChange={(v) => set({ township: v, village: undefined, ids: undefined })}
            options={towns.map((x) => ({ value: x.id, label: x.name }))} />
          <Select value={village ? villageId : undefined} placeholder={t('villageAssets.ui.village')} style={{ width: 220 }} disabled={!town} data-testid="village-village"
            showSearch optionFilterProp="label" onChange={(v) => set({ village: v, township: townshipId, ids: undefined })}
            options={(town?.villages ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Space>
      </Card>
      {!village ? <Alert type="info" showIcon title={t('villageAssets.ui.chooseVillage')} /> : (
        <Card title={`${town?.name ?? ''} ${village.name}`}>
          {can('villageAssets.write') && <ImportPanel villageId={villageId} />}
          {ids && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="village-ids-filter"
              title={<Space>{t('villageAssets.ui.filtered', { n: ids.split(',').length })}
                <Typography.Link onClick={() => set({ ids: undefined })} data-testid="village-show-all">{t('villageAssets.ui.showAll')}</Typography.Link></Space>} />
          )}
          <Tabs activeKey={tab} onChange={(k) => set({ tab: k, ids: undefined })} data-testid="village-tabs"
            items={tabs.map((k) => ({ key: k, label: t(`villageAssets.ui.tab.${k}`), children: tab === k && <LedgerTable key={`${villageId}-${ids ?? ''}`} tab={k} villageId={villageId} ids={ids} /> }))} />
          <EntryDrawer villageId={villageId} open={adding === 'funds'} onClose={() => setAdding(null)} />
          <ContractDrawer villageId={villageId} open={adding === 'contracts'} onClose={() => setAdding(null)} />
          <DisposalDrawer villageId={villageId} open={adding === 'disposals'} onClose={() => setAdding(null)} />
        </Card>
      )}
    </>
  );
}
