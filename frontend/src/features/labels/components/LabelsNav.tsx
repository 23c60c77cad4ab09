import { useTranslation } from 'react-i18next';
import { useLabels } from '../api/get-labels';
import { LabelItem } from './LabelItem';

type LabelsNavProps = { counts?: Record<string, number> };

/** The sidebar's labels, each a filter; they appear the first time a task uses one. */
export function LabelsNav({ counts }: LabelsNavProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const list = labels.data ?? [];
  return (
    <section className="sidebar__section" aria-labelledby="sidebar-labels">
      <div className="sidebar__heading">
        <h2 id="sidebar-labels">{t('labels.title')}</h2>
      </div>
      {labels.isSuccess && list.length === 0 && (
        <p className="sidebar__hint">{t('labels.emptyHint')}</p>
      )}
      <ul className="sidebar__list">
        {list.map((label) => (
          <LabelItem
            key={label.id}
            label={label}
            count={counts?.[label.name] ?? label.open_count}
          />
        ))}
      </ul>
    </section>
  );
}
