import type { TablePaginationConfig } from 'antd';
import type { TFunction } from '../i18n';

export interface PageState { page: number; pageSize: number }

/** Table pagination driven by the server's page/pageSize/total; changing the page size goes back to page 1. */
export function serverPagination(t: TFunction, page: PageState, setPage: (p: PageState) => void, total: number | undefined): TablePaginationConfig {
  return {
    current: page.page,
    pageSize: page.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { n }),
    onChange: (p, size) => setPage({ page: size !== page.pageSize ? 1 : p, pageSize: size }),
  };
}
