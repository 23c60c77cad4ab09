/**
 * After a deploy, a tab opened before it may ask for a lazy chunk that is gone (older than
 * the assets Nginx keeps). Vite then fires `vite:preloadError`: reload the page once, which
 * fetches the new index.html and its chunks. A tab reloads at most once a minute, so a
 * chunk missing for another reason shows the usual error instead of a reload loop.
 */
export const RELOADED_AT_KEY = 'tarefa:stale-chunk-reload-at';
const MIN_INTERVAL_MS = 60_000;

export function reloadOnStaleChunk(
  target: Window = window,
  now: () => number = Date.now,
): () => void {
  const onPreloadError = (event: Event) => {
    const last = Number(target.sessionStorage.getItem(RELOADED_AT_KEY) ?? 0);
    if (now() - last < MIN_INTERVAL_MS) return;
    target.sessionStorage.setItem(RELOADED_AT_KEY, String(now()));
    event.preventDefault(); // the reload replaces the error Vite would throw
    target.location.reload();
  };
  target.addEventListener('vite:preloadError', onPreloadError);
  return () => target.removeEventListener('vite:preloadError', onPreloadError);
}
