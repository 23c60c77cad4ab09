import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useProblemText } from '@/lib/use-problem-text';
import { checkEmail, checkRequired, hasProblems, type Problems } from '@/lib/validation';
import { useLogin } from '../api/login';

type LoginFormProps = { next: string | null; onSuccess: () => void };

export function LoginForm({ next, onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems<'email' | 'password'>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkRequired(password) };
    setProblems(found);
    if (!hasProblems(found)) login.mutate({ email: email.trim(), password }, { onSuccess });
  }

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
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={problemText(problems.email)}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={problemText(problems.password)}
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
