import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import '@/components/Spinner.css';

type BreakdownStatusProps = {
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
};

/** Progress and failure of "break down", with the provider's own explanation when it gave one. */
export function BreakdownStatus({
  isPending,
  error,
  onCancel,
  onRetry,
  onDismiss,
}: BreakdownStatusProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  if (isPending) {
    return (
      <div className="task__status" role="status">
        <span className="spinner__circle spinner__circle--small" aria-hidden="true" />
        {t('tasks.breakingDown')}
        <button type="button" className="button button--link" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (!error) return null;
  const detail =
    error instanceof ApiError && [502, 504].includes(error.status) ? error.message : null;
  return (
    <div className="task__status task__status--error" role="alert">
      <span>
        {t('tasks.breakdownFailed')} {describeError(error)}
        {detail && <span className="muted"> ({detail})</span>}
      </span>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('common.retry')}
      </button>
      <button type="button" className="button button--link" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
