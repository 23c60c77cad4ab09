import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { projectsKey } from '@/lib/query-keys';

export function getProject(id: number, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/projects/{project_id}', { params: { path: { project_id: id } }, signal }),
  );
}

export const projectQueryOptions = (id: number | null) =>
  queryOptions({
    queryKey: [...projectsKey, 'item', id],
    queryFn: id === null ? skipToken : ({ signal }) => getProject(id, signal),
  });

export function useProject(id: number | null) {
  return useQuery(projectQueryOptions(id));
}
