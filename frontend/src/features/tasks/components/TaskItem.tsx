import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { dueState, formatMinutes } from '@/lib/format';
import { useToggleTask } from '../api/toggle-task';
import { useBreakdown } from '../hooks/use-breakdown';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { BreakdownStatus } from './BreakdownStatus';
import { DueBadge } from './DueBadge';
import { SubtaskList } from './SubtaskList';
import { TaskEditForm } from './TaskEditForm';

type TaskItemProps = { task: Task; nested?: boolean };

export function TaskItem({ task, nested = false }: TaskItemProps) {
  const { t, i18n } = useTranslation();
  const checkboxId = useId();
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  // The checkbox answers the click at once and holds until the refreshed list arrives.
  const [pendingDone, setPendingDone] = useState<boolean | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const toggle = useToggleTask();
  const describeError = useErrorMessage();
  const { remove } = usePendingDeletes();
  const expand = useCallback(() => setExpanded(true), []);
  const breakdown = useBreakdown(task.id, expand);

  const closeEditor = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  if (editing) {
    return (
      <li className="task task--editing">
        <TaskEditForm task={task} onClose={closeEditor} />
      </li>
    );
  }

  const due = dueState(task.due_date, task.done);
  return (
    <li className={`task task--${due}${task.done ? ' task--done' : ''}`}>
      <div className="task__row">
        <input
          id={checkboxId}
          type="checkbox"
          className="task__check"
          checked={pendingDone ?? task.done}
          onChange={() => {
            setPendingDone(!(pendingDone ?? task.done));
            toggle.mutate(task.id, { onSettled: () => setPendingDone(null) });
          }}
        />
        <div className="task__body">
          <label htmlFor={checkboxId} className="task__title">
            {task.title}
          </label>
          {task.description && <p className="task__description">{task.description}</p>}
          <div className="task__meta">
            <DueBadge dueDate={task.due_date} done={task.done} />
            {task.estimate_minutes != null && (
              <span className="badge">
                {t('tasks.estimate', { time: formatMinutes(task.estimate_minutes, i18n.language) })}
              </span>
            )}
            {task.subtask_count > 0 && (
              <button
                type="button"
                className="button button--link"
                aria-expanded={expanded}
                onClick={() => setExpanded(!expanded)}
              >
                {t('tasks.subtaskProgress', {
                  done: task.subtasks_done,
                  count: task.subtask_count,
                })}
              </button>
            )}
          </div>
        </div>
        <div className="task__actions">
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            aria-label={t('tasks.editTask', { title: task.title })}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </button>
          {!nested && (
            <button
              type="button"
              className="button button--small"
              aria-label={t('tasks.breakDownTask', { title: task.title })}
              disabled={breakdown.isPending}
              onClick={breakdown.start}
            >
              {t('tasks.breakDown')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--danger"
            aria-label={t('tasks.deleteTask', { title: task.title })}
            onClick={() => remove(task)}
          >
            {t('common.delete')}
          </button>
        </div>
      </div>
      {toggle.error && (
        <p className="task__status task__status--error" role="alert">
          {t('tasks.toggleFailed')} {describeError(toggle.error)}
        </p>
      )}
      <BreakdownStatus
        isPending={breakdown.isPending}
        error={breakdown.error}
        onCancel={breakdown.cancel}
        onRetry={breakdown.start}
        onDismiss={breakdown.dismiss}
      />
      {expanded && task.subtask_count > 0 && (
        <SubtaskList parentId={task.id} parentTitle={task.title} />
      )}
    </li>
  );
}
