import { useEffect, useRef } from 'react';
import type { NotificationItem } from '../api/get-notifications';

/** Shows a browser notification for each unread item that arrives while the app is open,
 * once the person has allowed it. Items already there when the app opened are not shown. */
export function useBrowserNotifications(items: NotificationItem[] | undefined) {
  const seen = useRef<Set<number> | null>(null);
  useEffect(() => {
    if (!items) return;
    if (seen.current === null) {
      seen.current = new Set(items.map((item) => item.id));
      return;
    }
    const fresh = items.filter((item) => !item.read_at && !seen.current?.has(item.id));
    fresh.forEach((item) => seen.current?.add(item.id));
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    fresh.forEach((item) => new Notification(item.title, { body: item.body, tag: `n${item.id}` }));
  }, [items]);
}
