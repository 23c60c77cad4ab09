import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useEndSession } from '@/lib/auth/user';
import { useProblemText } from '@/lib/use-problem-text';
import {
  checkPassword,
  checkRequired,
  hasProblems,
  serverErrors,
  type Problems,
} from '@/lib/validation';
import { useChangePassword } from '../api/change-password';

type Field = 'current' | 'password' | 'repeat';
const EMPTY: Record<Field, string> = { current: '', password: '', repeat: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const change = useChangePassword();
  const endSession = useEndSession();
  const navigate = useNavigate();
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<Problems<Field>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems<Field> = {
      current: checkRequired(form.current),
      password: checkPassword(form.password),
      repeat: form.password === form.repeat ? undefined : 'passwordsDiffer',
    };
    setProblems(found);
    if (hasProblems(found)) return;
    change.mutate(
      { currentPassword: form.current, password: form.password },
      {
        // A new password ends every session, this one too: log in again with it.
        onSuccess: () => {
          endSession();
          navigate(paths.auth.login.getHref(null, 'password'), { replace: true });
        },
      },
    );
  }

  const error = change.error instanceof ApiError ? change.error : null;
  const wrongCurrent =
    error !== null &&
    (error.status === 401 || error.status === 403 || 'current_password' in error.fieldErrors);
  const field = (name: Field) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [name]: event.target.value }),
  });
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.changePassword')}</h2>
      <TextField
        label={t('settings.currentPassword')}
        type="password"
        autoComplete="current-password"
        {...field('current')}
        errors={problemText(problems.current, wrongCurrent ? [t('settings.wrongPassword')] : [])}
      />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('auth.passwordHint')}
        {...field('password')}
        errors={problemText(problems.password, serverErrors(error?.fieldErrors, 'password'))}
      />
      <TextField
        label={t('auth.repeatPassword')}
        type="password"
        autoComplete="new-password"
        {...field('repeat')}
        errors={problemText(problems.repeat)}
      />
      {change.error && !wrongCurrent && (
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
