import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import {
  checkEmail,
  checkPassword,
  checkRequired,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
} from '@/lib/validation';
import { useRegister } from '../api/register';

type RegisterFormProps = { next: string | null; onSuccess: () => void };
type RegisterFields = { name: string; email: string; password: string };

export function RegisterForm({ next, onSuccess }: RegisterFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const registration = useRegister();
  const { register, handleSubmit, setError, errors } = useForm<RegisterFields>({
    defaultValues: { name: '', email: '', password: '' },
  });
  const submit = handleSubmit(({ name, email, password }) =>
    registration.mutate(
      { name: name.trim(), email: email.trim(), password },
      {
        onSuccess,
        onError: (error) => setServerErrors(error, setError, ['name', 'email', 'password']),
      },
    ),
  );

  const error = registration.error instanceof ApiError ? registration.error : null;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="register-title">
      <h1 id="register-title">{t('auth.registerTitle')}</h1>
      {registration.error && (
        <p className="form__error" role="alert">
          {error?.status === 409 ? t('auth.emailTaken') : describeError(registration.error)}
        </p>
      )}
      <TextField
        label={t('auth.name')}
        autoComplete="name"
        maxLength={NAME_MAX_LENGTH}
        {...register('name', checkRequired)}
        errors={errorText(errors.name)}
      />
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
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...register('password', checkPassword)}
        hint={t('auth.passwordHint')}
        errors={errorText(errors.password)}
      />
      <button type="submit" className="button button--primary" disabled={registration.isPending}>
        {registration.isPending ? t('auth.registering') : t('auth.register')}
      </button>
      <p className="form__links">
        <Link to={paths.auth.login.getHref(next)}>{t('auth.haveAccount')}</Link>
      </p>
    </form>
  );
}
