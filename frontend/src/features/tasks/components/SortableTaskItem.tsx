import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { taskDragId, type DragData } from '@/lib/drag';
import { renderSubtasks } from './SubtaskList';
import { TaskItem } from './TaskItem';

type SortableTaskItemProps = ComponentProps<typeof TaskItem> & {
  selecting: boolean;
  onSelect: () => void;
};

/** A task row with a drag handle (pointer or keyboard: Space, arrows, Space) and a select box. */
export function SortableTaskItem({ selecting, onSelect, ...props }: SortableTaskItemProps) {
  const { t } = useTranslation();
  const { task } = props;
  const data: DragData = {
    type: 'task',
    id: task.id,
    title: task.title,
    projectId: task.project_id ?? null,
  };
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: taskDragId(task.id),
    data,
  });
  const lead = (
    <>
      <button
        type="button"
        className="drag-handle"
        aria-label={t('organise.drag', { title: task.title })}
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      {selecting && (
        <input
          type="checkbox"
          className="task__select"
          checked={props.selected ?? false}
          aria-label={t('organise.select', { title: task.title })}
          onChange={onSelect}
        />
      )}
    </>
  );
  return (
    <TaskItem
      renderSubtasks={renderSubtasks}
      {...props}
      lead={lead}
      itemRef={setNodeRef}
      dragging={isDragging}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    />
  );
}
