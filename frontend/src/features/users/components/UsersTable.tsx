import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { Pagination } from '@/components/Pagination';
import { Spinner } from '@/components/Spinner';
import { useUser } from '@/lib/auth/user';
import { useUsers } from '../api/get-users';
import { UserRow } from './UserRow';

export function UsersTable() {
  const { t } = useTranslation();
  const me = useUser();
  const [page, setPage] = useState(1);
  const users = useUsers(page);

  if (users.isPending) return <Spinner label={t('users.loading')} />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <table className="users">
        <caption className="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auth.name')}</th>
            <th scope="col">{t('auth.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data.items.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === me.data?.id} />
          ))}
        </tbody>
      </table>
      <Pagination page={users.data.page} pages={users.data.pages} onPageChange={setPage} />
    </>
  );
}
