import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { ResetPasswordForm } from '@/features/auth/components/ResetPasswordForm';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ResetPasswordRoute() {
  const { t } = useTranslation();
  // The emailed link carries the token in the fragment (#token=…), which browsers never
  // send to a server, so no access log can record it.
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
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
