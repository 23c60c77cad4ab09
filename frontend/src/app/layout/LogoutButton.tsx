import { useTranslation } from 'react-i18next';
import { useLocation } from '@/lib/router';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useLogout } from '@/features/auth/api/logout';

export function LogoutButton() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const describeError = useErrorMessage();
  const logout = useLogout();
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        disabled={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => navigate(paths.auth.login.getHref(), { replace: true }),
          })
        }
      >
        {t('auth.logout')}
      </button>
      {logout.error && (
        <p className="header__error" role="alert">
          {describeError(logout.error)}
        </p>
      )}
    </>
  );
}
