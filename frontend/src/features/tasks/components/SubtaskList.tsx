import { useTranslation } from 'react-i18next';
import type { Task } from '@/lib/api/types';
import { ErrorState } from '@/components/ErrorState';
import { Spinner } from '@/components/Spinner';
import { useSubtasks } from '../api/get-subtasks';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { TaskItem } from './TaskItem';

type SubtaskListProps = { parentId: number; parentTitle: string };

export function SubtaskList({ parentId, parentTitle }: SubtaskListProps) {
  const { t } = useTranslation();
  const subtasks = useSubtasks(parentId, true);
  const { pending } = usePendingDeletes();
  if (subtasks.isPending) return <Spinner label={t('tasks.loadingSubtasks')} />;
  if (subtasks.isError) {
    return <ErrorState error={subtasks.error} onRetry={() => void subtasks.refetch()} />;
  }
  const items = subtasks.data.items.filter((task) => !pending.some((gone) => gone.id === task.id));
  return (
    <ul
      className="task-list task-list--nested"
      aria-label={t('tasks.subtasksOf', { title: parentTitle })}
    >
      {items.map((task) => (
        <TaskItem key={task.id} task={task} nested renderSubtasks={renderSubtasks} />
      ))}
    </ul>
  );
}

/** What a list passes to TaskItem's renderSubtasks, so TaskItem need not import this module. */
export function renderSubtasks(parent: Task) {
  return <SubtaskList parentId={parent.id} parentTitle={parent.title} />;
}
