import { useMutation } from '@tanstack/react-query';
import type { Language } from '@/i18n';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { Plan } from '@/lib/api/types';

export type GeneratePlanInput = {
  goal: string;
  maxTasks: number;
  language: Language;
  signal?: AbortSignal;
};

/** A dry run: the proposal comes back for review and nothing is saved yet. */
export async function generatePlan({ goal, maxTasks, language, signal }: GeneratePlanInput) {
  const body = { goal, max_tasks: maxTasks, language, dry_run: true };
  return (await unwrap(api.POST('/api/tasks/generate', { body, signal }))) as Plan;
}

export function useGeneratePlan() {
  return useMutation({ mutationFn: generatePlan });
}
