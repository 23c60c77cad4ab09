import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Spinner } from '@/components/Spinner';
import { ThemeSwitcher } from '@/components/ThemeSwitcher';
import { paths } from '@/config/paths';
import { useUser } from '@/lib/auth/user';
import { LogoutButton } from './LogoutButton';

/** The signed-in shell: header with navigation and preferences, then the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);

  // Move focus to the new page so keyboard and screen-reader users start at its top.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="header">
        <Link to={paths.home.getHref()} className="brand">
          Tarefa
        </Link>
        <nav className="nav" aria-label={t('nav.main')}>
          <NavLink to={paths.app.tasks.getHref()} end>
            {t('nav.tasks')}
          </NavLink>
          <NavLink to={paths.app.planner.getHref()}>{t('nav.planner')}</NavLink>
          {user.data?.is_admin && (
            <NavLink to={paths.app.users.getHref()}>{t('nav.users')}</NavLink>
          )}
          {user.data?.is_admin && <NavLink to={paths.app.jobs.getHref()}>{t('nav.jobs')}</NavLink>}
          <NavLink to={paths.app.settings.getHref()}>{t('nav.settings')}</NavLink>
        </nav>
        <div className="header__tools">
          <LanguageSwitcher />
          <ThemeSwitcher />
          <LogoutButton />
        </div>
      </header>
      <OfflineBanner />
      <main id="main" className="page" tabIndex={-1} ref={main}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
