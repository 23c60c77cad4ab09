import { useEffect } from 'react';
import { useLocation, useSearch } from '@/lib/router';
import { paths } from '@/config/paths';
import { onSessionExpired } from '@/lib/api/session';
import { useEndSession } from '@/lib/auth/user';

/** When a refresh fails mid-use, go to login and remember the page to come back to. */
export function SessionExpiryWatcher() {
  const [pathname, navigate] = useLocation();
  const search = useSearch();
  const endSession = useEndSession();
  const here = search ? `${pathname}?${search}` : pathname;

  useEffect(
    () =>
      onSessionExpired(() => {
        if (here.startsWith(paths.auth.login.path)) return;
        // Navigate first so the guarded page unmounts instead of redirecting without the reason.
        navigate(paths.auth.login.getHref(here, 'expired'), { replace: true });
        endSession();
      }),
    [here, navigate, endSession],
  );
  return null;
}
