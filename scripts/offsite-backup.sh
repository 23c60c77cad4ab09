#!/bin/sh
# Copy the local backups off the host: an encrypted restic snapshot of BACKUP_DIR in any
# restic repository (an S3-compatible bucket: AWS S3, MinIO, Backblaze B2, Wasabi…), then
# retention, then a quick integrity check. POSIX sh: it runs in the restic image.
#
# Usage: offsite-backup.sh BACKUP_DIR
# Environment:
#   RESTIC_REPOSITORY                  e.g. s3:https://s3.eu-west-1.amazonaws.com/bucket/tarefa
#   RESTIC_PASSWORD or RESTIC_PASSWORD_FILE    the repository's encryption key (keep a copy
#                                      elsewhere: without it the copies cannot be read)
#   AWS_ACCESS_KEY_ID[_FILE], AWS_SECRET_ACCESS_KEY[_FILE]   the bucket's credentials
#   OFFSITE_KEEP_LAST (14), OFFSITE_KEEP_WITHIN (30d)  keep the N newest snapshots and every
#                                      snapshot younger than the duration; 0 / empty turns a rule off
#   OFFSITE_METRICS_FILE               optional node-exporter textfile for
#                                      tarefa_offsite_backup_last_success_timestamp_seconds
# The repository is created on first use. Exit status 0 only when the snapshot, the
# retention and the check all succeeded.
set -eu

if [ "$#" -ne 1 ]; then
    echo "usage: $0 BACKUP_DIR" >&2
    exit 2
fi
backup_dir="$1"
[ -d "$backup_dir" ] || { echo "$0: $backup_dir is not a directory" >&2; exit 1; }
: "${RESTIC_REPOSITORY:?set RESTIC_REPOSITORY (e.g. s3:https://host/bucket/path)}"

# *_FILE variants keep the keys out of the container's environment (docker inspect).
for name in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY; do
    file_var="${name}_FILE"
    eval "file=\${$file_var:-}"
    if [ -n "$file" ]; then
        value="$(cat "$file")"
        export "$name=$value"
    fi
done
if [ -z "${RESTIC_PASSWORD:-}" ] && [ -z "${RESTIC_PASSWORD_FILE:-}" ]; then
    echo "$0: set RESTIC_PASSWORD_FILE (or RESTIC_PASSWORD)" >&2
    exit 1
fi

tag=tarefa-backups
if ! restic cat config >/dev/null 2>&1; then
    echo "initialising the restic repository $RESTIC_REPOSITORY" >&2
    restic init
fi

# Only complete backups: backup.sh writes dot-prefixed temporary files and renames them.
restic backup --quiet --host tarefa --tag "$tag" --exclude '.*' "$backup_dir"

keep=""
[ "${OFFSITE_KEEP_LAST:-14}" != "0" ] && keep="$keep --keep-last ${OFFSITE_KEEP_LAST:-14}"
[ -n "${OFFSITE_KEEP_WITHIN-30d}" ] && [ "${OFFSITE_KEEP_WITHIN-30d}" != "0" ] \
    && keep="$keep --keep-within ${OFFSITE_KEEP_WITHIN-30d}"
if [ -n "$keep" ]; then
    # shellcheck disable=SC2086 # $keep holds separate options
    restic forget --quiet --host tarefa --tag "$tag" --prune $keep
fi
restic check --quiet

if [ -n "${OFFSITE_METRICS_FILE:-}" ]; then
    tmp="${OFFSITE_METRICS_FILE}.tmp"
    {
        echo "# HELP tarefa_offsite_backup_last_success_timestamp_seconds Last complete off-site copy."
        echo "# TYPE tarefa_offsite_backup_last_success_timestamp_seconds gauge"
        echo "tarefa_offsite_backup_last_success_timestamp_seconds $(date +%s)"
    } >"$tmp"
    mv "$tmp" "$OFFSITE_METRICS_FILE"
fi
echo "off-site copy of $backup_dir done"
