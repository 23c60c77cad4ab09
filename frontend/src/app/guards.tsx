import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useLocation, useSearch, useSearchParams } from '@/lib/router';
import { ErrorState } from '@/components/ErrorState';
import { Spinner } from '@/components/Spinner';
import { paths, safeNext } from '@/config/paths';
import { useUser } from '@/lib/auth/user';

/** Signed-out people go to the login page, which sends them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const user = useUser();
  const [pathname] = useLocation();
  const search = useSearch();
  if (user.isPending) return <Spinner fullPage />;
  if (user.isError) {
    return (
      <main className="page page--narrow">
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      </main>
    );
  }
  if (!user.data) {
    const here = search ? `${pathname}?${search}` : pathname;
    return <Redirect to={paths.auth.login.getHref(here)} replace />;
  }
  return children;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.data?.is_admin) {
    return (
      <div className="notice" role="alert">
        <p className="notice__title">{t('errors.forbidden')}</p>
      </div>
    );
  }
  return children;
}

/** Login and registration make no sense with a session: go where the person was heading. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const user = useUser();
  const [params] = useSearchParams();
  if (user.isPending) return <Spinner fullPage />;
  if (user.data) return <Redirect to={safeNext(params.get('next'))} replace />;
  return children;
}
