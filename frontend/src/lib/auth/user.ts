/** The signed-in person, shared by the layout, the route guards and the settings page. */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { getAccessToken, refreshAccessToken, setAccessToken } from '@/lib/api/session';
import type { User } from '@/lib/api/types';

export const userQueryKey = ['auth', 'me'] as const;

export function getMe(): Promise<User> {
  return unwrap(api.GET('/api/auth/me'));
}

/** On start-up there is no token in memory: the refresh cookie, if any, brings the session back. */
async function restoreUser(): Promise<User | null> {
  if (getAccessToken() === null && !(await refreshAccessToken())) return null;
  return getMe();
}

export const userQueryOptions = queryOptions({
  queryKey: userQueryKey,
  queryFn: restoreUser,
  staleTime: Infinity,
  retry: false,
});

export function useUser() {
  return useQuery(userQueryOptions);
}

/** Store a fresh access token and load who it belongs to (after login). */
export function useStartSession() {
  const queryClient = useQueryClient();
  return useCallback(
    async (accessToken: string): Promise<User> => {
      setAccessToken(accessToken);
      const user = await getMe();
      queryClient.setQueryData(userQueryKey, user);
      return user;
    },
    [queryClient],
  );
}

/** Forget the session locally: token, cached user and every cached server state. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    setAccessToken(null);
    queryClient.clear();
    queryClient.setQueryData(userQueryKey, null);
  }, [queryClient]);
}
