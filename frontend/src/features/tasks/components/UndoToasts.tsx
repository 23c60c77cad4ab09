import { useTranslation } from 'react-i18next';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { useUndo } from '../hooks/use-undo';
import './UndoToasts.css';

/** "Task deleted · Undo", "Task completed · Undo" for every change still inside its undo window. */
export function UndoToasts() {
  const { t } = useTranslation();
  const { pending, failed, undo, dismissFailure } = usePendingDeletes();
  const { notices, runUndo, dismiss } = useUndo();
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
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={notice.error ? 'toast toast--error' : 'toast'}
          role={notice.error ? 'alert' : undefined}
        >
          <span>{notice.message}</span>
          {notice.undo ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => void runUndo(notice.id)}
            >
              {t('tasks.undo')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => dismiss(notice.id)}
            >
              {t('common.dismiss')}
            </button>
          )}
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
