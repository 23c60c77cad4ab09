import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { labelsKey } from '@/lib/query-keys';

export function getLabels(signal?: AbortSignal) {
  return unwrap(api.GET('/api/labels', { signal }));
}

export const labelsQueryOptions = () =>
  queryOptions({ queryKey: [...labelsKey, 'list'], queryFn: ({ signal }) => getLabels(signal) });

export function useLabels() {
  return useQuery(labelsQueryOptions());
}
