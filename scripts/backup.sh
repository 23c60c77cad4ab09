#!/usr/bin/env bash
# Back up the Tarefa PostgreSQL database.
#
# Usage: scripts/backup.sh
#
# Writes BACKUP_DIR/<database>-<UTC timestamp>.dump (pg_dump custom format) and a SHA-256 sidecar
# <file>.sha256 in `sha256sum` format, then applies retention. Prints the new file's path on stdout.
#
# Connection: DATABASE_URL (postgresql://user:password@host:port/dbname?sslmode=...), or else
# POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB. DATABASE_URL_FILE,
# POSTGRES_PASSWORD_FILE (and DATABASE_PASSWORD_FILE, the backend's) name files holding the value
# instead (Compose secrets), trailing newline dropped; a variable and its _FILE together stop the
# script. DATABASE_PASSWORD (or its file) replaces any password in DATABASE_URL. The URL is split into
# libpq variables (PGHOST, PGPASSWORD, ...) so that no password ever appears on a command line
# (visible in `ps`); without a password, libpq reads ~/.pgpass or PGPASSFILE.
#
# BACKUP_DIR        where backups go (default ./backups)
# BACKUP_KEEP       keep at most this many backups of the database, newest by name (default 7; 0: no limit)
# BACKUP_KEEP_DAYS  delete backups whose file is older than this many days (default 30; 0: no limit)
# The backup just written is never deleted by retention.
#
# Atomicity: the dump goes to a hidden temporary file in BACKUP_DIR and is renamed only once pg_dump
# succeeded and the archive lists cleanly; on any failure or signal the temporary files are removed and
# the exit status is non-zero. restore.sh sources this file for the connection helpers.
set -euo pipefail

log() {
    printf '%s %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${0##*/}" "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}

# Decode %XX escapes of a URL component (bytes, so UTF-8 survives).
url_decode() {
    local value=${1//\\/\\\\}
    printf '%b' "${value//%/\\x}"
}

# Export the libpq variables for a postgresql:// URL. Query parameters that libpq knows as variables
# are mapped; any other one stops the script rather than being silently ignored.
export_pg_env_from_url() {
    local url=$1 rest authority path query userinfo hostport
    [[ $url =~ ^postgres(ql)?(\+[a-z0-9]+)?:// ]] || die "DATABASE_URL is not a postgresql:// URL"
    rest=${url#*://}
    query=""
    if [[ $rest == *\?* ]]; then
        query=${rest#*\?}
        rest=${rest%%\?*}
    fi
    authority=${rest%%/*}
    path=""
    [[ $rest == */* ]] && path=${rest#*/}
    if [[ $authority == *@* ]]; then
        userinfo=${authority%@*}
        hostport=${authority##*@}
        if [[ $userinfo == *:* ]]; then
            PGPASSWORD=$(url_decode "${userinfo#*:}")
            export PGPASSWORD
        fi
        PGUSER=$(url_decode "${userinfo%%:*}")
        export PGUSER
    else
        hostport=$authority
    fi
    if [[ $hostport =~ ^\[([^]]+)\](:([0-9]+))?$ ]]; then
        export PGHOST=${BASH_REMATCH[1]}
        [[ -n ${BASH_REMATCH[3]} ]] && export PGPORT=${BASH_REMATCH[3]}
    elif [[ $hostport == *:* ]]; then
        export PGHOST=${hostport%%:*} PGPORT=${hostport##*:}
    elif [[ -n $hostport ]]; then
        export PGHOST=$hostport
    fi
    if [[ -n $path ]]; then
        PGDATABASE=$(url_decode "$path")
        export PGDATABASE
    fi
    local param key value
    local -a params
    IFS='&' read -ra params <<<"$query"
    for param in "${params[@]}"; do
        key=${param%%=*}
        value=$(url_decode "${param#*=}")
        case $key in
            sslmode) export PGSSLMODE=$value ;;
            sslrootcert) export PGSSLROOTCERT=$value ;;
            connect_timeout) export PGCONNECT_TIMEOUT=$value ;;
            application_name) export PGAPPNAME=$value ;;
            host) export PGHOST=$value ;;
            *) die "unsupported parameter '$key' in DATABASE_URL" ;;
        esac
    done
}

# NAME from the file named by NAME_FILE, when that is set (the convention of the official
# PostgreSQL image and of the backend's settings). The value is not exported.
file_env() {
    local name=$1 file_var="${1}_FILE" value
    [[ -n ${!file_var:-} ]] || return 0
    [[ -z ${!name:-} ]] || die "$name and $file_var are both set; keep one"
    [[ -f ${!file_var} && -r ${!file_var} ]] || die "$file_var: cannot read ${!file_var}"
    value=$(<"${!file_var}")
    # $(<file) already drops trailing newlines; a CRLF file leaves a carriage return.
    value=${value%$'\r'}
    printf -v "$name" '%s' "$value"
}

# Set PG* variables from DATABASE_URL or POSTGRES_*; libpq defaults fill in the rest.
configure_connection() {
    local DATABASE_PASSWORD=${DATABASE_PASSWORD:-}
    file_env DATABASE_URL
    file_env POSTGRES_PASSWORD
    file_env DATABASE_PASSWORD
    if [[ -n ${DATABASE_URL:-} ]]; then
        export_pg_env_from_url "$DATABASE_URL"
        [[ -z $DATABASE_PASSWORD ]] || export PGPASSWORD=$DATABASE_PASSWORD
    elif [[ -n ${POSTGRES_DB:-} ]]; then
        export PGDATABASE=$POSTGRES_DB
        [[ -n ${POSTGRES_HOST:-} ]] && export PGHOST=$POSTGRES_HOST
        [[ -n ${POSTGRES_PORT:-} ]] && export PGPORT=$POSTGRES_PORT
        [[ -n ${POSTGRES_USER:-} ]] && export PGUSER=$POSTGRES_USER
        [[ -n ${POSTGRES_PASSWORD:-} ]] && export PGPASSWORD=$POSTGRES_PASSWORD
    else
        die "set DATABASE_URL or POSTGRES_DB (with POSTGRES_HOST/PORT/USER/PASSWORD)"
    fi
    [[ -n ${PGDATABASE:-} ]] || die "no database name in DATABASE_URL"
    # Never prompt: a cron job or a test must fail instead of waiting for a password.
    export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
}

require_count() {
    local name=$1 value=$2
    [[ $value =~ ^[0-9]+$ ]] || die "$name must be a whole number, got '$value'"
}

# Name backups after the database, with characters that are safe in file names.
backup_basename() {
    local name=${PGDATABASE//[^A-Za-z0-9_.-]/_}
    printf '%s' "$name"
}

BACKUP_TMP_FILES=()

remove_temporary_files() {
    local file
    for file in "${BACKUP_TMP_FILES[@]}"; do
        rm -f -- "$file"
    done
}

apply_retention() {
    local dir=$1 base=$2 newest=$3 keep=$4 keep_days=$5 file
    local stamp='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z'
    local -a backups=() expired=()
    shopt -s nullglob
    # shellcheck disable=SC2206 # $stamp is a glob pattern and must stay unquoted
    backups=("$dir/$base-"$stamp.dump)
    shopt -u nullglob
    # Glob results are sorted by name, which is chronological for this timestamp format.
    if ((keep > 0 && ${#backups[@]} > keep)); then
        expired+=("${backups[@]:0:${#backups[@]}-keep}")
    fi
    if ((keep_days > 0)); then
        while IFS= read -r -d '' file; do
            expired+=("$file")
        done < <(find "$dir" -maxdepth 1 -type f -name "$base-$stamp.dump" \
            -mmin "+$((keep_days * 24 * 60))" -print0)
    fi
    for file in "${expired[@]}"; do
        [[ $file -ef $newest ]] && continue
        if [[ -e $file ]]; then
            log "retention: removing $file"
            rm -f -- "$file" "$file.sha256"
        fi
    done
}

main() {
    (($# == 0)) || die "usage: ${0##*/} (configured through the environment, see the header)"
    local dir=${BACKUP_DIR:-./backups} keep=${BACKUP_KEEP:-7} keep_days=${BACKUP_KEEP_DAYS:-30}
    require_count BACKUP_KEEP "$keep"
    require_count BACKUP_KEEP_DAYS "$keep_days"
    configure_connection
    mkdir -p -- "$dir"

    local base stamp target tmp_dump tmp_sum digest
    base=$(backup_basename)
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    target="$dir/$base-$stamp.dump"
    # One backup per second and database: wait for the next second rather than overwrite.
    while [[ -e $target ]]; do
        sleep 1
        stamp=$(date -u +%Y%m%dT%H%M%SZ)
        target="$dir/$base-$stamp.dump"
    done

    trap remove_temporary_files EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    tmp_dump=$(mktemp "$dir/.$base-$stamp.dump.XXXXXX")
    BACKUP_TMP_FILES+=("$tmp_dump")
    tmp_sum=$(mktemp "$dir/.$base-$stamp.sha256.XXXXXX")
    BACKUP_TMP_FILES+=("$tmp_sum")

    log "dumping database '$PGDATABASE' to $target"
    pg_dump --format=custom --no-password >"$tmp_dump"
    # A truncated or foreign archive fails to list: catch it before it replaces anything.
    pg_restore --list "$tmp_dump" >/dev/null || die "pg_dump produced an unreadable archive"

    digest=$(sha256sum <"$tmp_dump")
    printf '%s  %s\n' "${digest%% *}" "${target##*/}" >"$tmp_sum"
    chmod 0600 "$tmp_dump" "$tmp_sum"
    # The sidecar lands first, so a complete .dump always has its checksum next to it.
    BACKUP_TMP_FILES+=("$target.sha256")
    mv -f -- "$tmp_sum" "$target.sha256"
    mv -- "$tmp_dump" "$target"
    BACKUP_TMP_FILES=()

    apply_retention "$dir" "$base" "$target" "$keep" "$keep_days"
    log "done: $target ($(wc -c <"$target") bytes)"
    printf '%s\n' "$target"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    main "$@"
fi
