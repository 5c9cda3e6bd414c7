import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../web/auth/AuthContext';
import { hasMessage, useLocale, useT, type MessageKey } from '../../../web/i18n';
import { riskApi, riskKeys, type HitDetail } from './api';
import { ClueModal, DismissModal } from './HitActions';
import { ruleText } from '../labels';
import { codeName, evidenceKeyName, evidenceText, statusColor, strengthColor } from './labels';

const entries = (o: Record<string, unknown> | undefined) => Object.entries(o ?? {});

/** The evidence as the rule saw it: what it says, its threshold, the values compared and the records behind them. */
export function Evidence({ hit }: { hit: HitDetail }) {
  const t = useT();
  const e = hit.evidence;
  const locale = useLocale();
  // The identity field a shared-identity rule compared ("phone") reads as its name (联系电话).
  const show = (k: string, v: unknown) => (k === 'field' && typeof v === 'string' && hasMessage(`risk.ui.identity.${v}`) ? t(`risk.ui.identity.${v}` as MessageKey) : evidenceText(v));
  const kv = (o: Record<string, unknown>) => entries(o).map(([k, v]) => ({
    key: k, label: <span title={k}>{evidenceKeyName(k, locale)}</span>, children: <span style={{ wordBreak: 'break-all' }}>{show(k, v)}</span>,
  }));
  return (
    <div data-testid="risk-evidence">
      <Descriptions column={1} size="small" bordered items={[
        { key: 'rule', label: t('risk.ui.rule'), children: locale === 'en' ? e.rule : ruleText(hit.code, e) },
        ...(locale === 'en' ? [] : [{ key: 'formula', label: t('risk.ui.formula'), children: <Typography.Text code>{e.rule}</Typography.Text> }]),
        ...(e.lawRef ? [{ key: 'law', label: t('risk.ui.lawRef'), children: e.lawRef }] : []),
      ]} />
      {entries(e.threshold).length > 0 && (
        <><Typography.Title level={5} style={{ marginTop: 16 }}>{t('risk.ui.threshold')}</Typography.Title>
          <Descriptions column={2} size="small" bordered items={kv(e.threshold)} /></>
      )}
      {entries(e.values).length > 0 && (
        <><Typography.Title level={5} style={{ marginTop: 16 }}>{t('risk.ui.values')}</Typography.Title>
          <Descriptions column={1} size="small" bordered items={kv(e.values)} data-testid="risk-evidence-values" /></>
      )}
      {hit.domain === 'procurement' && (
        <><Typography.Title level={5} style={{ marginTop: 16 }}>{t('risk.ui.processes')}</Typography.Title>
          <Flex vertical gap={4}>
            {hit.processes.map((p) => <Link key={p.id} to={`/risk/processes/${p.id}`} data-testid="risk-hit-process">{p.title ?? p.ocid}（{p.ocid}）</Link>)}
            {hit.processes.length === 0 && <Typography.Text type="secondary">{t('risk.ui.none')}</Typography.Text>}
          </Flex></>
      )}
      {e.records?.length > 0 && (
        <><Typography.Title level={5} style={{ marginTop: 16 }}>{t('risk.ui.records')}</Typography.Title>
          <Flex wrap gap={4} data-testid="risk-evidence-records">{e.records.map((r) => {
            // A record naming a process (its ocid) opens the tender page; other domains' records carry their own link.
            const p = hit.processes.find((x) => x.ocid === r.id);
            const href = p ? `/risk/processes/${p.id}` : r.href;
            const text = r.label ?? r.id;
            return <Tag key={`${r.kind}:${r.id}`}>{r.label ? '' : `${r.kind}: `}{href ? <Link to={href}>{text}</Link> : text}</Tag>;
          })}</Flex></>
      )}
    </div>
  );
}

/** One hit: its evidence and the two decisions (dismiss with a reason, or hand over as a clue). */
export function HitDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const [dismissing, setDismissing] = useState(false);
  const [cluing, setCluing] = useState(false);
  const q = useQuery({ queryKey: riskKeys.hit(id ?? ''), queryFn: () => riskApi.hit(id!), enabled: !!id });
  const h = q.data;
  const decidable = h?.status === 'new' && can('risk.decide');
  return (
    <Drawer open={!!id} onClose={onClose} size="large" loading={q.isLoading} data-testid="risk-hit-drawer"
      title={h && <Space><Tag color={strengthColor[h.strength]}>{t(`risk.ui.strength.${h.strength}` as MessageKey)}</Tag>{codeName(h.code, locale)}</Space>}
      extra={decidable && (
        <Space>
          <Button onClick={() => setDismissing(true)} data-testid="risk-hit-dismiss">{t('risk.ui.dismiss')}</Button>
          {can('cases.clue.write') && <Button type="primary" onClick={() => setCluing(true)} data-testid="risk-hit-clue">{t('risk.ui.toClue')}</Button>}
        </Space>
      )}>
      {h && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('risk.ui.notFinding')} />
          <Descriptions column={2} size="small" style={{ marginBottom: 16 }} items={[
            { key: 'code', label: t('risk.ui.indicator'), children: `${codeName(h.code, locale)}（${h.code}）` },
            { key: 'source', label: t('risk.ui.hitSource'), children: t(`risk.ui.hitSource.${h.source}` as MessageKey) },
            ...(h.domain === 'procurement' ? [
              { key: 'buyer', label: t('risk.ui.buyer'), children: h.buyerName ?? '—' },
              { key: 'township', label: t('risk.ui.township'), children: h.townshipName ?? '—' },
              { key: 'suppliers', label: t('risk.ui.supplier'), span: 2, children: h.supplierNames.join('、') || '—' },
            ] : [
              { key: 'domain', label: t('risk.ui.domain'), children: t(`risk.ui.domain.${h.domain}` as MessageKey) },
              { key: 'unit', label: t('risk.ui.buyerOrUnit'), children: h.unitName },
              { key: 'township', label: t('risk.ui.township'), children: h.townshipName ?? '—' },
              { key: 'subject', label: t('risk.ui.subject'), span: 2, children: h.subjectTitle ?? '—' },
            ]),
            ...(h.score !== null ? [{ key: 'score', label: t('risk.ui.score'), children: evidenceText(h.score) }] : []),
            {
              key: 'status', label: t('risk.ui.status'),
              children: <Tag color={statusColor[h.status]} data-testid="risk-hit-status">{t(`risk.ui.hitStatus.${h.status}` as MessageKey)}</Tag>,
            },
            ...(h.status === 'dismissed' ? [{ key: 'reason', label: t('risk.ui.dismissReason'), span: 2, children: h.dismissReason }] : []),
            ...(h.clueId ? [{ key: 'clue', label: t('risk.ui.decided'), span: 2, children: <Link to={`/cases/clues?clue=${h.clueId}`} data-testid="risk-hit-clue-link">{t('risk.ui.openClue')}</Link> }] : []),
            ...(h.decidedAt ? [{ key: 'decidedAt', label: t('risk.ui.decided'), children: new Date(h.decidedAt).toLocaleString(locale) }] : []),
          ]} />
          <Evidence hit={h} />
          <DismissModal hit={h} open={dismissing} onClose={() => setDismissing(false)} />
          <ClueModal hit={h} open={cluing} onClose={() => setCluing(false)} onCreated={() => undefined} />
        </>
      )}
    </Drawer>
  );
}
