import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import type { Label } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { fieldsExplain, setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { LABEL_NAME_MAX_LENGTH } from '@/lib/validation';
import { useUpdateLabel } from '../api/update-label';

type LabelRenameFormProps = {
  label: Label;
  /** Called with the new name once saved, or with null when nothing changed or on cancel. */
  onDone: (renamed: string | null) => void;
};

/** Renames a label; spaces become hyphens, as in the quick-add syntax (#two-words). */
export function LabelRenameForm({ label, onDone }: LabelRenameFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const update = useUpdateLabel();
  const { register, handleSubmit, setError, setFocus, errors } = useForm({
    defaultValues: { name: label.name },
  });
  useEffect(() => setFocus('name'), [setFocus]);

  const submit = handleSubmit(({ name }) => {
    const next = name.trim().replace(/\s+/g, '-');
    if (next === '' || next === label.name) return onDone(null);
    update.mutate(
      { id: label.id, changes: { name: next } },
      {
        onSuccess: () => onDone(next),
        onError: (error) => setServerErrors(error, setError, ['name']),
      },
    );
  });

  return (
    <form
      className="project-form"
      aria-label={t('labels.renameTitle', { name: label.name })}
      onSubmit={submit}
      noValidate
    >
      <TextField
        label={t('labels.name')}
        hint={t('labels.nameHint')}
        maxLength={LABEL_NAME_MAX_LENGTH}
        {...register('name')}
        errors={errorText(errors.name)}
      />
      {update.error && !fieldsExplain(update.error, ['name']) && (
        <p className="form__error" role="alert">
          {describeError(update.error)}
        </p>
      )}
      <div className="project-form__actions">
        <button type="submit" className="button button--primary button--small">
          {t('common.save')}
        </button>
        <button type="button" className="button button--small" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
