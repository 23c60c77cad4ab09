import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from '@/lib/router';
import { safeNext } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/LoginForm';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function LoginRoute() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const next = params.get('next');
  useDocumentTitle(t('auth.loginTitle'));
  return (
    <>
      {params.get('reason') === 'expired' && (
        <p className="notice" role="status">
          {t('auth.sessionExpired')}
        </p>
      )}
      {params.get('reason') === 'password' && (
        <p className="notice" role="status">
          {t('auth.passwordChangedLogIn')}
        </p>
      )}
      <LoginForm next={next} onSuccess={() => navigate(safeNext(next), { replace: true })} />
    </>
  );
}
