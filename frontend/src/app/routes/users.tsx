import { useTranslation } from 'react-i18next';
import { CreateUserForm } from '@/features/users/components/CreateUserForm';
import { UsersTable } from '@/features/users/components/UsersTable';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function UsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  return (
    <>
      <h1>{t('users.title')}</h1>
      <UsersTable />
      <CreateUserForm />
    </>
  );
}
