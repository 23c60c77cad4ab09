import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useLocation, useSearch } from '@/lib/router';
import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';

function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

/** Shows the current URL (as the address bar has it) so tests can assert where navigation went. */
function LocationProbe() {
  // Subscribed to wouter for the re-render; the text is the URL before wouter's decodeURI.
  useLocation();
  useSearch();
  return (
    <output data-testid="location">{`${window.location.pathname}${window.location.search}`}</output>
  );
}

/** The app runs on the browser's history (jsdom's here): each render starts at `url`, no state. */
function visit(url: string) {
  window.history.replaceState(null, '', url);
}

/** The whole app (routes, guards, layout) at a URL, with a fresh cache. */
export function renderApp(url = '/') {
  const user = userEvent.setup();
  const queryClient = createTestQueryClient();
  visit(url);
  const result = render(
    <AppProvider queryClient={queryClient}>
      <AppRoutes />
      <LocationProbe />
    </AppProvider>,
  );
  return { user, queryClient, ...result };
}

/** One component with providers and a router, for focused tests. */
export function renderWithProviders(ui: ReactNode, url = '/') {
  const user = userEvent.setup();
  const queryClient = createTestQueryClient();
  visit(url);
  const result = render(
    <AppProvider queryClient={queryClient}>
      {ui}
      <LocationProbe />
    </AppProvider>,
  );
  return { user, queryClient, ...result };
}
