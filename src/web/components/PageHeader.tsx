import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';

/** antd v5+ dropped PageHeader; this is the same idea from Breadcrumb + Title + actions. */
export function PageHeader({ title, crumbs = [], extra }: { title: string; crumbs?: string[]; extra?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs.length > 0 && <Breadcrumb items={[...crumbs, title].map((c) => ({ title: c }))} />}
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
          {title}
        </Typography.Title>
        {extra && <Flex gap={8} wrap>{extra}</Flex>}
      </Flex>
    </div>
  );
}
