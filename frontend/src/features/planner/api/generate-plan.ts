import { useMutation } from '@tanstack/react-query';
import type { Language } from '@/i18n';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { Granularity, JobAccepted, Plan } from '@/lib/api/types';

export type GeneratePlanInput = {
  goal: string;
  maxTasks: number;
  granularity: Granularity;
  language: Language;
  signal?: AbortSignal;
};

/** The offline planner answers at once; an AI provider answers with a job to follow. */
export type GenerateOutcome = { kind: 'plan'; plan: Plan } | { kind: 'job'; jobId: string };

/** A dry run: the proposal comes back for review and nothing is saved yet. */
export async function generatePlan(input: GeneratePlanInput): Promise<GenerateOutcome> {
  const { goal, maxTasks, granularity, language, signal } = input;
  // `async` asks for a background job; the server ignores it for the offline planner.
  const body = { goal, max_tasks: maxTasks, granularity, language, dry_run: true, async: true };
  const result = await api.POST('/api/tasks/generate', { body, signal });
  const data = await unwrap(Promise.resolve(result));
  if (result.response.status === 202) {
    return { kind: 'job', jobId: (data as JobAccepted).job_id };
  }
  // With dry_run the direct answer is always the 200 preview, never the 201 saved list.
  return { kind: 'plan', plan: data as Plan };
}

export function useGeneratePlan() {
  return useMutation({ mutationFn: generatePlan });
}
