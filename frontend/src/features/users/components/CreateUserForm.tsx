import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
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
import { useCreateUser } from '../api/create-user';

const EMPTY = { name: '', email: '', password: '', isAdmin: false };

export function CreateUserForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const create = useCreateUser();
  const { register, handleSubmit, setError, reset, errors } = useForm({ defaultValues: EMPTY });
  const submit = handleSubmit(({ name, email, password, isAdmin }) => {
    const body = { name: name.trim(), email: email.trim(), password, is_admin: isAdmin };
    create.mutate(body, {
      onSuccess: () => reset(EMPTY),
      onError: (error) => setServerErrors(error, setError, ['name', 'email', 'password']),
    });
  });

  const error = create.error instanceof ApiError ? create.error : null;
  return (
    <form
      className="form form--wide"
      onSubmit={submit}
      noValidate
      aria-labelledby="create-user-title"
    >
      <h2 id="create-user-title">{t('users.create')}</h2>
      <div className="form__grid">
        <TextField
          label={t('auth.name')}
          maxLength={NAME_MAX_LENGTH}
          {...register('name', checkRequired)}
          errors={errorText(errors.name)}
        />
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="off"
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
          errors={errorText(errors.password)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...register('isAdmin')} />
        {t('users.isAdmin')}
      </label>
      {create.error && (
        <p className="form__error" role="alert">
          {error?.status === 409 ? t('auth.emailTaken') : describeError(create.error)}
        </p>
      )}
      {create.isSuccess && (
        <p className="form__success" role="status">
          {t('users.created', { email: create.data.email })}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t('users.createButton')}
      </button>
    </form>
  );
}
