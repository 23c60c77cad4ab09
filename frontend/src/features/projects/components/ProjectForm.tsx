import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { COLORS, type ColorName } from '@/lib/colors';
import { serverErrors } from '@/lib/validation';

export const PROJECT_NAME_MAX = 80;
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

/** Name and colour of a project, for creating and for editing. */
export function ProjectForm(props: ProjectFormProps) {
  const { label, initial, submitLabel, error, pending, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [fields, setFields] = useState<ProjectFields>(initial ?? { name: '', color: 'blue' });
  const [missing, setMissing] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = fields.name.trim();
    setMissing(name === '');
    if (name !== '') onSubmit({ ...fields, name });
  }

  return (
    <form
      className="project-form"
      aria-label={label}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <TextField
        label={t('projects.name')}
        value={fields.name}
        maxLength={PROJECT_NAME_MAX}
        autoFocus
        onChange={(event) => setFields({ ...fields, name: event.target.value })}
        errors={missing ? [t('validation.required')] : serverErrors(fieldErrors, 'name')}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${label}-color`}>
          {t('projects.color')}
        </label>
        <select
          id={`${label}-color`}
          className="select"
          value={fields.color}
          onChange={(event) => setFields({ ...fields, color: event.target.value as ColorName })}
        >
          {COLORS.map((color) => (
            <option key={color} value={color}>
              {t(`colors.${color}`)}
            </option>
          ))}
        </select>
      </div>
      {error && !fieldErrors?.name && (
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
