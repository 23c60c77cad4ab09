import { useTranslation } from 'react-i18next';
import { AI_DOCS_URL } from '../docs';

const OFFLINE_PROVIDERS = new Set(['offline', 'offline-fallback']);

/** Who answered: the offline planner (with how to connect a model) or the model's name. */
export function PlanSource({ provider, model }: { provider: string; model: string }) {
  const { t } = useTranslation();
  if (!OFFLINE_PROVIDERS.has(provider)) {
    return <p className="muted">{t('planner.sourceModel', { model })}</p>;
  }
  return (
    <p className="muted">
      {provider === 'offline' ? t('planner.sourceOffline') : t('planner.sourceFallback')}{' '}
      <a href={AI_DOCS_URL} target="_blank" rel="noreferrer">
        {t('planner.connectModel')}
      </a>
    </p>
  );
}
