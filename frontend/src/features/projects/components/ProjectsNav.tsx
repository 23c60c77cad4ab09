import { useDndMonitor } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from '@/lib/router';
import { paths } from '@/config/paths';
import type { Project } from '@/lib/api/types';
import { dragData, projectDragId } from '@/lib/drag';
import { arrayMove, moveAnchor } from '@/lib/reorder';
import { useCreateProject } from '../api/create-project';
import { useProjects } from '../api/get-projects';
import { useMoveProject } from '../api/move-project';
import { ArchivedProjects } from './ArchivedProjects';
import { ProjectForm } from './ProjectForm';
import { ProjectItem } from './ProjectItem';

type ProjectsNavProps = { counts?: Record<string, number> };

/** The sidebar's projects: create, open, reorder (drag or menu), edit, archive, delete. */
export function ProjectsNav({ counts }: ProjectsNavProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const projects = useProjects();
  const create = useCreateProject();
  const move = useMoveProject();
  const [adding, setAdding] = useState(false);
  // The dropped order shows at once and holds until the refetched list arrives.
  const [order, setOrder] = useState<number[] | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const loaded = projects.data ?? [];
  const byId = new Map(loaded.map((project) => [project.id, project]));
  const ids = order ?? loaded.map((project) => project.id);
  const list = ids.map((id) => byId.get(id)).filter((project): project is Project => !!project);

  function reorder(from: number, to: number) {
    const anchor = moveAnchor(ids, from, to);
    const moved = list[from];
    if (!anchor || !moved) return;
    setOrder(arrayMove(ids, from, to));
    setAnnouncement(
      t('projects.moved', { name: moved.name, position: to + 1, count: list.length }),
    );
    move.mutate({ id: moved.id, anchor }, { onSettled: () => setOrder(null) });
  }

  useDndMonitor({
    onDragEnd: ({ active, over }) => {
      const dragged = dragData(active.data.current);
      const target = dragData(over?.data.current);
      if (dragged?.type !== 'project' || target?.type !== 'project') return;
      reorder(ids.indexOf(dragged.id), ids.indexOf(target.id));
    },
  });

  return (
    <section className="sidebar__section" aria-labelledby="sidebar-projects">
      <div className="sidebar__heading">
        <h2 id="sidebar-projects">{t('projects.title')}</h2>
        <button
          type="button"
          className="button button--small"
          aria-expanded={adding}
          onClick={() => setAdding(!adding)}
        >
          {t('projects.add')}
        </button>
      </div>
      {adding && (
        <ProjectForm
          label={t('projects.newTitle')}
          submitLabel={t('projects.create')}
          error={create.error}
          pending={create.isPending}
          onCancel={() => setAdding(false)}
          onSubmit={(fields) =>
            create.mutate(fields, {
              onSuccess: (project) => {
                setAdding(false);
                create.reset();
                navigate(paths.app.project.getHref(project.id));
              },
            })
          }
        />
      )}
      {projects.isSuccess && list.length === 0 && !adding && (
        <p className="sidebar__hint">{t('projects.emptyHint')}</p>
      )}
      <SortableContext items={ids.map(projectDragId)} strategy={verticalListSortingStrategy}>
        <ul className="sidebar__list">
          {list.map((project, index) => (
            <ProjectItem
              key={project.id}
              project={project}
              count={counts?.[String(project.id)] ?? project.open_count}
              first={index === 0}
              last={index === list.length - 1}
              onMove={(offset) => reorder(index, index + offset)}
            />
          ))}
        </ul>
      </SortableContext>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ArchivedProjects />
    </section>
  );
}
