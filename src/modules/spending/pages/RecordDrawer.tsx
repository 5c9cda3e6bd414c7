import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT, type MessageKey } from '../../../web/i18n';
import { evidenceText } from '../../risk/pages/labels';
import { spendingApi, spendingKeys, type ExpenseDetail, type ExpenseHit } from './api';
import { money } from './money';

const strengthColor: Record<ExpenseHit['strength'], string> = { strong: 'red', medium: 'orange', weak: 'gold' };

/**
 * One expense record with its flags: each hit names its rule and shows the standard against the value computed.
 * `actions` (correct, remove) shows for those who may write.
 */
export function RecordDrawer({ id, onClose, actions }: { id: string | null; onClose: () => void; actions?: (d: ExpenseDetail) => ReactNode }) {
  const t = useT();
  const one = useQuery({ queryKey: spendingKeys.one(id ?? ''), queryFn: () => spendingApi.one(id!), enabled: !!id });
  const d = one.data;
  const yesNo = (v: boolean | null) => (v === null ? t('spending.ui.unknown') : v ? t('spending.ui.yes') : t('spending.ui.no'));
  const optional = (x: ExpenseDetail): Array<{ label: string; children: string | number }> => [
    x.persons !== null && { label: t('spending.ui.persons'), children: x.persons },
    x.accompanying !== null && { label: t('spending.ui.accompanying'), children: x.accompanying },
    x.days !== null && { label: t('spending.ui.days'), children: x.days },
    x.nights !== null && { label: t('spending.ui.nights'), children: x.nights },
    x.classLevel !== null && { label: t('spending.ui.classLevel'), children: t('spending.ui.class', { n: '一二三四'[x.classLevel - 1] }) },
    x.travellerRank && { label: t('spending.ui.travellerRank'), children: t(`spending.ui.rank.${x.travellerRank}` as MessageKey) },
    x.spendingCategory === 'reception' && { label: t('spending.ui.hasLetter'), children: yesNo(x.hasLetter) },
  ].flatMap((i) => (i ? [i] : []));
  return (
    <Drawer open={!!id} onClose={onClose} title={t('spending.ui.detail')} size="large" data-testid="expense-detail"
      extra={d && actions ? actions(d) : undefined}>
      {!d ? <Spin /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} bordered size="small" items={[
            { label: t('spending.ui.unit'), children: d.unitName, span: 2 },
            { label: t('spending.ui.spentOn'), children: d.spentOn },
            { label: t('spending.ui.category'), children: t(`spending.ui.category.${d.spendingCategory}` as MessageKey) },
            { label: t('spending.ui.amount'), children: money(d.amount) },
            ...optional(d),
            { label: t('spending.ui.payee'), children: d.payee ?? '—' },
            { label: t('spending.ui.venue'), children: d.venue ?? '—' },
            { label: t('spending.ui.approvalNo'), children: d.approvalNo ?? '—' },
            { label: t('spending.ui.voucherNo'), children: d.voucherNo ?? '—' },
            { label: t('spending.ui.description'), children: d.description ?? '—', span: 2 },
          ]} />
          {d.hits.length === 0 ? <Alert type="success" showIcon title={t('spending.ui.noHits')} /> : (
            <List data-testid="expense-hits" bordered dataSource={d.hits} renderItem={(h) => (
              <List.Item key={h.id} data-testid="expense-hit" extra={<Link to={`/risk/hits?domain=spending&hit=${h.id}`}>{t('spending.ui.openHit')}</Link>}>
                <List.Item.Meta
                  title={<Space><Tag color={strengthColor[h.strength]}>{h.label}</Tag><Tag>{t(`spending.ui.hitStatus.${h.status}` as MessageKey)}</Tag></Space>}
                  description={(
                    <>
                      <Typography.Paragraph style={{ marginBottom: 4 }}>{h.rule}</Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {[...Object.entries(h.threshold), ...Object.entries(h.values)].map(([k, v]) => `${k}：${evidenceText(v)}`).join('；')}
                      </Typography.Text>
                    </>
                  )} />
              </List.Item>
            )} />
          )}
        </Space>
      )}
    </Drawer>
  );
}
