#!/usr/bin/env bash
# Restore drill: prove a backup can be restored, without touching the real database.
#
# Usage: scripts/restore-drill.sh [FILE]
#   FILE defaults to the newest *.dump in BACKUP_DIR (default ./backups).
# 1. creates a scratch database <db>_drill_<UTC time> on the same server (DATABASE_URL or
#    POSTGRES_*, as scripts/backup.sh), restores FILE into it with scripts/restore.sh
#    (checksum verified first, no migrations: the data as it was dumped),
# 2. counts the rows of every table in the dump itself (its COPY blocks),
# 3. counts the rows of every table in the scratch database and compares,
# 4. drops the scratch database (DRILL_KEEP=1 keeps it for inspection).
# Exit status 0 only when every table has the dumped number of rows.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=/dev/null # backup.sh is checked on its own
source "$SCRIPT_DIR/backup.sh"

# "schema.table count" for each table's data in the dump (one COPY line per row).
dumped_counts() {
    pg_restore --data-only --file=- "$1" | awk '
        /^COPY / { table = $2; rows = 0; inside = 1; next }
        inside && /^\\\.$/ { print table, rows; inside = 0; next }
        inside { rows++ }
    '
}

drill_main() {
    [[ $# -le 1 ]] || die "usage: ${0##*/} [FILE]"
    local dir=${BACKUP_DIR:-./backups} file=${1:-}
    if [[ -z $file ]]; then
        file=$(find "$dir" -maxdepth 1 -type f -name '*.dump' -printf '%T@ %p\n' 2>/dev/null \
            | sort -n | tail -n 1 | cut -d' ' -f2-)
        [[ -n $file ]] || die "no backup (*.dump) in $dir"
    fi
    [[ -f $file ]] || die "no such backup file: $file"
    configure_connection
    local source_db=$PGDATABASE scratch
    scratch="${source_db//[^A-Za-z0-9_]/_}"
    scratch="${scratch:0:40}_drill_$(date -u +%Y%m%d%H%M%S)"

    psql --no-psqlrc --no-password --quiet --set ON_ERROR_STOP=1 \
        --command "CREATE DATABASE \"$scratch\"" >/dev/null
    if [[ ${DRILL_KEEP:-0} != 1 ]]; then
        # shellcheck disable=SC2064 # expand now: the name is fixed
        trap "psql --no-psqlrc --no-password --quiet --dbname='$source_db' \
            --command 'DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)' >/dev/null" EXIT
    fi
    log "restoring $file into scratch database '$scratch'"
    env -u DATABASE_URL POSTGRES_DB="$scratch" RESTORE_MIGRATE_CMD= \
        "$SCRIPT_DIR/restore.sh" "$file" >&2

    # After the restore, which verified the checksum first: counts from a file known intact.
    local expected
    expected=$(dumped_counts "$file") || die "cannot read $file"
    [[ -n $expected ]] || die "$file holds no table data"

    local table want got failed=0
    printf '%-40s %12s %12s\n' table dumped restored
    while read -r table want; do
        got=$(psql --no-psqlrc --no-password --tuples-only --no-align --dbname="$scratch" \
            --set ON_ERROR_STOP=1 --command "SELECT count(*) FROM $table")
        printf '%-40s %12s %12s\n' "$table" "$want" "$got"
        [[ $got == "$want" ]] || failed=1
    done <<<"$expected"
    ((failed == 0)) || die "restore drill FAILED: row counts differ"
    log "restore drill passed: $(wc -l <<<"$expected") tables, every row restored"
}

drill_main "$@"
