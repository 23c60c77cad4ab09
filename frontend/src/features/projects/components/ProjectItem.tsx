import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useRoute } from '@/lib/router';
import { ColorDot } from '@/components/ColorDot';
import { ItemMenu } from '@/components/ItemMenu';
import { paths } from '@/config/paths';
import type { Project } from '@/lib/api/types';
import { projectDragId, type DragData } from '@/lib/drag';
import { useUpdateProject } from '../api/update-project';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { ProjectForm } from './ProjectForm';

type ProjectItemProps = {
  project: Project;
  count: number;
  onMove: (offset: -1 | 1) => void;
  first: boolean;
  last: boolean;
};

/** One project in the sidebar: a link, a drop target for tasks, draggable, with its menu. */
export function ProjectItem({ project, count, onMove, first, last }: ProjectItemProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [here] = useRoute(paths.app.project.getHref(project.id));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateProject();
  const data: DragData = { type: 'project', id: project.id, title: project.name };
  const { attributes, listeners, setNodeRef, transform, transition, isOver, isDragging, active } =
    useSortable({ id: projectDragId(project.id), data });
  const style = { transform: CSS.Translate.toString(transform), transition };
  const classes = ['sidebar__item', 'sidebar__item--project'];
  if (isOver && active?.data.current?.type === 'task') classes.push('sidebar__item--over');
  if (isDragging) classes.push('sidebar__item--dragging');

  if (editing) {
    return (
      <li className="sidebar__item">
        <ProjectForm
          label={t('projects.editTitle', { name: project.name })}
          initial={{ name: project.name, color: project.color }}
          submitLabel={t('common.save')}
          error={update.error}
          pending={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(changes) =>
            update.mutate({ id: project.id, changes }, { onSuccess: () => setEditing(false) })
          }
        />
      </li>
    );
  }

  const actions = [
    { label: t('projects.edit'), onSelect: () => setEditing(true) },
    ...(first ? [] : [{ label: t('projects.moveUp'), onSelect: () => onMove(-1) }]),
    ...(last ? [] : [{ label: t('projects.moveDown'), onSelect: () => onMove(1) }]),
    {
      label: t('projects.archive'),
      onSelect: () => update.mutate({ id: project.id, changes: { archived: true } }),
    },
    { label: t('projects.delete'), onSelect: () => setDeleting(true), danger: true },
  ];
  return (
    <li ref={setNodeRef} style={style} className={classes.join(' ')}>
      <button
        type="button"
        className="drag-handle"
        aria-label={t('projects.reorder', { name: project.name })}
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <NavLink to={paths.app.project.getHref(project.id)} className="sidebar__link">
        <ColorDot color={project.color} />
        <span className="sidebar__name">{project.name}</span>
        {count > 0 && <span className="sidebar__count">{count}</span>}
      </NavLink>
      <ItemMenu label={t('projects.options', { name: project.name })} actions={actions} />
      {deleting && (
        <DeleteProjectDialog
          project={project}
          onClose={(deleted) => {
            setDeleting(false);
            if (deleted && here) navigate(paths.app.inbox.getHref());
          }}
        />
      )}
    </li>
  );
}
