import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { COLORS, type ColorName } from '@/lib/colors';
import { fieldsExplain, setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { useEscapeKey } from '@/lib/use-escape-key';
import { checkRequired, PROJECT_NAME_MAX_LENGTH } from '@/lib/validation';

export type ProjectFields = { name: string; color: ColorName };

type ProjectFormProps = {
  label: string;
  initial?: ProjectFields;
  submitLabel: string;
  error: Error | null;
  pending: boolean;
  onSubmit: (fields: ProjectFields) => void;
  onCancel: () => void;
};

/** Name and colour of a project, for creating and for editing. Escape cancels. */
export function ProjectForm(props: ProjectFormProps) {
  const { label, initial, submitLabel, error, pending, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const form = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, setError, setFocus, errors } = useForm<ProjectFields>({
    defaultValues: initial ?? { name: '', color: 'blue' },
  });
  useEscapeKey(form, onCancel);
  useEffect(() => setFocus('name'), [setFocus]);
  // The request belongs to the caller; its 422 still lands on the field it concerns.
  useEffect(() => {
    setServerErrors(error, setError, ['name']);
  }, [error, setError]);

  const submit = handleSubmit((fields) => onSubmit({ ...fields, name: fields.name.trim() }));
  return (
    <form className="project-form" aria-label={label} noValidate onSubmit={submit} ref={form}>
      <TextField
        label={t('projects.name')}
        maxLength={PROJECT_NAME_MAX_LENGTH}
        {...register('name', checkRequired)}
        errors={errorText(errors.name)}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${label}-color`}>
          {t('projects.color')}
        </label>
        <select id={`${label}-color`} className="select" {...register('color')}>
          {COLORS.map((color) => (
            <option key={color} value={color}>
              {t(`colors.${color}`)}
            </option>
          ))}
        </select>
      </div>
      {error && !fieldsExplain(error, ['name']) && (
        <p className="form__error" role="alert">
          {describeError(error)}
        </p>
      )}
      <div className="project-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
