import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { failedJobsKey } from './get-failed-jobs';

export function discardJob(jobId: string) {
  return unwrap(api.DELETE('/api/admin/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
}

export function useDiscardJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: failedJobsKey }),
  });
}
