import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

/** The lists the sidebar opens. Inbox and projects keep the manual order. */
export type TaskView =
  | { kind: 'inbox' }
  | { kind: 'today' }
  | { kind: 'upcoming' }
  | { kind: 'project'; projectId: number }
  | { kind: 'label'; name: string };

/** A view shows up to this many open tasks at once (the API's page limit). */
export const VIEW_LIMIT = 100;

export function isOrdered(view: TaskView): boolean {
  return view.kind === 'inbox' || view.kind === 'project';
}

export function toViewQuery(view: TaskView) {
  // Ordered lists hold top-level tasks (subtasks open under their parent); the dated and
  // label views show every matching task, subtasks included, as the sidebar counts them.
  const base = { page: 1, per_page: VIEW_LIMIT } as const;
  switch (view.kind) {
    case 'inbox':
      return { ...base, view: 'inbox', top_level: true, sort: 'position' } as const;
    case 'project':
      return {
        ...base,
        project_id: view.projectId,
        top_level: true,
        done: false,
        sort: 'position',
      } as const;
    case 'label':
      return { ...base, label: [view.name], done: false, sort: 'priority' as const };
    case 'today':
      return { ...base, view: 'today', sort: 'priority' } as const;
    case 'upcoming':
      return { ...base, view: 'upcoming', sort: 'due_date' } as const;
  }
}

export function getViewTasks(view: TaskView, signal?: AbortSignal) {
  return unwrap(api.GET('/api/tasks', { params: { query: toViewQuery(view) }, signal }));
}

export const viewTasksQueryOptions = (view: TaskView) =>
  queryOptions({
    queryKey: [...tasksKey, 'view', view],
    queryFn: ({ signal }) => getViewTasks(view, signal),
  });

export function useViewTasks(view: TaskView) {
  return useQuery(viewTasksQueryOptions(view));
}
