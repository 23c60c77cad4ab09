import { useId, type ComponentProps } from 'react';

type TextAreaProps = ComponentProps<'textarea'> & {
  label: string;
  errors?: string[];
};

export function TextArea({ label, errors = [], id, ...textarea }: TextAreaProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const errorId = errors.length > 0 ? `${inputId}-error` : undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <textarea
        id={inputId}
        className="input input--multiline"
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errorId}
        {...textarea}
      />
      {errorId && (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
