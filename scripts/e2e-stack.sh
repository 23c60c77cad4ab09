#!/usr/bin/env bash
# Browser tests through the production shape: a private native stack (Nginx -> gunicorn ->
# a fresh PostgreSQL database, Redis) on a free port, torn down and dropped afterwards.
#
#   scripts/e2e-stack.sh [playwright arguments...]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="$repo_root/backend/.venv/bin/python"
pg_url="${STACK_PG_URL:-postgresql://postgres@127.0.0.1:5432}"

STACK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tarefa-e2e.XXXXXX")"
STACK_PORT="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
STACK_DB_NAME="tarefa_e2e_$("$python" -c 'import secrets; print(secrets.token_hex(5))')"
admin_password="$("$python" -c 'import secrets; print(secrets.token_urlsafe(18))')"
export STACK_DIR STACK_PORT STACK_DB_NAME STACK_PG_URL="$pg_url"
export FIRST_ADMIN_EMAIL="admin@e2e.tarefa.test" FIRST_ADMIN_PASSWORD="$admin_password"
# Every test registers and logs in from 127.0.0.1: lift the per-IP limits for this run only.
export RATELIMIT_AUTH="1000 per minute" RATELIMIT_AI="1000 per minute" RATELIMIT_AI_OFFLINE="1000 per minute"

cleanup() {
    local status=$?
    if [[ $status -ne 0 ]]; then
        echo "e2e-stack: failed; the stack's logs:" >&2
        tail -n 50 "$STACK_DIR"/logs/*.log >&2 2>/dev/null || true
    fi
    "$repo_root/scripts/stack.sh" down >/dev/null 2>&1 || true
    psql "$pg_url/postgres" -Xqc "DROP DATABASE IF EXISTS \"$STACK_DB_NAME\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$STACK_DIR"
}
trap cleanup EXIT

STACK_SPA_DIR="$repo_root/frontend/dist" "$repo_root/scripts/stack.sh" up
cd "$repo_root/frontend"
BASE_URL="http://127.0.0.1:$STACK_PORT" E2E_ADMIN_EMAIL="$FIRST_ADMIN_EMAIL" \
    E2E_ADMIN_PASSWORD="$FIRST_ADMIN_PASSWORD" npx playwright test "$@"
