import { useCallback } from 'react';
import { useSearchParams } from '@/lib/router';

const PARAM = 'job';

/** The generation in progress lives in the URL (`?job=<id>`), so a reload picks it up again. */
export function useJobParam() {
  const [params, setParams] = useSearchParams();
  const jobId = params.get(PARAM);

  const setJobId = useCallback(
    (id: string | null) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id === null) next.delete(PARAM);
          else next.set(PARAM, id);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { jobId, setJobId };
}
