import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export function cancelPlanJob(jobId: string) {
  return unwrap(api.DELETE('/api/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
}

export function useCancelPlanJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelPlanJob,
    onSuccess: (job) => queryClient.setQueryData(['jobs', job.id], job),
  });
}
