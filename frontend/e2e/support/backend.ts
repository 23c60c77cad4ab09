/**
 * Starts the real backend for the browser tests: a fresh PostgreSQL database, migrations,
 * and gunicorn on a free loopback port serving the built SPA. Everything is undone by stop().
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const backend = resolve(frontend, '..', 'backend');
const artifacts = join(frontend, 'e2e', 'artifacts');
const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: process.env.PGPORT ?? '5432',
  user: 'postgres',
};

export type Backend = {
  baseUrl: string;
  admin: { email: string; password: string };
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(),
      );
    });
  });
}

function pg(command: 'createdb' | 'dropdb', args: string[]): void {
  execFileSync(command, ['-h', PG.host, '-p', PG.port, '-U', PG.user, ...args], { stdio: 'pipe' });
}

async function waitUntilReady(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`gunicorn exited with ${child.exitCode}; see e2e/artifacts/backend.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(
    `${url} was not ready within ${deadlineMs / 1000} s; see e2e/artifacts/backend.log`,
  );
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    const pid = child.pid;
    if (child.exitCode !== null || pid === undefined) return resolveStop();
    // gunicorn runs in its own process group (detached), so its workers stop with it.
    const kill = setTimeout(() => process.kill(-pid, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolveStop();
    });
    process.kill(-pid, 'SIGTERM');
  });
}

export async function startBackend(): Promise<Backend> {
  const dist = join(frontend, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('frontend/dist is missing: run "npm run build" before "npm run e2e".');
  }
  mkdirSync(artifacts, { recursive: true });
  const database = `tarefa_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    pg('createdb', [database]);
  } catch (error) {
    throw new Error(
      `Cannot create a database on PostgreSQL at ${PG.host}:${PG.port} (start it?): ${String(error)}`,
    );
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = {
    email: `admin-${randomBytes(3).toString('hex')}@e2e.tarefa.test`,
    password: randomBytes(12).toString('hex'),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: 'testing',
    DATABASE_URL: `postgresql://${PG.user}@${PG.host}:${PG.port}/${database}`,
    SECRET_KEY: randomBytes(32).toString('hex'),
    JWT_SECRET_KEY: randomBytes(32).toString('hex'),
    RATELIMIT_AUTH: '1000 per minute',
    RATELIMIT_AI: '1000 per minute',
    SPA_DIST_DIR: dist,
    PUBLIC_URL: baseUrl,
    FIRST_ADMIN_EMAIL: admin.email,
    FIRST_ADMIN_PASSWORD: admin.password,
    AI_PROVIDER: 'offline',
    MAIL_BACKEND: 'console',
    LOG_LEVEL: 'WARNING',
    GUNICORN_WORKERS: '2',
    GUNICORN_ACCESS_LOG: '',
  };
  delete env.REDIS_URL;
  delete env.PROMETHEUS_MULTIPROC_DIR;

  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child) await stopProcess(child);
    pg('dropdb', ['--if-exists', '--force', database]);
  };
  try {
    execFileSync(join(backend, '.venv', 'bin', 'flask'), ['--app', 'app', 'db', 'upgrade'], {
      cwd: backend,
      env,
      stdio: 'pipe',
    });
    const log = createWriteStream(join(artifacts, 'backend.log'));
    child = spawn(
      join(backend, '.venv', 'bin', 'gunicorn'),
      ['wsgi:app', '--bind', `127.0.0.1:${port}`, '--no-control-socket'],
      { cwd: backend, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    await waitUntilReady(`${baseUrl}/health/ready`, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, admin, stop };
}
