import { useTranslation } from 'react-i18next';
import { PlanMyDay } from '@/features/planner/components/PlanMyDay';
import { todayIso } from '@/lib/format';
import { ViewPage } from '../ViewPage';

export default function TodayRoute() {
  const { t } = useTranslation();
  return (
    <ViewPage
      title={t('views.today')}
      heading={
        <>
          <h1>{t('views.today')}</h1>
          <PlanMyDay />
        </>
      }
      view={{ kind: 'today' }}
      defaults={{ dueDate: todayIso() }}
      empty={{ title: t('views.todayEmpty'), hint: t('views.todayEmptyHint') }}
    />
  );
}
