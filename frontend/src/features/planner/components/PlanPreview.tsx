import { useTranslation } from 'react-i18next';
import { TITLE_MAX_LENGTH } from '@/lib/validation';
import type { DraftTask } from '../hooks/use-plan-draft';
import { PlanSource } from './PlanSource';
import './planner.css';

type PlanPreviewProps = {
  draft: DraftTask[];
  source: { provider: string; model: string } | null;
  onChange: (key: number, changes: Partial<Omit<DraftTask, 'key'>>) => void;
};

function parseMinutes(value: string): number | null {
  const minutes = Math.round(Number(value));
  return value.trim() === '' || !Number.isFinite(minutes) || minutes < 1 ? null : minutes;
}

/** Every proposed task can be unticked, retitled and re-estimated before anything is saved. */
export function PlanPreview({ draft, source, onChange }: PlanPreviewProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-preview-title">
      <h2 id="plan-preview-title">{t('planner.previewTitle')}</h2>
      {source && <PlanSource provider={source.provider} model={source.model} />}
      <ol className="plan">
        {draft.map((task, index) => (
          <li
            key={task.key}
            className={task.keep ? 'plan__item' : 'plan__item plan__item--skipped'}
          >
            <input
              type="checkbox"
              checked={task.keep}
              disabled={task.saved}
              aria-label={t('planner.keepTask', { number: index + 1 })}
              onChange={(event) => onChange(task.key, { keep: event.target.checked })}
            />
            <input
              className="input plan__title"
              value={task.title}
              maxLength={TITLE_MAX_LENGTH}
              aria-label={t('planner.taskTitle', { number: index + 1 })}
              aria-invalid={task.keep && task.title.trim() === '' ? true : undefined}
              onChange={(event) => onChange(task.key, { title: event.target.value })}
            />
            <input
              className="input plan__minutes"
              type="number"
              inputMode="numeric"
              min={1}
              value={task.estimateMinutes ?? ''}
              aria-label={t('planner.taskMinutes', { number: index + 1 })}
              onChange={(event) =>
                onChange(task.key, { estimateMinutes: parseMinutes(event.target.value) })
              }
            />
            <span className="plan__unit" aria-hidden="true">
              {t('planner.minutesShort')}
            </span>
            {task.saved && <span className="badge badge--success">{t('planner.savedOne')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
