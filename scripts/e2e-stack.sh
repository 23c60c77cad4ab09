#!/usr/bin/env bash
# Browser tests through the production shape. Playwright's global setup
# (frontend/e2e/support/backend.ts) starts a private native stack with scripts/stack.sh
# (Nginx -> gunicorn -> a fresh PostgreSQL database, Redis) on a free port, and takes it
# down and drops its database afterwards; the stack's logs stay in
# frontend/e2e/artifacts/stack-logs. `npm run e2e` in frontend/ does the same.
#
#   scripts/e2e-stack.sh [playwright arguments...]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root/frontend"
# A BASE_URL from the caller would point the tests at another server instead.
unset BASE_URL E2E_ADMIN_EMAIL E2E_ADMIN_PASSWORD
exec npx playwright test "$@"
