import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Spinner } from '@/components/Spinner';
import { ThemeSwitcher } from '@/components/ThemeSwitcher';

/** The signed-out shell: a centred card, with language and theme still at hand. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="auth__header">
        <p className="brand">Tarefa</p>
        <div className="header__tools">
          <LanguageSwitcher />
          <ThemeSwitcher />
        </div>
      </header>
      <OfflineBanner />
      <main id="main" className="auth__card">
        <p className="auth__tagline">{t('auth.tagline')}</p>
        <Suspense fallback={<Spinner />}>{children}</Suspense>
      </main>
    </div>
  );
}
