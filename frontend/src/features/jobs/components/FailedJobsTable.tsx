import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { Spinner } from '@/components/Spinner';
import { useFailedJobs } from '../api/get-failed-jobs';
import { FailedJobRow } from './FailedJobRow';

/** Background jobs that failed every attempt, kept until an admin retries or discards them. */
export function FailedJobsTable() {
  const { t } = useTranslation();
  const jobs = useFailedJobs();

  if (jobs.isPending) return <Spinner label={t('jobs.loading')} />;
  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (jobs.data.items.length === 0) return <p className="notice">{t('jobs.none')}</p>;
  return (
    <table className="users">
      <caption className="visually-hidden">{t('jobs.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('jobs.kind')}</th>
          <th scope="col">{t('jobs.failure')}</th>
          <th scope="col">{t('jobs.attempts')}</th>
          <th scope="col">{t('jobs.failedAt')}</th>
          <th scope="col">{t('users.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.data.items.map((job) => (
          <FailedJobRow key={job.id} job={job} />
        ))}
      </tbody>
    </table>
  );
}
