import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

export function getTaskCounts(signal?: AbortSignal) {
  return unwrap(api.GET('/api/tasks/counts', { signal }));
}

/** Under the tasks key, so every task change refreshes the sidebar's numbers. */
export const taskCountsQueryOptions = () =>
  queryOptions({
    queryKey: [...tasksKey, 'counts'],
    queryFn: ({ signal }) => getTaskCounts(signal),
  });

export function useTaskCounts() {
  return useQuery(taskCountsQueryOptions());
}
