import { useTranslation } from 'react-i18next';
import { ViewPage } from '../ViewPage';

export default function UpcomingRoute() {
  const { t } = useTranslation();
  return (
    <ViewPage
      title={t('views.upcoming')}
      view={{ kind: 'upcoming' }}
      empty={{ title: t('views.upcomingEmpty'), hint: t('views.upcomingEmptyHint') }}
    />
  );
}
