import { useTranslation } from 'react-i18next';
import { PlannerView } from '@/features/planner/components/PlannerView';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function PlannerRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('planner.title'));
  return (
    <>
      <h1>{t('planner.title')}</h1>
      <p className="muted">{t('planner.intro')}</p>
      <PlannerView />
    </>
  );
}
