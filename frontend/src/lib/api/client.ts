import createClient from 'openapi-fetch';
import { env } from '@/config/env';
import type { paths } from './schema';
import { authFetch } from './session';

/** The typed API client every feature's fetchers go through. */
export const api = createClient<paths>({ baseUrl: env.API_URL, fetch: authFetch });
