import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from '@/lib/router';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { OfflineBanner } from '@/components/OfflineBanner';
import { ShortcutHelp } from '@/components/ShortcutHelp';
import { Spinner } from '@/components/Spinner';
import { ThemeSwitcher } from '@/components/ThemeSwitcher';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { paths } from '@/config/paths';
import '@/i18n/organise';
import { useAdoptBrowserTimezone } from '@/lib/auth/timezone';
import { useUser } from '@/lib/auth/user';
import { QUICK_ADD_INPUT_ID, SEARCH_INPUT_ID, useShortcuts } from '@/lib/shortcuts';
import { DragLayer } from './DragLayer';
import { LogoutButton } from './LogoutButton';
import { Sidebar } from './Sidebar';

/** The signed-in shell: header, the sidebar of views and projects (a drawer on phones), the page. */
export default function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  useAdoptBrowserTimezone(user.data);
  const [pathname, navigate] = useLocation();
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  // The drawer belongs to the page it was opened on: following a link closes it.
  const [drawerOpenAt, setDrawerOpenAt] = useState<string | null>(null);
  const drawerOpen = drawerOpenAt === pathname;
  const setDrawerOpen = (open: boolean) => setDrawerOpenAt(open ? pathname : null);
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({
    help: () => setHelpOpen(true),
    // The page's quick-add field, or the Inbox's when this page has none.
    quickAdd: () => focusOrGo(QUICK_ADD_INPUT_ID, paths.app.inbox.getHref()),
    search: () => focusOrGo(SEARCH_INPUT_ID, paths.app.tasks.getHref()),
  });
  function focusOrGo(id: string, fallback: string) {
    const field = document.getElementById(id);
    if (field) field.focus();
    else navigate(fallback, { state: { focus: id } });
  }

  // Move focus to the new page so keyboard and screen-reader users start at its top.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  const closeDrawer = () => {
    setDrawerOpen(false);
    menuButton.current?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="header">
        <button
          ref={menuButton}
          type="button"
          className="button button--small header__menu"
          aria-expanded={drawerOpen}
          aria-controls="sidebar"
          onClick={() => setDrawerOpen(!drawerOpen)}
        >
          {t('sidebar.menu')}
        </button>
        <Link to={paths.home.getHref()} className="brand">
          Tarefa
        </Link>
        <nav className="nav" aria-label={t('nav.main')}>
          <NavLink to={paths.app.planner.getHref()}>{t('nav.planner')}</NavLink>
          {user.data?.is_admin && (
            <NavLink to={paths.app.users.getHref()}>{t('nav.users')}</NavLink>
          )}
          {user.data?.is_admin && <NavLink to={paths.app.jobs.getHref()}>{t('nav.jobs')}</NavLink>}
          <NavLink to={paths.app.settings.getHref()}>{t('nav.settings')}</NavLink>
        </nav>
        <div className="header__tools">
          <button
            type="button"
            className="button button--small"
            aria-keyshortcuts="?"
            onClick={() => setHelpOpen(true)}
          >
            {t('shortcuts.open')}
          </button>
          <NotificationBell />
          <LanguageSwitcher />
          <ThemeSwitcher />
          <LogoutButton />
        </div>
      </header>
      <OfflineBanner />
      <DragLayer>
        <div className="shell">
          {drawerOpen && (
            <button
              type="button"
              className="shell__backdrop"
              aria-label={t('sidebar.close')}
              onClick={closeDrawer}
            />
          )}
          <Sidebar open={drawerOpen} onClose={closeDrawer} />
          <main id="main" className="page" tabIndex={-1} ref={main}>
            <Suspense fallback={<Spinner />}>{children}</Suspense>
          </main>
        </div>
      </DragLayer>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
