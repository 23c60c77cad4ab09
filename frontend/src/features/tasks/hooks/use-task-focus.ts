import type { RefObject } from 'react';

/**
 * j/k move the keyboard focus between task rows (onto each row's checkbox, so screen readers
 * read the task); other shortcuts act on the row holding the focus.
 */
export function useTaskFocus(root: RefObject<HTMLElement | null>) {
  const row = (id: number) => root.current?.querySelector<HTMLElement>(`[data-task-id="${id}"]`);

  const currentId = (): number | null => {
    const active = document.activeElement;
    const holder = active instanceof HTMLElement ? active.closest('[data-task-id]') : null;
    if (!holder || !root.current?.contains(holder)) return null;
    return Number(holder.getAttribute('data-task-id'));
  };

  const focusTask = (id: number) => {
    const target = row(id);
    const check = target?.querySelector<HTMLElement>('.task__check') ?? target;
    check?.focus();
    check?.scrollIntoView?.({ block: 'nearest' });
  };

  /** Returns false when there is no task in that direction. */
  const move = (ids: readonly number[], step: 1 | -1): boolean => {
    const current = currentId();
    const index = current === null ? (step === 1 ? -1 : ids.length) : ids.indexOf(current);
    const next = ids[index + step];
    if (next === undefined) return false;
    focusTask(next);
    return true;
  };

  const click = (id: number, action: string) =>
    row(id)?.querySelector<HTMLElement>(`[data-action="${action}"]`)?.click();

  return { currentId, move, click, focusTask };
}
