#!/usr/bin/env bash
# Restore a Tarefa backup made by scripts/backup.sh, then bring the schema up to date.
#
# Usage: scripts/restore.sh FILE [--force]
#
# 1. Verifies FILE against FILE.sha256 before touching the database.
# 2. Refuses a database that holds data (a row in any table but alembic_version) unless --force.
#    A database with the schema but no rows, e.g. freshly migrated by the backend's start-up, is empty.
# 3. pg_restore --clean --if-exists --no-owner --single-transaction: all or nothing.
# 4. Runs the migrations so that a backup of an older schema comes up to the current one.
#    Default: `backend/.venv/bin/flask --app app db upgrade`, run in backend/ with DATABASE_URL set
#    (the one given, or `postgresql://` with the PG* variables when POSTGRES_* were used).
#    RESTORE_MIGRATE_CMD replaces it (run with `bash -c` in the current directory, same environment),
#    e.g. inside the backend container: RESTORE_MIGRATE_CMD='flask --app app db upgrade'.
#    RESTORE_MIGRATE_CMD='' skips the step.
#
# With docker-compose.prod.yml (the backup container has no backend/.venv): stop the backend,
# restore without the migration step, and let the backend's entrypoint migrate as it starts:
#   docker compose -f docker-compose.prod.yml --env-file .env.prod stop backend
#   docker compose -f docker-compose.prod.yml --env-file .env.prod run --rm \
#       --entrypoint /scripts/restore.sh -e RESTORE_MIGRATE_CMD= backup /backups/FILE.dump --force
#   docker compose -f docker-compose.prod.yml --env-file .env.prod start backend
#
# Connection: the same variables as scripts/backup.sh (DATABASE_URL or POSTGRES_*); no password on
# any command line. The database must exist.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=/dev/null # backup.sh is checked on its own
source "$SCRIPT_DIR/backup.sh"

verify_checksum() {
    local file=$1 expected actual
    [[ -f $file ]] || die "no such backup file: $file"
    [[ -f $file.sha256 ]] || die "no checksum file $file.sha256: refusing an unverified backup"
    read -r expected _ <"$file.sha256" || die "unreadable checksum file $file.sha256"
    [[ $expected =~ ^[0-9a-f]{64}$ ]] || die "malformed checksum file $file.sha256"
    actual=$(sha256sum <"$file")
    actual=${actual%% *}
    [[ $actual == "$expected" ]] || die "checksum mismatch for $file: the backup is corrupt, nothing restored"
    log "checksum ok: $file"
}

# Print the tables (schema.name) that hold at least one row, alembic_version aside.
tables_with_rows() {
    psql --no-psqlrc --no-password --tuples-only --no-align --quiet \
        --set ON_ERROR_STOP=1 --file - <<'SQL'
SELECT format('SELECT %L FROM %I.%I LIMIT 1', schemaname || '.' || tablename, schemaname, tablename)
FROM pg_tables
WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
  AND tablename <> 'alembic_version'
ORDER BY schemaname, tablename
\gexec
SQL
}

run_migrations() {
    if [[ -n ${RESTORE_MIGRATE_CMD+set} ]]; then
        if [[ -z $RESTORE_MIGRATE_CMD ]]; then
            log "RESTORE_MIGRATE_CMD is empty: skipping migrations"
            return
        fi
        log "migrating: $RESTORE_MIGRATE_CMD"
        DATABASE_URL=${DATABASE_URL:-postgresql://} bash -c "$RESTORE_MIGRATE_CMD"
        return
    fi
    local backend_dir
    backend_dir=$(cd -- "$SCRIPT_DIR/../backend" && pwd)
    [[ -x $backend_dir/.venv/bin/flask ]] || die "no $backend_dir/.venv/bin/flask: set RESTORE_MIGRATE_CMD"
    log "migrating: flask --app app db upgrade (in $backend_dir)"
    (cd -- "$backend_dir" && DATABASE_URL=${DATABASE_URL:-postgresql://} .venv/bin/flask --app app db upgrade)
}

restore_main() {
    local file="" force=0 arg
    for arg in "$@"; do
        case $arg in
            --force) force=1 ;;
            -*) die "unknown option $arg (usage: ${0##*/} FILE [--force])" ;;
            *)
                [[ -z $file ]] || die "usage: ${0##*/} FILE [--force]"
                file=$arg
                ;;
        esac
    done
    [[ -n $file ]] || die "usage: ${0##*/} FILE [--force]"

    verify_checksum "$file"
    configure_connection

    local occupied
    occupied=$(tables_with_rows) || die "cannot inspect database '$PGDATABASE'"
    if [[ -n $occupied ]]; then
        if ((force == 0)); then
            die "database '$PGDATABASE' holds data (tables: ${occupied//$'\n'/, }); pass --force to replace it"
        fi
        log "--force: replacing the data of database '$PGDATABASE'"
    fi

    log "restoring $file into database '$PGDATABASE'"
    pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --no-password \
        --dbname="$PGDATABASE" "$file"
    run_migrations
    log "restore complete"
}

restore_main "$@"
