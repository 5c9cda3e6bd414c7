import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { RequirePermission } from '../../../web/auth/guards';
import { PageHeader } from '../../../web/components/PageHeader';
import { hasMessage, useLocale, useT, type MessageKey } from '../../../web/i18n';
import { riskApi, riskKeys, type ProcessDetail } from './api';
import { HitDrawer } from './HitDrawer';
import { codeName, statusColor, strengthColor, useStatusText, yuan } from './labels';
import { ProcessBids } from './ProcessBids';
import { ProcessContracts } from './ProcessContracts';

/** A dictionary label for an OCDS code when there is one (category, method), the code itself otherwise. */
function useCodeText() {
  const t = useT();
  return (prefix: string, v: string | null) => {
    if (!v) return '—';
    const key = `${prefix}.${v}`;
    return hasMessage(key) ? t(key) : v;
  };
}

function TenderCard({ p }: { p: ProcessDetail }) {
  const t = useT();
  const locale = useLocale();
  const text = useCodeText();
  const status = useStatusText();
  const d = (s: string | null) => s?.slice(0, 10) ?? '—';
  return (
    <Card title={t('risk.ui.tender')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={3} data-testid="risk-tender" items={[
        { key: 'ocid', label: t('risk.ui.ocid'), children: p.ocid },
        { key: 'buyer', label: t('risk.ui.buyer'), children: p.buyerName ?? '—' },
        { key: 'unit', label: t('risk.ui.unit'), children: p.unitName },
        { key: 'category', label: t('risk.ui.category'), children: text('risk.ui.category', p.category) },
        { key: 'method', label: t('risk.ui.method'), children: text('risk.ui.method', p.method) },
        { key: 'methodDetails', label: t('risk.ui.methodDetails'), children: p.tender.procurementMethodDetails ?? '—' },
        { key: 'value', label: t('risk.ui.value'), children: yuan(p.value, locale) },
        { key: 'awardValue', label: t('risk.ui.awardValue'), children: yuan(p.awardValue, locale) },
        { key: 'awardedTo', label: t('risk.ui.awardedTo'), children: p.awardedTo.join('、') || '—' },
        { key: 'period', label: t('risk.ui.period'), children: `${d(p.tender.periodStart)} ~ ${d(p.tender.periodEnd)}` },
        { key: 'tenderers', label: t('risk.ui.numberOfTenderers'), children: p.tender.numberOfTenderers ?? p.bids.length },
        { key: 'status', label: t('risk.ui.tenderStatus'), children: status(p.tender.status) },
        { key: 'criteria', label: t('risk.ui.awardCriteria'), children: p.tender.awardCriteria ?? '—' },
        ...(p.tender.lots.length ? [{
          key: 'lots', label: t('risk.ui.lots'), span: 3,
          children: p.tender.lots.map((l) => `${l.lotId ?? ''} ${l.title ?? ''}${l.value !== null ? `（${yuan(l.value, locale)}）` : ''}`).join('；'),
        }] : []),
        ...(p.experts.length ? [{ key: 'experts', label: t('risk.ui.experts'), span: 3, children: p.experts.map((e) => e.expertId).join('、') }] : []),
      ]} />
    </Card>
  );
}

/** The flags of the process, strongest first; each opens its evidence and decisions. */
function HitsCard({ p, onOpen }: { p: ProcessDetail; onOpen: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={`${t('risk.ui.processHits')}（${p.hits.length}）`} style={{ marginBottom: 16 }} data-testid="risk-process-hits">
      {p.hits.length === 0 ? <Empty description={t('risk.ui.noHits')} /> : (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('risk.ui.notFinding')} />
          <List size="small" dataSource={p.hits} renderItem={(h) => (
            <List.Item key={h.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(h.id)} data-testid="risk-process-hit" data-code={h.code}>
              <Flex gap={8} align="baseline" style={{ width: '100%' }}>
                <Tag color={strengthColor[h.strength]}>{t(`risk.ui.strength.${h.strength}` as MessageKey)}</Tag>
                <Typography.Text strong>{codeName(h.code, locale)}</Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>{h.rule}</Typography.Text>
                <Tag color={statusColor[h.status]}>{t(`risk.ui.hitStatus.${h.status}` as MessageKey)}</Tag>
              </Flex>
            </List.Item>
          )} />
        </>
      )}
    </Card>
  );
}

function ProcessView() {
  const { id = '' } = useParams();
  const t = useT();
  const [hit, setHit] = useState<string>();
  const q = useQuery({ queryKey: riskKeys.process(id), queryFn: () => riskApi.process(id) });
  const p = q.data;
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!p) return <Empty description={(q.error as Error | null)?.message} />;
  return (
    <div data-testid="risk-process">
      <PageHeader title={p.title ?? p.ocid} crumbs={[t('menu.group.risk'), t('menu.riskProcesses')]}
        extra={<Link to="/risk/processes"><Button>{t('risk.ui.back')}</Button></Link>} />
      <TenderCard p={p} />
      <HitsCard p={p} onOpen={setHit} />
      <ProcessBids p={p} />
      <ProcessContracts p={p} />
      <HitDrawer id={hit} onClose={() => setHit(undefined)} />
    </div>
  );
}

/** 采购项目详情: the tender, its flags, its bids plotted, awards, contracts, amendments and payments. */
export default function ProcessPage() {
  // The router guards only menu paths; this detail page carries the same permission as its list.
  return <RequirePermission permission="risk.read"><ProcessView /></RequirePermission>;
}
