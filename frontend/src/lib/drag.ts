/**
 * What is being dragged and what it is dropped on, shared by the sidebar (projects, Inbox) and
 * the task lists without either importing the other: dnd-kit carries these as `data`.
 */
export type DragData =
  | { type: 'task'; id: number; title: string; projectId: number | null }
  | { type: 'project'; id: number; title: string }
  | { type: 'inbox'; title: string };

export const taskDragId = (id: number) => `task-${id}`;
export const projectDragId = (id: number) => `project-${id}`;
export const INBOX_DROP_ID = 'inbox';

export function dragData(value: unknown): DragData | null {
  if (typeof value !== 'object' || value === null || !('type' in value)) return null;
  return value as DragData;
}
