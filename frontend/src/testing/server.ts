import { setupServer } from 'msw/node';

/** Every test declares the API answers it expects; anything else fails the test. */
export const server = setupServer();
