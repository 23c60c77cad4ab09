import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { checkPassword, PASSWORD_MAX_LENGTH } from '@/lib/validation';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';

type ResetPasswordFormProps = { token: string };
type ResetFields = { password: string; repeat: string };

export function ResetPasswordForm({ token }: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const confirm = useConfirmPasswordReset();
  const { register, handleSubmit, setError, errors } = useForm<ResetFields>({
    defaultValues: { password: '', repeat: '' },
  });
  const submit = handleSubmit(({ password }) =>
    confirm.mutate(
      { token, password },
      { onError: (error) => setServerErrors(error, setError, ['password']) },
    ),
  );

  if (confirm.isSuccess) {
    return (
      <div className="form" role="status">
        <h1>{t('auth.resetDoneTitle')}</h1>
        <p>{t('auth.resetDone')}</p>
        <Link to={paths.auth.login.getHref()}>{t('auth.login')}</Link>
      </div>
    );
  }
  const error = confirm.error instanceof ApiError ? confirm.error : null;
  const badToken = error !== null && [400, 401, 404, 410].includes(error.status);
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="reset-title">
      <h1 id="reset-title">{t('auth.resetTitle')}</h1>
      {confirm.error && (
        <p className="form__error" role="alert">
          {badToken ? t('auth.resetLinkInvalid') : describeError(confirm.error)}
        </p>
      )}
      <TextField
        label={t('auth.newPassword')}
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...register('password', checkPassword)}
        hint={t('auth.passwordHint')}
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
      <button type="submit" className="button button--primary" disabled={confirm.isPending}>
        {t('auth.setPassword')}
      </button>
    </form>
  );
}
