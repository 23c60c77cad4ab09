import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type NotificationItem = components['schemas']['NotificationOut'];
export const notificationsKey = ['notifications'] as const;

export function getNotifications() {
  return unwrap(api.GET('/api/notifications'));
}

/** The latest notifications and the unread count, refreshed every 30 s while the app is open. */
export function notificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationsKey,
    queryFn: getNotifications,
    refetchInterval: 30_000,
  });
}
