import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from '@/lib/router';
import { safeNext } from '@/config/paths';
import { RegisterForm } from '@/features/auth/components/RegisterForm';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function RegisterRoute() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const next = params.get('next');
  useDocumentTitle(t('auth.registerTitle'));
  return <RegisterForm next={next} onSuccess={() => navigate(safeNext(next), { replace: true })} />;
}
