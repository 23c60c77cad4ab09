import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/errors';
import type { Job, Plan } from '@/lib/api/types';

const POLL_MS = 1000;

export function isActive(job: Job | undefined): boolean {
  return job === undefined || job.status === 'queued' || job.status === 'running';
}

export function getPlanJob(jobId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/jobs/{job_id}', { params: { path: { job_id: jobId } }, signal }));
}

/** Polled every second while the job is queued or running, then left alone. */
export const planJobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => getPlanJob(jobId, signal),
    refetchInterval: (query) => (isActive(query.state.data) ? POLL_MS : false),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 3,
  });

export function usePlanJob(jobId: string | null) {
  return useQuery({ ...planJobQueryOptions(jobId ?? ''), enabled: jobId !== null });
}

/** The plan a succeeded job holds (the same preview the synchronous call answers). */
export function planOf(job: Job): Plan {
  return job.result as unknown as Plan;
}

/** A failed job's error, in the shape the synchronous call would have thrown. */
export function errorOf(job: Job): ApiError {
  return new ApiError({
    status: job.error?.status ?? 500,
    code: String(job.error?.status ?? 500),
    message: job.error?.message ?? 'The job failed.',
  });
}
