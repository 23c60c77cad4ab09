import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { failedJobsKey } from './get-failed-jobs';

export function retryJob(jobId: string) {
  return unwrap(
    api.POST('/api/admin/jobs/{job_id}/retry', { params: { path: { job_id: jobId } } }),
  );
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: failedJobsKey }),
  });
}
