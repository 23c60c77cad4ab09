import { useTranslation } from 'react-i18next';
import { useParams } from '@/lib/router';
import { paths } from '@/config/paths';
import { ViewPage } from '../ViewPage';

export default function LabelRoute() {
  const { t } = useTranslation();
  const name = paths.app.label.nameOf(useParams().name);
  return (
    <ViewPage
      key={name}
      title={`#${name}`}
      view={{ kind: 'label', name }}
      defaults={{ labels: [name] }}
      empty={{ title: t('views.labelEmpty', { name }), hint: t('views.labelEmptyHint') }}
    />
  );
}
