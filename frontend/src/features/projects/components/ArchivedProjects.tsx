import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorDot } from '@/components/ColorDot';
import { useProjects } from '../api/get-projects';
import { useUpdateProject } from '../api/update-project';

/** Archived projects stay out of the way, one click from coming back. */
export function ArchivedProjects() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const archived = useProjects(true);
  const update = useUpdateProject();
  const list = (archived.data ?? []).filter((project) => project.archived);
  if (list.length === 0) return null;
  return (
    <div className="sidebar__archived">
      <button
        type="button"
        className="button button--link"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('projects.archived', { count: list.length })}
      </button>
      {open && (
        <ul className="sidebar__list">
          {list.map((project) => (
            <li key={project.id} className="sidebar__item">
              <ColorDot color={project.color} />
              <span className="sidebar__name">{project.name}</span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('projects.unarchiveNamed', { name: project.name })}
                onClick={() => update.mutate({ id: project.id, changes: { archived: false } })}
              >
                {t('projects.unarchive')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
