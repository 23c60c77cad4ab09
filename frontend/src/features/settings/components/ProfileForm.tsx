import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import type { User } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { fieldsExplain, setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { checkRequired, NAME_MAX_LENGTH } from '@/lib/validation';
import { useUpdateProfile } from '../api/update-profile';

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const update = useUpdateProfile();
  const { register, handleSubmit, setError, errors } = useForm({
    defaultValues: { name: user.name },
  });
  const submit = handleSubmit(({ name }) =>
    update.mutate(name.trim(), {
      onError: (error) => setServerErrors(error, setError, ['name']),
    }),
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <p className="muted">{t('settings.signedInAs', { email: user.email })}</p>
      <TextField
        label={t('auth.name')}
        autoComplete="name"
        maxLength={NAME_MAX_LENGTH}
        {...register('name', checkRequired)}
        errors={errorText(errors.name)}
      />
      {update.error && !fieldsExplain(update.error, ['name']) && (
        <p className="form__error" role="alert">
          {describeError(update.error)}
        </p>
      )}
      {update.isSuccess && (
        <p className="form__success" role="status">
          {t('settings.profileSaved')}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={update.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
