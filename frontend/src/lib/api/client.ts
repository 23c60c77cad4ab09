import createClient from 'openapi-fetch';
import { env } from '@/config/env';
import { currentLanguage } from '@/i18n';
import type { paths } from './schema';
import { authFetch } from './session';

/** The typed API client every feature's fetchers go through. */
export const api = createClient<paths>({ baseUrl: env.API_URL, fetch: authFetch });

// The app's language, not the browser's: quick-add lines without telling words and rules in
// words ("Toda segunda-feira") follow what the person chose.
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
});
