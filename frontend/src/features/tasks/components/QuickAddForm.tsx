import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { parseLabels } from '@/lib/labels';
import { QUICK_ADD_INPUT_ID, useFocusRequest } from '@/lib/shortcuts';
import { serverErrors, TITLE_MAX_LENGTH } from '@/lib/validation';
import { useCreateTask } from '../api/create-task';
import { PrioritySelect } from './PrioritySelect';

/** What a new task gets from the view it is added in (its project, today's date, a label). */
export type TaskDefaults = { projectId?: number; dueDate?: string; labels?: string[] };

const EMPTY = { title: '', description: '', dueDate: '', priority: 4, labels: '' };

/** One field to capture a task fast; details (description, due date) are one click away. */
export function QuickAddForm({ defaults = {} }: { defaults?: TaskDefaults }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateTask();
  const [form, setForm] = useState(EMPTY);
  const [showDetails, setShowDetails] = useState(false);
  const [titleMissing, setTitleMissing] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  useFocusRequest(QUICK_ADD_INPUT_ID, titleInput);

  function submit(event: FormEvent) {
    event.preventDefault();
    const title = form.title.trim();
    setTitleMissing(title === '');
    if (title === '') return;
    create.mutate(
      {
        title,
        description: form.description.trim() || null,
        due_date: form.dueDate || defaults.dueDate || null,
        priority: form.priority,
        labels: [...(defaults.labels ?? []), ...parseLabels(form.labels)],
        ...(defaults.projectId === undefined ? {} : { project_id: defaults.projectId }),
      },
      {
        onSuccess: () => {
          // Whatever was typed while this one was being saved is the next task: keep it.
          setForm((current) => (current.title.trim() === title ? EMPTY : current));
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
          id={QUICK_ADD_INPUT_ID}
          aria-keyshortcuts="q"
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
        {showDetails ? t('tasks.hideDetails') : t('organise.addDetails')}
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
          <PrioritySelect
            value={form.priority}
            onChange={(priority) => setForm({ ...form, priority })}
          />
          <TextField
            label={t('labels.field')}
            hint={t('labels.fieldHint')}
            value={form.labels}
            onChange={(event) => setForm({ ...form, labels: event.target.value })}
            errors={serverErrors(fieldErrors, 'labels')}
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
