import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { serverErrors, TITLE_MAX_LENGTH } from '@/lib/validation';
import { useCreateTask } from '../api/create-task';

const EMPTY = { title: '', description: '', dueDate: '' };

/** One field to capture a task fast; details (description, due date) are one click away. */
export function QuickAddForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateTask();
  const [form, setForm] = useState(EMPTY);
  const [showDetails, setShowDetails] = useState(false);
  const [titleMissing, setTitleMissing] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const title = form.title.trim();
    setTitleMissing(title === '');
    if (title === '') return;
    create.mutate(
      {
        title,
        description: form.description.trim() || null,
        due_date: form.dueDate || null,
      },
      {
        onSuccess: () => {
          setForm(EMPTY);
          titleInput.current?.focus();
        },
      },
    );
  }

  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : undefined;
  const titleErrors = titleMissing
    ? [t('validation.required')]
    : serverErrors(fieldErrors, 'title');
  return (
    <form className="quick-add" onSubmit={submit} noValidate aria-label={t('tasks.addTask')}>
      <div className="quick-add__row">
        <TextField
          ref={titleInput}
          className="quick-add__title"
          label={t('tasks.newTaskLabel')}
          placeholder={t('tasks.newTaskPlaceholder')}
          value={form.title}
          maxLength={TITLE_MAX_LENGTH}
          onChange={(event) => setForm({ ...form, title: event.target.value })}
          errors={titleErrors}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('tasks.add')}
        </button>
      </div>
      <button
        type="button"
        className="button button--link"
        aria-expanded={showDetails}
        onClick={() => setShowDetails(!showDetails)}
      >
        {showDetails ? t('tasks.hideDetails') : t('tasks.addDetails')}
      </button>
      {showDetails && (
        <div className="quick-add__details">
          <TextArea
            label={t('tasks.description')}
            value={form.description}
            rows={2}
            onChange={(event) => setForm({ ...form, description: event.target.value })}
            errors={serverErrors(fieldErrors, 'description')}
          />
          <TextField
            label={t('tasks.dueDate')}
            type="date"
            value={form.dueDate}
            onChange={(event) => setForm({ ...form, dueDate: event.target.value })}
            errors={serverErrors(fieldErrors, 'due_date')}
          />
        </div>
      )}
      {create.error && !fieldErrors?.title && (
        <p className="form__error" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
