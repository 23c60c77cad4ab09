import { useMutation } from '@tanstack/react-query';
import type { Language } from '@/i18n';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { Granularity, Plan } from '@/lib/api/types';

export type GeneratePlanInput = {
  goal: string;
  maxTasks: number;
  granularity: Granularity;
  language: Language;
  signal?: AbortSignal;
};

/** A dry run: the proposal comes back for review and nothing is saved yet. */
export async function generatePlan(input: GeneratePlanInput): Promise<Plan> {
  const { goal, maxTasks, granularity, language, signal } = input;
  const body = { goal, max_tasks: maxTasks, granularity, language, dry_run: true };
  // With dry_run the answer is always the 200 preview, never the 201 list of saved tasks.
  return (await unwrap(api.POST('/api/tasks/generate', { body, signal }))) as Plan;
}

export function useGeneratePlan() {
  return useMutation({ mutationFn: generatePlan });
}
