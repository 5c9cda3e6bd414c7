import { Alert, Table } from 'antd';
import { useT } from '../i18n';

/** Where an import went wrong: a sheet, row and column of a workbook, or a line of a JSON file. */
export interface ImportError { sheet?: string; row?: number; column?: string; line?: number; message: string }

/** Row errors of a refused import: where (sheet, row, column — or line of a JSON file) and what is wrong. */
export function ImportErrors({ errors }: { errors: ImportError[] }) {
  const t = useT();
  const hasLines = errors.some((e) => e.line !== undefined);
  const hasSheets = errors.some((e) => e.sheet !== undefined || e.row !== undefined);
  return (
    <>
      <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('importJob.errorsTitle', { n: errors.length })} description={t('importJob.errorsHint')} />
      <Table<ImportError & { key: number }> size="small" data-testid="import-errors"
        rowKey="key" dataSource={errors.map((e, key) => ({ ...e, key }))} pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          ...(hasSheets ? [
            { title: t('importJob.sheet'), dataIndex: 'sheet', width: 110 },
            { title: t('importJob.row'), dataIndex: 'row', width: 70 },
            { title: t('importJob.column'), dataIndex: 'column', width: 160 },
          ] : []),
          ...(hasLines ? [{ title: t('importJob.line'), dataIndex: 'line', width: 70 }] : []),
          { title: t('importJob.message'), dataIndex: 'message' },
        ]} />
    </>
  );
}
