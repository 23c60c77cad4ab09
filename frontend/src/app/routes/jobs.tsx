import { useTranslation } from 'react-i18next';
import { FailedJobsTable } from '@/features/jobs/components/FailedJobsTable';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function JobsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('jobs.title'));
  return (
    <>
      <h1>{t('jobs.title')}</h1>
      <p>{t('jobs.intro')}</p>
      <FailedJobsTable />
    </>
  );
}
