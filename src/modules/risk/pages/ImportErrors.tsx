import { Alert, Table } from 'antd';
import { useT } from '../../../web/i18n';
import type { ImportError } from './api';

/** Row errors of a refused import: where (sheet, row, column — or line of a JSON file) and what is wrong. */
export function ImportErrors({ errors }: { errors: ImportError[] }) {
  const t = useT();
  const hasLines = errors.some((e) => e.line !== undefined);
  const hasSheets = errors.some((e) => e.sheet !== undefined || e.row !== undefined);
  return (
    <>
      <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('risk.ui.errorsTitle', { n: errors.length })} description={t('risk.ui.errorsHint')} />
      <Table<ImportError & { key: number }> size="small" data-testid="risk-import-errors"
        rowKey="key" dataSource={errors.map((e, key) => ({ ...e, key }))} pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          ...(hasSheets ? [
            { title: t('risk.ui.sheet'), dataIndex: 'sheet', width: 110 },
            { title: t('risk.ui.row'), dataIndex: 'row', width: 70 },
            { title: t('risk.ui.column'), dataIndex: 'column', width: 160 },
          ] : []),
          ...(hasLines ? [{ title: t('risk.ui.line'), dataIndex: 'line', width: 70 }] : []),
          { title: t('risk.ui.message'), dataIndex: 'message' },
        ]} />
    </>
  );
}
