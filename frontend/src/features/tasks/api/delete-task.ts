import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Sent when the undo window closes; `keepalive` lets it finish if the page is being left. */
export function deleteTask(id: number, keepalive = false) {
  return unwrap(
    api.DELETE('/api/tasks/{task_id}', { params: { path: { task_id: id } }, keepalive }),
  );
}
