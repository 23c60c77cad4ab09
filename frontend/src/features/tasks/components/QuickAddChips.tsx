import { useTranslation } from 'react-i18next';
import type { Chip } from './quick-add-chips';

type QuickAddChipsProps = { chips: Chip[]; title: string; onRemove: (chip: Chip) => void };

/** What the server recognised in the line, each chip removable (its words then stay in the
 * title); a polite live region reads the result to screen-reader users as it changes. */
export function QuickAddChips({ chips, title, onRemove }: QuickAddChipsProps) {
  const { t } = useTranslation();
  const summary =
    chips.length > 0
      ? t('quickAdd.announce', { chips: chips.map((chip) => chip.label).join(', '), title })
      : '';
  return (
    <>
      {chips.length > 0 && (
        <ul className="quick-add__chips" aria-label={t('quickAdd.recognised')}>
          {chips.map((chip) => (
            <li key={chip.id} className={`chip chip--${chip.id}`}>
              <span>{chip.label}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('quickAdd.keepLiteral', { chip: chip.label })}
                onClick={() => onRemove(chip)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {chips.length > 0 && title !== '' && (
        <p className="quick-add__preview">{t('quickAdd.titlePreview', { title })}</p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {summary}
      </p>
    </>
  );
}
