import { useTranslation } from 'react-i18next';
import { ViewPage } from '../ViewPage';

export default function InboxRoute() {
  const { t } = useTranslation();
  return (
    <ViewPage
      title={t('views.inbox')}
      view={{ kind: 'inbox' }}
      empty={{ title: t('views.inboxEmpty'), hint: t('views.inboxEmptyHint') }}
    />
  );
}
