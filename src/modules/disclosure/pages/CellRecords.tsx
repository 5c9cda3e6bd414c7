import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../../../web/i18n';
import { channelWords, itemWords } from '../words';
import { disclosureApi, disclosureKeys, word, type DisclosureKind, type DisclosureRecord } from './api';

export interface CellTarget { unitId: string; unitName: string; quarter: string }

/**
 * What a unit disclosed in a quarter: each record with its items, date, where and evidence, who recorded it and,
 * when it was corrected, by whom and why. A writer corrects a record here or records another one.
 */
export function CellRecords({ kind, cell, canWrite, onClose, onCorrect, onAdd }: {
  kind: DisclosureKind; cell: CellTarget | null; canWrite: boolean; onClose: () => void;
  onCorrect: (r: DisclosureRecord) => void; onAdd: (c: CellTarget) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const filter = { unitId: cell?.unitId, kind, quarter: cell?.quarter, page: 1, pageSize: 50 };
  const q = useQuery({ queryKey: disclosureKeys.records(filter), queryFn: () => disclosureApi.records(filter), enabled: !!cell });
  return (
    <Drawer open={!!cell} onClose={onClose} size="large" loading={q.isLoading} data-testid="disclosure-cell-records"
      title={cell && `${cell.unitName} · ${cell.quarter}`}
      extra={canWrite && cell && <Button icon={<PlusOutlined />} onClick={() => onAdd(cell)} data-testid="disclosure-cell-add">{t('disclosure.ui.record')}</Button>}>
      {q.data?.items.length === 0 && <Empty />}
      <Flex vertical gap={12}>
        {(q.data?.items ?? []).map((r) => (
          <Card key={r.id} size="small" data-testid="disclosure-cell-record"
            title={<>{t('disclosure.ui.publishedAt', { date: r.publishedOn })}{r.correctedAt && <Tag color="orange" style={{ marginLeft: 8 }}>{t('disclosure.ui.correctedTag')}</Tag>}</>}
            extra={canWrite && <Button size="small" icon={<EditOutlined />} onClick={() => onCorrect(r)} data-testid="disclosure-record-correct">{t('disclosure.ui.correct')}</Button>}>
            <Descriptions column={1} size="small" items={[
              { key: 'items', label: t('disclosure.ui.items'), children: r.disclosedItems.map((i) => word(itemWords[i], locale, i)).join('、') },
              { key: 'channels', label: t('disclosure.ui.channels'), children: r.channels.map((c) => word(channelWords[c], locale, c)).join('、') || '—' },
              { key: 'evidence', label: t('disclosure.ui.evidence'), children: r.evidenceNote ?? '—' },
              { key: 'by', label: t('disclosure.ui.recordedBy'), children: `${r.createdByName ?? '—'} ${new Date(r.createdAt).toLocaleString(locale)}` },
              ...(r.correctedAt ? [{
                key: 'corrected', label: t('disclosure.ui.correctedBy'),
                children: <span data-testid="disclosure-correction">{`${r.correctedByName ?? '—'} ${new Date(r.correctedAt).toLocaleString(locale)}：${r.correctionReason ?? ''}`}</span>,
              }] : []),
            ]} />
          </Card>
        ))}
      </Flex>
    </Drawer>
  );
}
