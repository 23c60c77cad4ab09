import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Task } from '@/lib/api/types';
import { setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { formatLabels, parseLabels } from '@/lib/labels';
import { useEscapeKey } from '@/lib/use-escape-key';
import { checkRequired, DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '@/lib/validation';
import { useUpdateTask } from '../api/update-task';
import { PrioritySelect } from './PrioritySelect';

type TaskEditFormProps = { task: Task; onClose: () => void };
type TaskEditFields = {
  title: string;
  description: string;
  dueDate: string;
  priority: Task['priority'];
  labels: string;
};
const SERVER_FIELDS = {
  title: 'title',
  description: 'description',
  due_date: 'dueDate',
  labels: 'labels',
} as const;

/** Edit in place: Enter saves, Escape cancels. */
export function TaskEditForm({ task, onClose }: TaskEditFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const update = useUpdateTask();
  const form = useRef<HTMLFormElement>(null);
  const { values, register, handleSubmit, setValue, setError, setFocus, errors } =
    useForm<TaskEditFields>({
      defaultValues: {
        title: task.title,
        description: task.description ?? '',
        dueDate: task.due_date ?? '',
        priority: task.priority,
        labels: formatLabels(task.labels),
      },
    });
  useEscapeKey(form, onClose, { stopPropagation: true });
  useEffect(() => setFocus('title'), [setFocus]);

  const submit = handleSubmit((fields) => {
    const changes = {
      title: fields.title.trim(),
      description: fields.description.trim() || null,
      due_date: fields.dueDate || null,
      priority: fields.priority,
      labels: parseLabels(fields.labels),
    };
    update.mutate(
      { id: task.id, changes },
      {
        onSuccess: onClose,
        onError: (error) => setServerErrors(error, setError, SERVER_FIELDS),
      },
    );
  });

  return (
    <form
      ref={form}
      className="task-edit"
      onSubmit={submit}
      noValidate
      aria-label={t('tasks.editTask', { title: task.title })}
    >
      <TextField
        label={t('tasks.titleField')}
        maxLength={TITLE_MAX_LENGTH}
        {...register('title', checkRequired)}
        errors={errorText(errors.title)}
      />
      <TextArea
        label={t('tasks.description')}
        rows={2}
        maxLength={DESCRIPTION_MAX_LENGTH}
        {...register('description')}
        errors={errorText(errors.description)}
      />
      <TextField
        label={t('tasks.dueDate')}
        type="date"
        {...register('dueDate')}
        errors={errorText(errors.dueDate)}
      />
      <PrioritySelect value={values.priority} onChange={(value) => setValue('priority', value)} />
      <TextField
        label={t('labels.field')}
        hint={t('labels.fieldHint')}
        {...register('labels')}
        errors={errorText(errors.labels)}
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
