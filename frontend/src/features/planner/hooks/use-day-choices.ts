import { useCallback, useState } from 'react';

/** Which proposed tasks the person keeps: all of them until they drop some. */
export function useDayChoices() {
  const [dropped, setDropped] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback((id: number) => {
    setDropped((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const reset = useCallback(() => setDropped(new Set()), []);
  const kept = useCallback((ids: number[]) => ids.filter((id) => !dropped.has(id)), [dropped]);
  return { isKept: (id: number) => !dropped.has(id), toggle, reset, kept };
}
