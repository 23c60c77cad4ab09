import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { Pagination } from '@/components/Pagination';
import { Spinner } from '@/components/Spinner';
import { useTasks, type TaskListParams } from '../api/get-tasks';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { renderSubtasks } from './SubtaskList';
import { TaskItem } from './TaskItem';

type TaskListProps = {
  params: TaskListParams;
  onPageChange: (page: number) => void;
};

export function TaskList({ params, onPageChange }: TaskListProps) {
  const { t } = useTranslation();
  const tasks = useTasks(params);
  const { pending } = usePendingDeletes();

  if (tasks.isPending) return <Spinner label={t('tasks.loading')} />;
  if (tasks.isError) return <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />;

  const items = tasks.data.items.filter((task) => !pending.some((gone) => gone.id === task.id));
  const filtered = params.filter !== 'all' || params.q.trim() !== '';
  if (items.length === 0 && tasks.data.page <= 1) {
    return (
      <EmptyState title={filtered ? t('tasks.emptyFiltered') : t('tasks.empty')}>
        {!filtered && <p>{t('tasks.emptyHint')}</p>}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted" aria-live="polite">
        {tasks.data.total_exact
          ? t('tasks.count', { count: tasks.data.total })
          : t('tasks.countAtLeast', { count: tasks.data.total })}
        {tasks.isFetching && !tasks.isPending && ` · ${t('common.updating')}`}
      </p>
      <ul className="task-list" aria-label={t('tasks.listLabel')}>
        {items.map((task) => (
          <TaskItem key={task.id} task={task} renderSubtasks={renderSubtasks} />
        ))}
      </ul>
      <Pagination page={tasks.data.page} pages={tasks.data.pages} onPageChange={onPageChange} />
    </>
  );
}
