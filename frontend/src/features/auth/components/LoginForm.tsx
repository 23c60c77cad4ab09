import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useFieldErrorText, useForm } from '@/lib/form';
import { checkEmail, checkRequired, EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '@/lib/validation';
import { useLogin } from '../api/login';

type LoginFormProps = { next: string | null; onSuccess: () => void };
type LoginFields = { email: string; password: string };

export function LoginForm({ next, onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const login = useLogin();
  const { register, handleSubmit, errors } = useForm<LoginFields>({
    defaultValues: { email: '', password: '' },
  });
  const submit = handleSubmit(({ email, password }) =>
    login.mutate({ email: email.trim(), password }, { onSuccess }),
  );

  const error = login.error;
  const wrongCredentials = error instanceof ApiError && error.status === 401;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.loginTitle')}</h1>
      {error && (
        <p className="form__error" role="alert">
          {wrongCredentials ? t('auth.invalidCredentials') : describeError(error)}
        </p>
      )}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        maxLength={EMAIL_MAX_LENGTH}
        {...register('email', checkEmail)}
        errors={errorText(errors.email)}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...register('password', checkRequired)}
        errors={errorText(errors.password)}
      />
      <button type="submit" className="button button--primary" disabled={login.isPending}>
        {login.isPending ? t('auth.loggingIn') : t('auth.login')}
      </button>
      <p className="form__links">
        <Link to={paths.auth.forgotPassword.getHref()}>{t('auth.forgotPassword')}</Link>
        <Link to={paths.auth.register.getHref(next)}>{t('auth.noAccount')}</Link>
      </p>
    </form>
  );
}
