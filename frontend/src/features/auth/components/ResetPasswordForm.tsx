import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useProblemText } from '@/lib/use-problem-text';
import { checkPassword, hasProblems, serverErrors, type Problems } from '@/lib/validation';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';

type ResetPasswordFormProps = { token: string };

export function ResetPasswordForm({ token }: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problems<'password' | 'repeat'>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems<'password' | 'repeat'> = {
      password: checkPassword(password),
      repeat: password === repeat ? undefined : 'passwordsDiffer',
    };
    setProblems(found);
    if (!hasProblems(found)) confirm.mutate({ token, password });
  }

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
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={t('auth.passwordHint')}
        errors={problemText(problems.password, serverErrors(error?.fieldErrors, 'password'))}
      />
      <TextField
        label={t('auth.repeatPassword')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => setRepeat(event.target.value)}
        errors={problemText(problems.repeat)}
      />
      <button type="submit" className="button button--primary" disabled={confirm.isPending}>
        {t('auth.setPassword')}
      </button>
    </form>
  );
}
