import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import '@/components/Spinner.css';

type PlanRequestStatusProps = {
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
  onRetry: () => void;
};

/** A slow or failing provider gets a clear sentence and a way out: cancel or retry. */
export function PlanRequestStatus({ isPending, error, onCancel, onRetry }: PlanRequestStatusProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  if (isPending) {
    return (
      <div className="notice" role="status">
        <span className="spinner__circle spinner__circle--small" aria-hidden="true" />
        <span>{t('planner.thinking')}</span>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const providerProblem = apiError !== null && [502, 504].includes(apiError.status);
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">
        {apiError?.status === 504 ? t('planner.timeout') : t('planner.failed')}
      </p>
      <p>{describeError(error)}</p>
      {providerProblem && apiError.message && <p className="muted">{apiError.message}</p>}
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
