import { useTranslation } from 'react-i18next';
import { ExportData } from '@/features/settings/components/ExportData';
import { ImportData } from '@/features/settings/components/ImportData';
import { PasswordForm } from '@/features/settings/components/PasswordForm';
import { ProfileForm } from '@/features/settings/components/ProfileForm';
import { TimezoneForm } from '@/features/settings/components/TimezoneForm';
import { useUser } from '@/lib/auth/user';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function SettingsRoute() {
  const { t } = useTranslation();
  const user = useUser();
  useDocumentTitle(t('settings.title'));
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <div className="stack">
        {user.data && <ProfileForm user={user.data} />}
        {user.data && <TimezoneForm key={user.data.timezone} user={user.data} />}
        <PasswordForm />
        <ExportData />
        <ImportData />
      </div>
    </>
  );
}
