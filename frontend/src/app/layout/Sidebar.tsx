import { useDroppable } from '@dnd-kit/core';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from '@/lib/router';
import { paths } from '@/config/paths';
import { LabelsNav } from '@/features/labels/components/LabelsNav';
import { ProjectsNav } from '@/features/projects/components/ProjectsNav';
import { useTaskCounts } from '@/features/tasks/api/get-task-counts';
import { INBOX_DROP_ID, type DragData } from '@/lib/drag';
import { useEscapeKey } from '@/lib/use-escape-key';

type SidebarProps = { open: boolean; onClose: () => void };

function ViewLink({ to, count, children }: { to: string; count?: number; children: ReactNode }) {
  return (
    <NavLink to={to} end className="sidebar__link">
      <span className="sidebar__name">{children}</span>
      {count !== undefined && count > 0 && <span className="sidebar__count">{count}</span>}
    </NavLink>
  );
}

/** The Inbox also takes tasks dropped on it, which takes them out of their project. */
function InboxLink({ count }: { count?: number }) {
  const { t } = useTranslation();
  const data: DragData = { type: 'inbox', title: t('views.inbox') };
  const { setNodeRef, isOver } = useDroppable({ id: INBOX_DROP_ID, data });
  return (
    <li ref={setNodeRef} className={isOver ? 'sidebar__item sidebar__item--over' : 'sidebar__item'}>
      <ViewLink to={paths.app.inbox.getHref()} count={count}>
        {t('views.inbox')}
      </ViewLink>
    </li>
  );
}

/** Views with their open counts, then projects and labels. A drawer at phone width. */
export function Sidebar({ open, onClose }: SidebarProps) {
  const { t } = useTranslation();
  const counts = useTaskCounts();
  const aside = useRef<HTMLElement>(null);
  useEscapeKey(aside, onClose, { enabled: open });
  return (
    <aside
      ref={aside}
      id="sidebar"
      className={open ? 'sidebar sidebar--open' : 'sidebar'}
      aria-label={t('sidebar.label')}
    >
      <nav aria-label={t('sidebar.views')}>
        <ul className="sidebar__list">
          <InboxLink count={counts.data?.inbox} />
          <li className="sidebar__item">
            <ViewLink to={paths.app.today.getHref()} count={counts.data?.today}>
              {t('views.today')}
            </ViewLink>
          </li>
          <li className="sidebar__item">
            <ViewLink to={paths.app.upcoming.getHref()} count={counts.data?.upcoming}>
              {t('views.upcoming')}
            </ViewLink>
          </li>
          <li className="sidebar__item">
            <ViewLink to={paths.app.tasks.getHref()}>{t('views.all')}</ViewLink>
          </li>
        </ul>
      </nav>
      <ProjectsNav counts={counts.data?.projects} />
      <LabelsNav counts={counts.data?.labels} />
    </aside>
  );
}
