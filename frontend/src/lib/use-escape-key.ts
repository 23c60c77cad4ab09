import { useEffect, useRef, type RefObject } from 'react';

/**
 * Calls onEscape when Escape is pressed inside the element (a native listener, so containers
 * such as a form or a menu need no keyboard handler of their own in JSX). With stopPropagation,
 * an outer Escape handler (a drawer, a dialog) does not also react.
 */
export function useEscapeKey(
  ref: RefObject<HTMLElement | null>,
  onEscape: () => void,
  { enabled = true, stopPropagation = false } = {},
) {
  const latest = useRef(onEscape);
  useEffect(() => {
    latest.current = onEscape;
  });
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (stopPropagation) event.stopPropagation();
      latest.current();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [ref, enabled, stopPropagation]);
}
