import { useCallback, useEffect, useRef } from 'react';
import { currentLanguage } from '@/i18n';
import type { Plan } from '@/lib/api/types';
import { useCancelPlanJob } from '../api/cancel-plan-job';
import { useGeneratePlan } from '../api/generate-plan';
import { errorOf, isActive, planOf, usePlanJob } from '../api/get-plan-job';
import type { PlanRequest } from '../components/PlanForm';
import { useJobParam } from './use-job-param';

/**
 * One plan request, answered at once (offline planner) or through a background job (an AI
 * provider): the job id sits in the URL, so the request survives a reload, and cancel
 * stops the job on the server too.
 */
export function usePlanRequest(onPlan: (plan: Plan) => void) {
  const generate = useGeneratePlan();
  const cancelJob = useCancelPlanJob();
  const { jobId, setJobId } = useJobParam();
  const job = usePlanJob(jobId);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const { mutate: runGenerate, reset: resetGenerate } = generate;
  const request = useCallback(
    (input: PlanRequest) => {
      controller.current?.abort();
      controller.current = new AbortController();
      setJobId(null);
      runGenerate(
        { ...input, language: currentLanguage(), signal: controller.current.signal },
        {
          onSuccess: (outcome) =>
            outcome.kind === 'plan' ? onPlan(outcome.plan) : setJobId(outcome.jobId),
        },
      );
    },
    [runGenerate, onPlan, setJobId],
  );

  const data = job.data;
  useEffect(() => {
    // A failed job stays in the URL, so its error is still explained after a reload.
    if (jobId === null || data?.id !== jobId || data.status !== 'succeeded') return;
    onPlan(planOf(data));
    setJobId(null);
  }, [data, jobId, onPlan, setJobId]);
  const following = jobId !== null && data?.id === jobId ? data : undefined;
  const jobFailed = following?.status === 'failed' ? errorOf(following) : null;
  const jobError = jobId !== null ? (job.error ?? jobFailed) : null;

  const cancel = useCallback(() => {
    controller.current?.abort();
    resetGenerate();
    if (jobId !== null) cancelJob.mutate(jobId);
    setJobId(null);
  }, [resetGenerate, jobId, cancelJob, setJobId]);

  const reset = useCallback(() => {
    resetGenerate();
    setJobId(null);
  }, [resetGenerate, setJobId]);

  return {
    request,
    cancel,
    reset,
    isPending: generate.isPending || (jobId !== null && jobError === null && isActive(following)),
    error: generate.error ?? jobError,
  };
}
