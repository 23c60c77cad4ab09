import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/api/use-error-message';

type ErrorStateProps = { error: unknown; onRetry?: () => void; title?: string };

/** The face of a failed load: what happened, in words, and a way to try again. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? t('errors.title')}</p>
      <p>{describe(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
