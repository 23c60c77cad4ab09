import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type PrioritySelectProps = { value: number; onChange: (priority: number) => void; label?: string };

export function PrioritySelect({ value, onChange, label }: PrioritySelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const names = [t('priority.p1'), t('priority.p2'), t('priority.p3'), t('priority.p4')];
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label ?? t('priority.label')}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {names.map((name, index) => (
          <option key={name} value={index + 1}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
