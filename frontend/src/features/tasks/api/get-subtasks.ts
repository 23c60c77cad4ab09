import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

/** A breakdown yields a handful of steps; one generous page shows them all in planned order. */
const SUBTASKS_PER_PAGE = 100;

export function getSubtasks(parentId: number, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/tasks', {
      params: { query: { parent_id: parentId, per_page: SUBTASKS_PER_PAGE, sort: 'created_at' } },
      signal,
    }),
  );
}

export const subtasksQueryOptions = (parentId: number) =>
  queryOptions({
    queryKey: [...tasksKey, 'subtasks', parentId],
    queryFn: ({ signal }) => getSubtasks(parentId, signal),
  });

export function useSubtasks(parentId: number, enabled: boolean) {
  return useQuery({ ...subtasksQueryOptions(parentId), enabled });
}
