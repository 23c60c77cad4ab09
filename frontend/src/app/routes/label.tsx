import { useTranslation } from 'react-i18next';
import { useParams } from '@/lib/router';
import { ViewPage } from '../ViewPage';

export default function LabelRoute() {
  const { t } = useTranslation();
  const name = useParams().name ?? '';
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
