import { useTranslation } from 'react-i18next';
import { useLocation } from '@/lib/router';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useEndSession } from '@/lib/auth/user';
import { setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { checkPassword, checkRequired, PASSWORD_MAX_LENGTH } from '@/lib/validation';
import { useChangePassword } from '../api/change-password';

type PasswordFields = { current: string; password: string; repeat: string };

export function PasswordForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const change = useChangePassword();
  const endSession = useEndSession();
  const [, navigate] = useLocation();
  const { register, handleSubmit, setError, errors } = useForm<PasswordFields>({
    defaultValues: { current: '', password: '', repeat: '' },
  });

  const submit = handleSubmit(({ current, password }) =>
    change.mutate(
      { currentPassword: current, password },
      {
        // A new password ends every session, this one too: log in again with it.
        onSuccess: () => {
          endSession();
          navigate(paths.auth.login.getHref(null, 'password'), { replace: true });
        },
        onError: (error) => {
          setServerErrors(error, setError, ['password']);
          if (isWrongCurrent(error)) {
            setError('current', { type: 'server', message: t('settings.wrongPassword') });
          }
        },
      },
    ),
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.changePassword')}</h2>
      <TextField
        label={t('settings.currentPassword')}
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...register('current', checkRequired)}
        errors={errorText(errors.current)}
      />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        hint={t('auth.passwordHint')}
        {...register('password', checkPassword)}
        errors={errorText(errors.password)}
      />
      <TextField
        label={t('auth.repeatPassword')}
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...register('repeat', (repeat, { password }) =>
          repeat === password ? undefined : 'passwordsDiffer',
        )}
        errors={errorText(errors.repeat)}
      />
      {change.error && !isWrongCurrent(change.error) && (
        <p className="form__error" role="alert">
          {describeError(change.error)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={change.isPending}>
        {t('settings.changePassword')}
      </button>
    </form>
  );
}

function isWrongCurrent(error: Error): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 401 || error.status === 403 || 'current_password' in error.fieldErrors)
  );
}
