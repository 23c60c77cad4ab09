import { useMutation } from '@tanstack/react-query';
import type { Language } from '@/i18n';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type DayPlan = components['schemas']['PlanTodayOut'];
export type DayPlanItem = DayPlan['tasks'][number];

export type PlanTodayInput = { availableMinutes: number; language: Language };

/** A proposal only: nothing changes until the person accepts some of it. */
export async function planToday({ availableMinutes, language }: PlanTodayInput): Promise<DayPlan> {
  const body = { available_minutes: availableMinutes, language };
  return unwrap(api.POST('/api/plan/today', { body }));
}

export function usePlanToday() {
  return useMutation({ mutationFn: planToday });
}
