import { useCallback, useState } from 'react';
import type { Plan, TaskCreate } from '@/lib/api/types';

export type DraftTask = {
  key: number;
  keep: boolean;
  /** Already saved by an accept that then failed part-way: never sent twice. */
  saved: boolean;
  title: string;
  estimateMinutes: number | null;
};

/** The proposal as the person reviews it: untick, retitle, re-estimate, then accept. */
export function usePlanDraft() {
  const [draft, setDraft] = useState<DraftTask[]>([]);

  const load = useCallback((plan: Plan) => {
    setDraft(
      plan.tasks.map((task, index) => ({
        key: index,
        keep: true,
        saved: false,
        title: task.title,
        estimateMinutes: task.estimate_minutes ?? null,
      })),
    );
  }, []);

  const change = useCallback((key: number, changes: Partial<Omit<DraftTask, 'key'>>) => {
    setDraft((current) =>
      current.map((task) => (task.key === key ? { ...task, ...changes } : task)),
    );
  }, []);

  const clear = useCallback(() => setDraft([]), []);

  const kept = draft.filter((task) => task.keep && !task.saved);
  const toCreate: { key: number; body: TaskCreate }[] = kept.map((task) => ({
    key: task.key,
    body: {
      title: task.title.trim(),
      estimate_minutes: task.estimateMinutes,
    },
  }));
  const hasBlankTitle = kept.some((task) => task.title.trim() === '');

  return { draft, load, change, clear, toCreate, hasBlankTitle };
}
