import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import type { User } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useProblemText } from '@/lib/use-problem-text';
import { checkRequired, serverErrors, type Problem } from '@/lib/validation';
import { useUpdateProfile } from '../api/update-profile';

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const update = useUpdateProfile();
  const [name, setName] = useState(user.name);
  const [problem, setProblem] = useState<Problem | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkRequired(name);
    setProblem(found);
    if (!found) update.mutate(name.trim());
  }

  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : undefined;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <p className="muted">{t('settings.signedInAs', { email: user.email })}</p>
      <TextField
        label={t('auth.name')}
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        errors={problemText(problem, serverErrors(fieldErrors, 'name'))}
      />
      {update.error && !fieldErrors?.name && (
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
