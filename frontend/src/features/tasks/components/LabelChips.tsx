import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';

/** A task's labels; each chip opens the list of tasks carrying it. */
export function LabelChips({ labels }: { labels: readonly string[] }) {
  const { t } = useTranslation();
  if (labels.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('labels.ofTask')}>
      {labels.map((label) => (
        <li key={label}>
          <Link className="chip" to={paths.app.label.getHref(label)}>
            #{label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
