import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { usersKey } from '@/lib/query-keys';

export const USERS_PER_PAGE = 20;

export function getUsers(page: number, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/users', { params: { query: { page, per_page: USERS_PER_PAGE } }, signal }),
  );
}

export const usersQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...usersKey, 'list', page],
    queryFn: ({ signal }) => getUsers(page, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(page: number) {
  return useQuery(usersQueryOptions(page));
}
