import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/TextField';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { parseLineQueryOptions, type LiteralKind } from '../api/parse-line';
import { useQuickAdd } from '../api/quick-add';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { chipsFor } from './chips';
import './quick-add.css';

/** One line in plain words ("Dentista sexta 14h30 #saúde"); what the server recognises
 * shows as chips as the person types, and removing a chip keeps those words literal. */
export function QuickAdd() {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const [text, setText] = useState('');
  const [removed, setRemoved] = useState<LiteralKind[]>([]);
  const literal = removed;
  const settled = useDebouncedValue(text.trim(), 250);
  const parsed = useQuery(parseLineQueryOptions(settled, literal));
  const create = useQuickAdd();
  const chips = settled && parsed.data ? chipsFor(parsed.data, t, i18n.language) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    create.mutate(
      { text: text.trim(), literal },
      {
        onSuccess: () => {
          setText('');
          setRemoved([]);
        },
      },
    );
  }

  return (
    <form className="quick-add" onSubmit={submit} noValidate aria-label={t('quickAdd.form')}>
      <div className="quick-add__row">
        <TextField
          className="quick-add__title"
          label={t('quickAdd.label')}
          placeholder={t('quickAdd.placeholder')}
          value={text}
          maxLength={500}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value.trim() === '') setRemoved([]);
          }}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('quickAdd.add')}
        </button>
      </div>
      {chips.length > 0 && (
        <ul className="quick-add__chips" aria-label={t('quickAdd.recognised')}>
          {chips.map((chip) => (
            <li key={chip.id} className="chip">
              <span>{chip.label}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('quickAdd.keepLiteral', { chip: chip.label })}
                onClick={() => setRemoved([...removed, ...chip.kinds])}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {parsed.data && parsed.data.title !== '' && chips.length > 0 && (
        <p className="quick-add__preview">
          {t('quickAdd.titlePreview', { title: parsed.data.title })}
        </p>
      )}
      {create.error && (
        <p className="form__error" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
