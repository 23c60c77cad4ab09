import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { User } from '@/lib/api/types';
import { userQueryKey } from './user';

/** The browser's IANA time zone, e.g. "America/Sao_Paulo". */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function updateTimezone(timezone: string) {
  return unwrap(api.PATCH('/api/auth/me', { body: { timezone } }));
}

/**
 * "Today" is computed by the server in the account's time zone, which starts as UTC. The first
 * time the app runs for an account still on UTC in a browser elsewhere, it adopts the browser's
 * zone (Settings changes it afterwards).
 */
export function useAdoptBrowserTimezone(user: User | null | undefined): void {
  const queryClient = useQueryClient();
  const zone = browserTimezone();
  const adopt = !!user && user.timezone === 'UTC' && zone !== 'UTC';
  useEffect(() => {
    if (!adopt) return;
    updateTimezone(zone)
      .then((updated) => queryClient.setQueryData(userQueryKey, updated))
      .catch(() => undefined); // the views still work, in UTC days
  }, [adopt, zone, queryClient]);
}
