import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { EmptyState } from '@/components/EmptyState';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFound'));
  return (
    <>
      <h1>{t('errors.notFound')}</h1>
      <EmptyState title={t('errors.notFoundHint')}>
        <Link to={paths.home.getHref()}>{t('nav.tasks')}</Link>
      </EmptyState>
    </>
  );
}
