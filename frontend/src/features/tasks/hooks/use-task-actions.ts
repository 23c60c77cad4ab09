import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { organiseKeys } from '@/lib/query-keys';
import { restoreAnchor, type MoveAnchor } from '@/lib/reorder';
import { moveTask } from '../api/move-task';
import { toggleTask } from '../api/toggle-task';
import { updateTask } from '../api/update-task';
import { useUndo } from './use-undo';

type ProjectName = (projectId: number | null) => string;

/**
 * The changes a view makes to one task, each applied at once, announced, and undoable:
 * complete, move to a project, move within the list, set the priority.
 */
export function useTaskActions(projectName: ProjectName) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { notify } = useUndo();
  const describeError = useErrorMessage();
  // Tasks that just left this view (completed or moved away), hidden until the list refetches.
  const [leaving, setLeaving] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  const refresh = useCallback(
    () => Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    [queryClient],
  );
  const hide = (id: number, hidden: boolean) =>
    setLeaving((current) => {
      const next = new Set(current);
      if (hidden) next.add(id);
      else next.delete(id);
      return next;
    });
  const failed = (error: unknown) => {
    notify({ message: `${t('tasks.toggleFailed')} ${describeError(error)}`, error: true });
  };

  async function run<T>(id: number, hidden: boolean, action: () => Promise<T>) {
    if (hidden) hide(id, true);
    try {
      await action();
      await refresh();
    } catch (error) {
      failed(error);
    } finally {
      if (hidden) hide(id, false);
    }
  }

  const complete = (task: Task, leavesView: boolean) => {
    const message = task.done
      ? t('organise.reopened', { title: task.title })
      : t('organise.completed', { title: task.title });
    setAnnouncement(message);
    void run(task.id, leavesView, async () => {
      await toggleTask(task.id);
      notify({ message, undo: () => toggleTask(task.id).then(refresh) });
    });
  };

  /** To another project (null: the Inbox). `ids` is the list it leaves, to undo into place. */
  const moveToProject = (
    task: Task,
    projectId: number | null,
    ids: readonly number[],
    leavesView: boolean,
  ) => {
    const from = task.project_id;
    const anchor = restoreAnchor(ids, task.id);
    const message = t('organise.movedTo', { title: task.title, target: projectName(projectId) });
    setAnnouncement(message);
    void run(task.id, leavesView, async () => {
      await moveTask({ id: task.id, projectId });
      notify({
        message,
        undo: () => moveTask({ id: task.id, projectId: from, anchor }).then(refresh),
      });
    });
  };

  /** Within the list: `before` is the order before the move, for the undo. */
  const reorder = (
    task: Task,
    anchor: MoveAnchor,
    before: readonly number[],
    position: number,
    count: number,
  ) => {
    const message = t('organise.movedPosition', { title: task.title, position, count });
    setAnnouncement(message);
    const back = restoreAnchor(before, task.id);
    return run(task.id, false, async () => {
      await moveTask({ id: task.id, anchor });
      notify({
        message,
        undo: back ? () => moveTask({ id: task.id, anchor: back }).then(refresh) : undefined,
      });
    });
  };

  const setPriority = (task: Task, priority: number) => {
    if (task.priority === priority) return;
    const names = [t('priority.p1'), t('priority.p2'), t('priority.p3'), t('priority.p4')];
    setAnnouncement(
      t('organise.prioritySet', { title: task.title, priority: names[priority - 1] }),
    );
    void run(task.id, false, () => updateTask({ id: task.id, changes: { priority } }));
  };

  return { leaving, announcement, setAnnouncement, complete, moveToProject, reorder, setPriority };
}
