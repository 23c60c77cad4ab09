import { useTranslation } from 'react-i18next';
import { todayIso } from '@/lib/format';
import { ViewPage } from '../ViewPage';

export default function TodayRoute() {
  const { t } = useTranslation();
  return (
    <ViewPage
      title={t('views.today')}
      view={{ kind: 'today' }}
      defaults={{ dueDate: todayIso() }}
      empty={{ title: t('views.todayEmpty'), hint: t('views.todayEmptyHint') }}
    />
  );
}
