import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, showError } from '../api/client';
import { hasMessage, useT } from '../i18n';

interface Item { id: string; kind: string; subject: string; link: string | null; params: Record<string, string | number | null>; createdAt: string; readAt: string | null }
interface Page { items: Item[]; unread: number }

const KEY = ['notifications'];

/**
 * The header bell: the signed-in user's notifications (GET /api/v1/notifications), polled every minute,
 * with the unread count as badge. A notification's text is `notifications.<kind>` from the dictionaries;
 * a parameter value is translated when its module has `<module>.<param>.<value>` (e.g. reports.deadline.route).
 */
export function NotificationBell() {
  const t = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<Page>('/notifications', { limit: 30 }), refetchInterval: 60_000 });
  const mark = useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) => api.post('/notifications/read', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
    onError: showError,
  });

  const text = (n: Item) => {
    const module = n.kind.split('.')[0];
    const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => {
      const key = `${module}.${k}.${String(v)}`;
      return [k, hasMessage(key) ? t(key) : String(v ?? '')];
    }));
    const key = `notifications.${n.kind}`;
    return hasMessage(key) ? t(key, params) : n.kind;
  };

  const items = q.data?.items ?? [];
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> : (
        <List size="small" dataSource={items} renderItem={(n) => (
          <List.Item data-testid="notification-item" style={{ opacity: n.readAt ? 0.6 : 1 }}
            onClick={() => { if (!n.readAt) mark.mutate({ ids: [n.id] }); setOpen(false); }}>
            <List.Item.Meta
              title={n.link ? <Link to={n.link}>{text(n)}</Link> : text(n)}
              description={<Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>{n.subject}</Typography.Text>}
            />
          </List.Item>
        )} />
      )}
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content}
      title={(
        <Flex justify="space-between" align="center">
          <span>{t('header.notifications')}</span>
          <Button size="small" type="link" disabled={!q.data?.unread} onClick={() => mark.mutate({ all: true })}>{t('notifications.markAllRead')}</Button>
        </Flex>
      )}>
      <span data-testid="notification-badge" data-count={q.data?.unread ?? 0}>
        <Badge count={q.data?.unread ?? 0} size="small">
          <Button type="text" size="small" icon={<BellOutlined />} aria-label={t('header.notifications')} data-testid="notification-bell" />
        </Badge>
      </span>
    </Popover>
  );
}
