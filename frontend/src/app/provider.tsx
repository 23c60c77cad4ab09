import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Spinner } from '@/components/Spinner';
import i18n from '@/i18n';
import { createQueryClient } from './query-client';

type AppProviderProps = { children: ReactNode; queryClient?: QueryClient };

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  // Answers carry words in the language they were asked in (recurrence rules): ask again.
  useEffect(() => {
    const refetch = () => void client.invalidateQueries();
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [client]);
  return (
    <QueryClientProvider client={client}>
      <Suspense fallback={<Spinner fullPage />}>{children}</Suspense>
    </QueryClientProvider>
  );
}
