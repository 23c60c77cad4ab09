import { useTranslation } from 'react-i18next';
import type { Task } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { skipOccurrence, stopRepeating, useRecurringAction } from '../api/recurring';

/** "Skip this one" and "Stop repeating" for an open recurring task. */
export function RecurringActions({ task }: { task: Task }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const skip = useRecurringAction(skipOccurrence);
  const stop = useRecurringAction(stopRepeating);
  if (!task.recurrence || task.done) return null;
  const error = skip.error ?? stop.error;
  const busy = skip.isPending || stop.isPending;
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-label={t('time.skipTask', { title: task.title })}
        disabled={busy}
        onClick={() => skip.mutate(task.id)}
      >
        {t('time.skip')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={t('time.stopTask', { title: task.title })}
        disabled={busy}
        onClick={() => stop.mutate(task.id)}
      >
        {t('time.stop')}
      </button>
      {error && (
        <p className="task__status task__status--error" role="alert">
          {describeError(error)}
        </p>
      )}
    </>
  );
}
