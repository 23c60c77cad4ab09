/**
 * Starts the real stack for the browser tests with scripts/stack.sh, the one way the native
 * stack is started (`make stack`, the backend's stack tests and the benchmarks use it too):
 * Nginx on a free loopback port in front of gunicorn, a fresh PostgreSQL database, Redis and
 * a job worker, serving the built SPA. stop() takes it down, keeps its logs in
 * e2e/artifacts/stack-logs and drops the database.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stackScript = resolve(frontend, '..', 'scripts', 'stack.sh');
const stackLogs = join(frontend, 'e2e', 'artifacts', 'stack-logs');
const pgServer = process.env.STACK_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
// Settings of the caller that must not reach the stack's backends.
const LEAKY =
  /^(DATABASE_URL|REDIS_URL|SECRET_KEY|JWT_SECRET_KEY|APP_ENV|PROMETHEUS_MULTIPROC_DIR|STACK_)/;

export type Backend = {
  baseUrl: string;
  admin: { email: string; password: string };
  stop: () => Promise<void>;
};

function stack(command: 'up' | 'down', env: NodeJS.ProcessEnv): void {
  execFileSync(stackScript, [command], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

function dropDatabase(name: string): void {
  execFileSync('psql', [
    `${pgServer}/postgres`,
    '-Xqc',
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
  ]);
}

export async function startBackend(): Promise<Backend> {
  const dist = join(frontend, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('frontend/dist is missing: run "npm run build" before "npm run e2e".');
  }
  const stackDir = mkdtempSync(join(tmpdir(), 'tarefa-e2e-'));
  const database = `tarefa_e2e_${randomBytes(5).toString('hex')}`;
  const admin = {
    email: `admin-${randomBytes(3).toString('hex')}@e2e.tarefa.test`,
    password: randomBytes(12).toString('hex'),
  };
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !LEAKY.test(key)),
  );
  Object.assign(env, {
    STACK_DIR: stackDir,
    STACK_PORT: '0',
    STACK_DB_NAME: database,
    STACK_PG_URL: pgServer,
    STACK_SPA_DIR: dist,
    FIRST_ADMIN_EMAIL: admin.email,
    FIRST_ADMIN_PASSWORD: admin.password,
    AI_PROVIDER: 'offline',
    // Every test registers and logs in from 127.0.0.1: lift the per-IP limits for this run.
    RATELIMIT_AUTH: '1000 per minute',
    RATELIMIT_AI: '1000 per minute',
    RATELIMIT_AI_OFFLINE: '1000 per minute',
  });

  const stop = async () => {
    try {
      stack('down', env);
      if (existsSync(join(stackDir, 'logs'))) {
        cpSync(join(stackDir, 'logs'), stackLogs, { recursive: true });
      }
    } finally {
      dropDatabase(database);
      rmSync(stackDir, { recursive: true, force: true });
    }
  };
  try {
    stack('up', env);
  } catch (error) {
    await stop();
    throw new Error(
      `scripts/stack.sh up failed (its logs: e2e/artifacts/stack-logs): ${String(error)}`,
    );
  }
  const port = readFileSync(join(stackDir, 'run', 'nginx.port'), 'utf8').trim();
  return { baseUrl: `http://127.0.0.1:${port}`, admin, stop };
}
