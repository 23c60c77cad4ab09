import { useEffect, useState } from 'react';

/** ``value`` once it has stopped changing for ``delay`` milliseconds; a value for which
 * ``immediate`` says true (an emptied field) applies at once. */
export function useDebouncedValue<T>(
  value: T,
  delay: number,
  immediate: (value: T) => boolean = () => false,
): T {
  const [settled, setSettled] = useState(value);
  if (immediate(value) && !Object.is(settled, value)) setSettled(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
