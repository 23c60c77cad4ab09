import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { env } from '@/config/env';
import type { Task } from '@/lib/api/types';
import { organiseKeys } from '@/lib/query-keys';
import { deleteTask } from '../api/delete-task';

type PendingDeletes = {
  /** Tasks hidden from the list, waiting for their undo window to close. */
  pending: Task[];
  failed: Task | null;
  remove: (task: Task) => void;
  undo: (id: number) => void;
  dismissFailure: () => void;
};

const PendingDeletesContext = createContext<PendingDeletes | null>(null);

/**
 * Delete with undo: the task disappears at once, and the DELETE is only sent when the undo window
 * closes (or the page is left), so undoing restores it exactly, subtasks included.
 */
export function PendingDeletesProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Task[]>([]);
  const [failed, setFailed] = useState<Task | null>(null);
  const timers = useRef(new Map<number, { task: Task; timer: ReturnType<typeof setTimeout> }>());

  const commit = useCallback(
    async (id: number, leavingPage = false) => {
      const entry = timers.current.get(id);
      if (!entry) return;
      clearTimeout(entry.timer);
      timers.current.delete(id);
      try {
        await deleteTask(id, leavingPage);
        await Promise.all(
          organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        );
      } catch {
        setFailed(entry.task);
      }
      setPending((current) => current.filter((task) => task.id !== id));
    },
    [queryClient],
  );

  const remove = useCallback(
    (task: Task) => {
      const timer = setTimeout(() => void commit(task.id), env.UNDO_WINDOW_MS);
      timers.current.set(task.id, { task, timer });
      setPending((current) => [...current.filter((other) => other.id !== task.id), task]);
    },
    [commit],
  );

  const undo = useCallback((id: number) => {
    const entry = timers.current.get(id);
    if (entry) clearTimeout(entry.timer);
    timers.current.delete(id);
    setPending((current) => current.filter((task) => task.id !== id));
  }, []);

  // Leaving the page (or this view) must not silently cancel a deletion the person asked for.
  useEffect(() => {
    const all = timers.current;
    const flush = () => [...all.keys()].forEach((id) => void commit(id, true));
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [commit]);

  const value = useMemo(
    () => ({ pending, failed, remove, undo, dismissFailure: () => setFailed(null) }),
    [pending, failed, remove, undo],
  );
  return <PendingDeletesContext value={value}>{children}</PendingDeletesContext>;
}

export function usePendingDeletes(): PendingDeletes {
  const context = useContext(PendingDeletesContext);
  if (!context) throw new Error('usePendingDeletes needs a PendingDeletesProvider');
  return context;
}
