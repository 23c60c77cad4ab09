import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useProblemText } from '@/lib/use-problem-text';
import { checkNewAccount, hasProblems, serverErrors, type Problems } from '@/lib/validation';
import { useRegister } from '../api/register';

type RegisterFormProps = { next: string | null; onSuccess: () => void };

export function RegisterForm({ next, onSuccess }: RegisterFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const register = useRegister();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [problems, setProblems] = useState<Problems<'name' | 'email' | 'password'>>({});
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewAccount(form);
    setProblems(found);
    if (hasProblems(found)) return;
    register.mutate(
      { name: form.name.trim(), email: form.email.trim(), password: form.password },
      { onSuccess },
    );
  }

  const error = register.error instanceof ApiError ? register.error : null;
  const fieldErrors = error?.fieldErrors;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="register-title">
      <h1 id="register-title">{t('auth.registerTitle')}</h1>
      {register.error && (
        <p className="form__error" role="alert">
          {error?.status === 409 ? t('auth.emailTaken') : describeError(register.error)}
        </p>
      )}
      <TextField
        label={t('auth.name')}
        autoComplete="name"
        value={form.name}
        onChange={update('name')}
        errors={problemText(problems.name, serverErrors(fieldErrors, 'name'))}
      />
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        value={form.email}
        onChange={update('email')}
        errors={problemText(problems.email, serverErrors(fieldErrors, 'email'))}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={update('password')}
        hint={t('auth.passwordHint')}
        errors={problemText(problems.password, serverErrors(fieldErrors, 'password'))}
      />
      <button type="submit" className="button button--primary" disabled={register.isPending}>
        {register.isPending ? t('auth.registering') : t('auth.register')}
      </button>
      <p className="form__links">
        <Link to={paths.auth.login.getHref(next)}>{t('auth.haveAccount')}</Link>
      </p>
    </form>
  );
}
