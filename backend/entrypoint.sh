#!/bin/sh
# Container (and native stack) entrypoint for the Tarefa backend.
#
# 1. waits for the database (bounded: DB_WAIT_TIMEOUT seconds, default 60),
# 2. applies the committed migrations under a PostgreSQL advisory lock, so that
#    replicas starting together never race (scripts/migrate_with_lock.py),
# 3. replaces itself with the command given (default: gunicorn with gunicorn.conf.py).
#
# MIGRATE_ON_START=false skips step 1 and 2 (e.g. when a release job migrates).
# It never generates migrations.
set -eu

cd "$(dirname "$0")"

if [ "${MIGRATE_ON_START:-true}" = "true" ]; then
    python scripts/migrate_with_lock.py --wait-timeout "${DB_WAIT_TIMEOUT:-60}"
fi

if [ "$#" -eq 0 ]; then
    set -- gunicorn --config gunicorn.conf.py
fi
exec "$@"
