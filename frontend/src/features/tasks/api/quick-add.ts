import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { organiseKeys } from '@/lib/query-keys';

export type QuickAddBody = components['schemas']['QuickCreateIn'];

export function quickAdd(body: QuickAddBody) {
  return unwrap(api.POST('/api/tasks/quick', { body }));
}

/** Parse and create in one call. A line can create a project and labels, so the lists, the
 * sidebar's counts, projects and labels all refetch. */
export function useQuickAdd() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: quickAdd,
    onSuccess: () =>
      Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
