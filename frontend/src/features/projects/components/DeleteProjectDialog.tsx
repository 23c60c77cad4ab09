import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useDeleteProject, type ProjectTasksFate } from '../api/delete-project';

type DeleteProjectDialogProps = { project: Project; onClose: (deleted: boolean) => void };

/** Deleting a project asks what happens to its tasks; keeping them (in the Inbox) is the default. */
export function DeleteProjectDialog({ project, onClose }: DeleteProjectDialogProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [fate, setFate] = useState<ProjectTasksFate>('inbox');
  const remove = useDeleteProject();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const titleId = `delete-project-${project.id}`;

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={titleId}>{t('projects.deleteTitle', { name: project.name })}</h2>
      <fieldset className="choice">
        <legend>{t('projects.deleteTasksQuestion', { count: project.open_count })}</legend>
        {(['inbox', 'delete'] as const).map((option) => (
          <label key={option} className="choice__option">
            <input
              type="radio"
              name={`fate-${project.id}`}
              value={option}
              checked={fate === option}
              onChange={() => setFate(option)}
            />
            {t(option === 'inbox' ? 'projects.tasksToInbox' : 'projects.tasksDelete')}
          </label>
        ))}
      </fieldset>
      {remove.error && (
        <p className="form__error" role="alert">
          {describeError(remove.error)}
        </p>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate({ id: project.id, tasks: fate }, { onSuccess: () => onClose(true) })
          }
        >
          {t('projects.deleteConfirm')}
        </button>
        <button type="button" className="button" onClick={() => onClose(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
