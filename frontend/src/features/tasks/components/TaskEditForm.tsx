import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Task } from '@/lib/api/types';
import { formatLabels, parseLabels } from '@/lib/labels';
import { serverErrors, TITLE_MAX_LENGTH } from '@/lib/validation';
import { useUpdateTask } from '../api/update-task';
import { PrioritySelect } from './PrioritySelect';

type TaskEditFormProps = { task: Task; onClose: () => void };

/** Edit in place: Enter saves, Escape cancels. */
export function TaskEditForm({ task, onClose }: TaskEditFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const update = useUpdateTask();
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? '');
  const [dueDate, setDueDate] = useState(task.due_date ?? '');
  const [priority, setPriority] = useState(task.priority);
  const [labels, setLabels] = useState(formatLabels(task.labels));
  const [titleMissing, setTitleMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTitleMissing(title.trim() === '');
    if (title.trim() === '') return;
    const changes = {
      title: title.trim(),
      description: description.trim() || null,
      due_date: dueDate || null,
      priority,
      labels: parseLabels(labels),
    };
    update.mutate({ id: task.id, changes }, { onSuccess: onClose });
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : undefined;
  return (
    <form
      className="task-edit"
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      noValidate
      aria-label={t('tasks.editTask', { title: task.title })}
    >
      <TextField
        label={t('tasks.titleField')}
        value={title}
        maxLength={TITLE_MAX_LENGTH}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        errors={titleMissing ? [t('validation.required')] : serverErrors(fieldErrors, 'title')}
      />
      <TextArea
        label={t('tasks.description')}
        value={description}
        rows={2}
        onChange={(event) => setDescription(event.target.value)}
        errors={serverErrors(fieldErrors, 'description')}
      />
      <TextField
        label={t('tasks.dueDate')}
        type="date"
        value={dueDate}
        onChange={(event) => setDueDate(event.target.value)}
        errors={serverErrors(fieldErrors, 'due_date')}
      />
      <PrioritySelect value={priority} onChange={setPriority} />
      <TextField
        label={t('labels.field')}
        hint={t('labels.fieldHint')}
        value={labels}
        onChange={(event) => setLabels(event.target.value)}
        errors={serverErrors(fieldErrors, 'labels')}
      />
      {update.error && (
        <p className="form__error" role="alert">
          {describeError(update.error)}
        </p>
      )}
      <div className="task-edit__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
