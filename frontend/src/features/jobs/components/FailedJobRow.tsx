import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { AdminJob } from '@/lib/api/types';
import { useDiscardJob } from '../api/discard-job';
import { useRetryJob } from '../api/retry-job';

/** One failed job: what it was, why it failed, and the two ways out. */
export function FailedJobRow({ job }: { job: AdminJob }) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const retry = useRetryJob();
  const discard = useDiscardJob();
  const busy = retry.isPending || discard.isPending;
  const problem = retry.error ?? discard.error;
  return (
    <tr>
      <td>
        <code>{job.kind}</code>
        <div className="muted">{t('jobs.queue', { queue: job.queue })}</div>
      </td>
      <td>
        {job.failure ?? job.error?.message}
        {problem && (
          <p className="form__error" role="alert">
            {describeError(problem)}
          </p>
        )}
      </td>
      <td>{t('jobs.attemptCount', { count: job.attempts })}</td>
      <td>{job.finished_at ? formatDateTime(job.finished_at, i18n.language) : '—'}</td>
      <td className="users__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={t('jobs.retry', { kind: job.kind, id: job.id })}
          onClick={() => retry.mutate(job.id)}
        >
          {t('jobs.retryShort')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          aria-label={t('jobs.discard', { kind: job.kind, id: job.id })}
          onClick={() => discard.mutate(job.id)}
        >
          {t('jobs.discardShort')}
        </button>
      </td>
    </tr>
  );
}
