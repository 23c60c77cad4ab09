#!/usr/bin/env node
/**
 * JavaScript size budget of the production build (run `npm run build` first).
 * "initial" = the entry chunk and every chunk it imports statically (what index.html loads);
 * each route adds its lazy chunk and that chunk's own static imports, and the pages behind the
 * login also the signed-in shell (AppLayout) and its imports: the total is what that page loads.
 * Sizes in KiB (1,024 bytes). Exits non-zero when the initial JavaScript is over BUDGET_KB
 * (default 110, issue 10's budget) gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run "npm run build" first.`);
  process.exit(2);
}
const budgetKb = Number(process.env.BUDGET_KB ?? 110);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const child of manifest[key].imports ?? []) staticClosure(child, seen);
  return seen;
}

const sum = (keys) => [...keys].reduce((total, key) => total + gzipped(manifest[key].file), 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = staticClosure(entry);
const initialBytes = sum(initial);

console.log(
  `initial JS (entry + static imports): ${kb(initialBytes)} KiB gzipped (budget ${budgetKb} KiB)`,
);
const shell = 'src/app/layout/AppLayout.tsx';
const signedOut = ['login', 'register', 'forgot-password', 'reset-password'];
const routes = Object.keys(manifest).filter((key) => key.startsWith('src/app/routes/'));
for (const route of routes.sort()) {
  const behindLogin = !signedOut.some((name) => route.endsWith(`/${name}.tsx`));
  const page = behindLogin ? staticClosure(shell, staticClosure(route)) : staticClosure(route);
  const extra = [...page].filter((key) => !initial.has(key));
  const name = route.replace('src/app/routes/', '').replace(/\.tsx$/, '');
  console.log(
    `  ${name.padEnd(16)} +${kb(sum(extra)).padStart(5)} KiB → ${kb(initialBytes + sum(extra))} KiB`,
  );
}

if (initialBytes / 1024 > budgetKb) {
  console.error(`Over budget by ${kb(initialBytes - budgetKb * 1024)} KiB.`);
  process.exit(1);
}
