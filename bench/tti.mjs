// Time to interactive of the task list in headless Chromium (playwright-core from frontend/).
//
//   TTI_URL=http://127.0.0.1:PORT TTI_EMAIL=... TTI_PASSWORD=... node bench/tti.mjs
//
// Logs in once through the UI, then measures navigation start -> first task of the list visible
// (performance.now() at the animation frame where `ul.task-list li.task` is first rendered):
// "cold" in a fresh browser context logged in through the API (session cookies, empty HTTP cache),
// and "warm" by navigating again in the context logged in through the UI. Prints one JSON line; exits non-zero on any failure.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'frontend', 'package.json'));
const { chromium } = require('playwright-core');

const url = process.env.TTI_URL;
const runs = Number(process.env.TTI_RUNS ?? '5');
const TASK = 'ul.task-list li.task';
const TIMEOUT = 20_000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function taskListVisibleAt(page) {
  const handle = await page.waitForFunction(
    (selector) => {
      const item = document.querySelector(selector);
      return item && item.getClientRects().length > 0 ? performance.now() : false;
    },
    TASK,
    { polling: 'raf', timeout: TIMEOUT },
  );
  return handle.jsonValue();
}

async function logIn(context) {
  const page = await context.newPage();
  await page.goto(`${url}/`, { timeout: TIMEOUT });
  await page.locator('input[type=email]').fill(process.env.TTI_EMAIL, { timeout: TIMEOUT });
  await page.locator('input[type=password]').fill(process.env.TTI_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator(TASK).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  return page;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext();
  const page = await logIn(context);
  const cold = [];
  for (let run = 0; run < runs; run += 1) {
    // A session of its own: refresh tokens rotate, and replaying one would revoke its family.
    const fresh = await browser.newContext();
    const login = await fresh.request.post(`${url}/api/auth/login`, {
      data: { email: process.env.TTI_EMAIL, password: process.env.TTI_PASSWORD },
    });
    if (!login.ok()) throw new Error(`login answered ${login.status()}`);
    const freshPage = await fresh.newPage();
    await freshPage.goto(`${url}/`, { waitUntil: 'commit', timeout: TIMEOUT });
    cold.push(await taskListVisibleAt(freshPage));
    await fresh.close();
  }
  const warm = [];
  for (let run = 0; run < runs; run += 1) {
    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: TIMEOUT });
    warm.push(await taskListVisibleAt(page));
  }
  console.log(JSON.stringify({ runs, cold_ms: median(cold), warm_ms: median(warm), cold, warm }));
} finally {
  await browser.close();
}
