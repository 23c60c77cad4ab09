import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const failedJobsKey = ['admin', 'jobs', 'failed'] as const;

export function getFailedJobs(signal?: AbortSignal) {
  return unwrap(api.GET('/api/admin/jobs', { params: { query: { status: 'failed' } }, signal }));
}

export const failedJobsQueryOptions = () =>
  queryOptions({ queryKey: failedJobsKey, queryFn: ({ signal }) => getFailedJobs(signal) });

export function useFailedJobs() {
  return useQuery(failedJobsQueryOptions());
}
