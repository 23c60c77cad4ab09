import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/Icon';
import { notificationsQueryOptions } from '../api/get-notifications';
import { useMarkAllRead } from '../api/mark-all-read';
import { useBrowserNotifications } from '../hooks/use-browser-notifications';
import './notification-bell.css';

/** A bell with the unread count; opens the latest notifications (delivered reminders). */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const notifications = useQuery(notificationsQueryOptions());
  const markAllRead = useMarkAllRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  useBrowserNotifications(notifications.data?.items);
  const canAsk = typeof Notification !== 'undefined' && Notification.permission === 'default';

  return (
    <div className="bell">
      <button
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-label={
          unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
        }
        onClick={() => setOpen(!open)}
      >
        <Icon name="bell" size={18} />
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__panel" role="region" aria-label={t('notifications.bell')}>
          {items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <ul className="bell__list">
              {items.map((item) => (
                <li
                  key={item.id}
                  className={item.read_at ? 'bell__item' : 'bell__item bell__item--unread'}
                >
                  <strong>{item.title}</strong>
                  <span>{item.body}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="bell__actions">
            {unread > 0 && (
              <button
                type="button"
                className="button button--link"
                onClick={() => markAllRead.mutate()}
              >
                {t('notifications.markAllRead')}
              </button>
            )}
            {canAsk && (
              <button
                type="button"
                className="button button--link"
                onClick={() => void Notification.requestPermission()}
              >
                {t('notifications.enableBrowser')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
