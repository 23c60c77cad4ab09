/** A test fixture for specs that start signed in: the account is made and logged in through the API. */
import {
  createTask,
  logIn,
  newAccount,
  register,
  test as base,
  type Account,
  type SeedTask,
} from './fixtures';

export type SignedIn = {
  account: Account;
  /** The API's access token, for seeding more data. */
  token: string;
  /** Creates the tasks in order (the last one is the newest) and returns their ids. */
  seedTasks: (tasks: SeedTask[]) => Promise<number[]>;
};

/** Automatic: every test of a spec that imports this starts signed in, on a page at no URL yet. */
export const test = base.extend<{ signedIn: SignedIn }>({
  signedIn: [
    async ({ page, request }, use) => {
      const account = newAccount();
      await register(request, account);
      // page.request shares the browser context, so the refresh cookie signs the page in.
      const token = await logIn(page.request, account);
      const seedTasks = async (tasks: SeedTask[]) => {
        const ids: number[] = [];
        for (const task of tasks) ids.push(await createTask(request, token, task));
        return ids;
      };
      await use({ account, token, seedTasks });
    },
    { auto: true },
  ],
});

export { expect, saveScreenshot } from './fixtures';
