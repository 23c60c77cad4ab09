import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useProblemText } from '@/lib/use-problem-text';
import { checkNewAccount, hasProblems, serverErrors, type Problems } from '@/lib/validation';
import { useCreateUser } from '../api/create-user';

const EMPTY = { name: '', email: '', password: '', isAdmin: false };

export function CreateUserForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const create = useCreateUser();
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<Problems<'name' | 'email' | 'password'>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewAccount(form);
    setProblems(found);
    if (hasProblems(found)) return;
    const body = {
      name: form.name.trim(),
      email: form.email.trim(),
      password: form.password,
      is_admin: form.isAdmin,
    };
    create.mutate(body, { onSuccess: () => setForm(EMPTY) });
  }

  const error = create.error instanceof ApiError ? create.error : null;
  const text = (field: 'name' | 'email' | 'password') =>
    problemText(problems[field], serverErrors(error?.fieldErrors, field));
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
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
          errors={text('name')}
        />
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="off"
          value={form.email}
          onChange={(event) => setForm({ ...form, email: event.target.value })}
          errors={text('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
          errors={text('password')}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.isAdmin}
          onChange={(event) => setForm({ ...form, isAdmin: event.target.checked })}
        />
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
