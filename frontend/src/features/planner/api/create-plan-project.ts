import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/errors';
import type { Project } from '@/lib/api/types';
import { PROJECT_NAME_MAX_LENGTH } from '@/lib/validation';

/** "Goal", or "Goal (2)"… when a project of that name exists; always within the name's limit. */
export function projectNameFor(goal: string, attempt: number): string {
  const suffix = attempt === 1 ? '' : ` (${attempt})`;
  return `${goal
    .trim()
    .slice(0, PROJECT_NAME_MAX_LENGTH - suffix.length)
    .trim()}${suffix}`;
}

/** A new project named after the plan's goal, for "Add to a new project". */
export async function createPlanProject(goal: string): Promise<Project> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await unwrap(
        api.POST('/api/projects', { body: { name: projectNameFor(goal, attempt) } }),
      );
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409 || attempt >= 9) throw error;
    }
  }
}
