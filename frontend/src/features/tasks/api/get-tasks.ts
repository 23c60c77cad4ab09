import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

export const TASK_SORTS = [
  '-created_at',
  'created_at',
  'title',
  '-title',
  'due_date',
  '-due_date',
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
export type TaskFilter = 'all' | 'open' | 'done';
export type TaskListParams = { page: number; filter: TaskFilter; q: string; sort: TaskSort };

export const PER_PAGE = 20;

/** The query string for the top-level list: subtasks are shown under their parent instead. */
export function toTaskQuery({ page, filter, q, sort }: TaskListParams) {
  const search = q.trim();
  return {
    page,
    per_page: PER_PAGE,
    sort,
    top_level: true,
    ...(filter === 'all' ? {} : { done: filter === 'done' }),
    ...(search === '' ? {} : { q: search }),
  };
}

export function getTasks(params: TaskListParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tasks', { params: { query: toTaskQuery(params) }, signal }));
}

export const tasksQueryOptions = (params: TaskListParams) =>
  queryOptions({
    queryKey: [...tasksKey, 'list', params],
    queryFn: ({ signal }) => getTasks(params, signal),
    placeholderData: keepPreviousData,
  });

export function useTasks(params: TaskListParams) {
  return useQuery(tasksQueryOptions(params));
}
