import { startBackend } from './support/backend';

/** Without BASE_URL, start our own stack (scripts/stack.sh); the returned function is Playwright's teardown. */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.BASE_URL) {
    if (!process.env.E2E_ADMIN_EMAIL || !process.env.E2E_ADMIN_PASSWORD) {
      throw new Error(
        "With BASE_URL, set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD (the stack's FIRST_ADMIN_*).",
      );
    }
    return undefined;
  }
  const backend = await startBackend();
  process.env.BASE_URL = backend.baseUrl;
  process.env.E2E_ADMIN_EMAIL = backend.admin.email;
  process.env.E2E_ADMIN_PASSWORD = backend.admin.password;
  console.log(`e2e backend: ${backend.baseUrl}`);
  return backend.stop;
}
