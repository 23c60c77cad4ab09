import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { projectsKey } from '@/lib/query-keys';

export function getProjects(archived: boolean, signal?: AbortSignal) {
  return unwrap(api.GET('/api/projects', { params: { query: { archived } }, signal }));
}

export const projectsQueryOptions = (archived = false) =>
  queryOptions({
    queryKey: [...projectsKey, 'list', { archived }],
    queryFn: ({ signal }) => getProjects(archived, signal),
  });

export function useProjects(archived = false) {
  return useQuery(projectsQueryOptions(archived));
}
