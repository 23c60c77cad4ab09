import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dragData } from '@/lib/drag';

const typeOf = (data: unknown) => dragData(data)?.type;

/**
 * A dragged task lands on a sidebar project or the Inbox when the pointer is over one, otherwise
 * among the tasks; a dragged project only among projects.
 */
const collisions: CollisionDetection = (args) => {
  const only = (...types: string[]) =>
    args.droppableContainers.filter((container) =>
      types.includes(typeOf(container.data.current) ?? ''),
    );
  if (typeOf(args.active.data.current) === 'task') {
    const targets = pointerWithin({ ...args, droppableContainers: only('project', 'inbox') });
    if (targets.length > 0) return targets;
    return closestCenter({ ...args, droppableContainers: only('task') });
  }
  return closestCenter({ ...args, droppableContainers: only('project') });
};

/** One drag-and-drop context for the sidebar and the page, so tasks can be dropped on projects. */
export function DragLayer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const title = (data: unknown) => dragData(data)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('drag.picked', { title: title(active.data.current) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('drag.over', { title: title(active.data.current), target: title(over.data.current) })
        : t('drag.nowhere', { title: title(active.data.current) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('drag.dropped', { title: title(active.data.current), target: title(over.data.current) })
        : t('drag.cancelled', { title: title(active.data.current) }),
    onDragCancel: ({ active }) => t('drag.cancelled', { title: title(active.data.current) }),
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('drag.instructions') },
      }}
    >
      {children}
    </DndContext>
  );
}
