import { useTranslation } from 'react-i18next';
import { ApiError } from './errors';

/** Turns any failure into a sentence in the person's language; callers add what they know more. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!(error instanceof ApiError)) return t('errors.unexpected');
    if (error.isNetwork) return t('errors.offline');
    switch (error.status) {
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 422:
        return t('errors.validation');
      case 429:
        return error.retryAfter
          ? t('errors.rateLimitedFor', { count: error.retryAfter })
          : t('errors.rateLimited');
      case 502:
      case 503:
      case 504:
        return t('errors.unavailable');
      default:
        return error.status >= 500 ? t('errors.server') : error.message;
    }
  };
}
