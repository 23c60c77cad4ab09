import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { paths } from '@/config/paths';
import { ResetPasswordForm } from '@/features/auth/components/ResetPasswordForm';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ResetPasswordRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  useDocumentTitle(t('auth.resetTitle'));
  if (!token) {
    return (
      <div className="form" role="alert">
        <h1>{t('auth.resetTitle')}</h1>
        <p>{t('auth.resetLinkInvalid')}</p>
        <Link to={paths.auth.forgotPassword.getHref()}>{t('auth.forgotTitle')}</Link>
      </div>
    );
  }
  return <ResetPasswordForm token={token} />;
}
