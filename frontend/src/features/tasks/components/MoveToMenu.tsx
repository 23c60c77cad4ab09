import { useTranslation } from 'react-i18next';
import { ItemMenu } from '@/components/ItemMenu';
import type { Task } from '@/lib/api/types';

export type ProjectChoice = { id: number; name: string; color: string };

type MoveToMenuProps = {
  task: Task;
  projects: readonly ProjectChoice[];
  onMove: (task: Task, projectId: number | null) => void;
};

/** The keyboard and touch way to move a task to a project (shortcut: #). */
export function MoveToMenu({ task, projects, onMove }: MoveToMenuProps) {
  const { t } = useTranslation();
  const targets = [
    ...(task.project_id === null ? [] : [{ id: null, name: t('views.inbox') }]),
    ...projects.filter((project) => project.id !== task.project_id),
  ];
  if (targets.length === 0) return null;
  return (
    <ItemMenu
      label={t('organise.moveTo', { title: task.title })}
      buttonProps={{ 'data-action': 'move', 'aria-keyshortcuts': '#' }}
      actions={targets.map((target) => ({
        label: target.name,
        onSelect: () => onMove(task, target.id),
      }))}
    />
  );
}
