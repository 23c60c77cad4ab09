import {
  useCallback,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { ColorDot } from '@/components/ColorDot';
import { useTranslation } from 'react-i18next';
import type { Task } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { dueState, formatMinutes } from '@/lib/format';
import { useToggleTask } from '../api/toggle-task';
import { useBreakdown } from '../hooks/use-breakdown';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { BreakdownStatus } from './BreakdownStatus';
import { DueBadge } from './DueBadge';
import { LabelChips } from './LabelChips';
import { PriorityFlag } from './PriorityFlag';
import { RecurringActions } from './RecurringActions';
import { TaskEditForm } from './TaskEditForm';
import './TaskItem.css';
import { TimeBadges } from './TimeBadges';

export type ProjectTag = { name: string; color: string };

type TaskItemProps = {
  task: Task;
  nested?: boolean;
  /** Shown in views that mix projects; null is the Inbox. */
  project?: ProjectTag | null;
  /** Before the checkbox: a drag handle, a selection box. */
  lead?: ReactNode;
  /** Extra actions, such as "Move to…". */
  actions?: ReactNode;
  itemRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  selected?: boolean;
  dragging?: boolean;
  onShiftClick?: () => void;
  /** Completing goes through the view when it offers undo. */
  onToggle?: (task: Task) => void;
  /** The expanded subtasks, given by the list (SubtaskList renders TaskItems itself). */
  renderSubtasks?: (parent: Task) => ReactNode;
};

export function TaskItem(props: TaskItemProps) {
  const { task, nested = false, project, lead, actions, itemRef, style } = props;
  const { selected = false, dragging = false, onShiftClick, onToggle, renderSubtasks } = props;
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
      <li className="task task--editing" ref={itemRef} style={style} data-task-id={task.id}>
        <TaskEditForm task={task} onClose={closeEditor} />
      </li>
    );
  }

  const due = dueState(task.due_date, task.done);
  const classes = ['task', `task--${due}`];
  if (task.done) classes.push('task--done');
  if (selected) classes.push('task--selected');
  if (dragging) classes.push('task--dragging');
  const selectOnShift = (event: MouseEvent) => {
    if (!event.shiftKey || !onShiftClick) return;
    event.preventDefault();
    onShiftClick();
  };
  return (
    <li
      className={classes.join(' ')}
      ref={itemRef}
      style={style}
      data-task-id={task.id}
      onClickCapture={selectOnShift}
    >
      <div className="task__row">
        {lead}
        <input
          id={checkboxId}
          type="checkbox"
          className="task__check"
          checked={pendingDone ?? task.done}
          onChange={() => {
            if (onToggle) return onToggle(task);
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
            <PriorityFlag priority={task.priority} />
            <DueBadge dueDate={task.due_date} dueTime={task.due_time} done={task.done} />
            <TimeBadges task={task} />
            {project !== undefined && (
              <span className="project-tag">
                {project ? <ColorDot color={project.color} /> : null}
                {project ? project.name : t('views.inbox')}
              </span>
            )}
            <LabelChips labels={task.labels} />
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
            data-action="edit"
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
          {actions}
          <RecurringActions task={task} />
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
      {expanded && task.subtask_count > 0 && renderSubtasks?.(task)}
    </li>
  );
}
