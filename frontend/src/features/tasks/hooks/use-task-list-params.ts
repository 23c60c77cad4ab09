import { useCallback, useMemo } from 'react';
import { useSearchParams } from '@/lib/router';
import { TASK_SORTS, type TaskFilter, type TaskListParams, type TaskSort } from '../api/get-tasks';

const FILTERS: TaskFilter[] = ['all', 'open', 'done'];
const DEFAULTS: TaskListParams = { page: 1, filter: 'all', q: '', sort: '-created_at' };

function parsePage(raw: string | null): number {
  const page = Number(raw);
  return Number.isInteger(page) && page > 0 ? page : DEFAULTS.page;
}

/**
 * Filters, search, sort and page live in the URL, so a reload, a shared link or the back button
 * shows the same list. Changing anything but the page goes back to page 1.
 */
export function useTaskListParams(): [TaskListParams, (changes: Partial<TaskListParams>) => void] {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<TaskListParams>(() => {
    const filter = search.get('status') as TaskFilter | null;
    const sort = search.get('sort') as TaskSort | null;
    return {
      page: parsePage(search.get('page')),
      filter: filter && FILTERS.includes(filter) ? filter : DEFAULTS.filter,
      q: search.get('q') ?? DEFAULTS.q,
      sort: sort && TASK_SORTS.includes(sort) ? sort : DEFAULTS.sort,
    };
  }, [search]);

  const update = useCallback(
    (changes: Partial<TaskListParams>) => {
      setSearch(
        (current) => {
          const next = { ...params, page: 1, ...changes };
          const out = new URLSearchParams(current);
          const set = (key: string, value: string, fallback: string) =>
            value === fallback ? out.delete(key) : out.set(key, value);
          set('status', next.filter, DEFAULTS.filter);
          set('q', next.q, DEFAULTS.q);
          set('sort', next.sort, DEFAULTS.sort);
          set('page', String(next.page), String(DEFAULTS.page));
          return out;
        },
        { replace: changes.q !== undefined },
      );
    },
    [params, setSearch],
  );

  return [params, update];
}
