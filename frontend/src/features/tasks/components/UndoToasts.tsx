import { useTranslation } from 'react-i18next';
import { usePendingDeletes } from '../hooks/use-pending-deletes';

/** "Task deleted · Undo" for every deletion still inside its undo window. */
export function UndoToasts() {
  const { t } = useTranslation();
  const { pending, failed, undo, dismissFailure } = usePendingDeletes();
  return (
    <div className="toasts" aria-live="polite">
      {pending.map((task) => (
        <div key={task.id} className="toast">
          <span>{t('tasks.deleted', { title: task.title })}</span>
          <button type="button" className="button button--small" onClick={() => undo(task.id)}>
            {t('tasks.undo')}
          </button>
        </div>
      ))}
      {failed && (
        <div className="toast toast--error" role="alert">
          <span>{t('tasks.deleteFailed', { title: failed.title })}</span>
          <button type="button" className="button button--small" onClick={dismissFailure}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
