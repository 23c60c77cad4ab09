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

export type Notice = {
  id: number;
  message: string;
  /** Puts things back; the notice disappears once it has run. */
  undo?: () => Promise<unknown>;
  error?: boolean;
};

type UndoContextValue = {
  notices: Notice[];
  notify: (notice: Omit<Notice, 'id'>) => void;
  dismiss: (id: number) => void;
  runUndo: (id: number) => Promise<void>;
};

const UndoContext = createContext<UndoContextValue | null>(null);

/**
 * "Completed · Undo", "Moved to Work · Undo": a change happens at once and stays undoable for
 * the undo window. An undo that fails says so instead of vanishing.
 */
export function UndoProvider({
  children,
  failedMessage,
}: {
  children: ReactNode;
  failedMessage: string;
}) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  const notify = useCallback(
    (notice: Omit<Notice, 'id'>) => {
      const id = nextId.current++;
      setNotices((current) => [...current, { ...notice, id }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), env.UNDO_WINDOW_MS),
      );
    },
    [dismiss],
  );

  const runUndo = useCallback(
    async (id: number) => {
      const notice = notices.find((candidate) => candidate.id === id);
      dismiss(id);
      if (!notice?.undo) return;
      try {
        await notice.undo();
      } catch {
        notify({ message: failedMessage, error: true });
      }
    },
    [notices, dismiss, notify, failedMessage],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(
    () => ({ notices, notify, dismiss, runUndo }),
    [notices, notify, dismiss, runUndo],
  );
  return <UndoContext value={value}>{children}</UndoContext>;
}

export function useUndo(): UndoContextValue {
  const context = useContext(UndoContext);
  if (!context) throw new Error('useUndo needs an UndoProvider');
  return context;
}
