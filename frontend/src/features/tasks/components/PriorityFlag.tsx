import { useTranslation } from 'react-i18next';

/** Priorities 1–3 show a coloured flag with its number; 4 (none) shows nothing. */
export function PriorityFlag({ priority }: { priority: number }) {
  const { t } = useTranslation();
  if (priority < 1 || priority >= 4) return null;
  const name = [t('priority.p1'), t('priority.p2'), t('priority.p3')][priority - 1];
  return (
    <span className={`flag flag--p${priority}`}>
      <span aria-hidden="true">⚑ P{priority}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
