import { useCallback, useEffect, useRef } from 'react';
import { useBreakdownTask } from '../api/breakdown-task';

/** Breakdown with a cancel: a slow provider must never leave the person stuck waiting. */
export function useBreakdown(taskId: number, onDone: () => void) {
  const mutation = useBreakdownTask();
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const { mutate, reset } = mutation;
  const start = useCallback(() => {
    controller.current?.abort();
    controller.current = new AbortController();
    mutate({ id: taskId, signal: controller.current.signal }, { onSuccess: onDone });
  }, [mutate, taskId, onDone]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    reset();
  }, [reset]);

  return { start, cancel, isPending: mutation.isPending, error: mutation.error, dismiss: reset };
}
