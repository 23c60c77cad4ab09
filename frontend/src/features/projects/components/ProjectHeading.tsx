import { useTranslation } from 'react-i18next';
import { ColorDot } from '@/components/ColorDot';
import type { Project } from '@/lib/api/types';

/** A project's page title with its colour and how much of it is done. */
export function ProjectHeading({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <div className="view-heading">
      <h1>
        <ColorDot color={project.color} /> {project.name}
      </h1>
      <p className="muted">
        {t('projects.progress', {
          done: project.done_count,
          count: project.open_count + project.done_count,
        })}
        {project.archived && ` · ${t('projects.isArchived')}`}
      </p>
    </div>
  );
}
