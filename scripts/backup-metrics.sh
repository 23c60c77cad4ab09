#!/usr/bin/env bash
# Write the backups' Prometheus metrics as a node-exporter textfile:
#   tarefa_backup_files                      complete backups (*.dump) in BACKUP_DIR
#   tarefa_backup_newest_timestamp_seconds   when the newest one was completed (its mtime)
# Usage: backup-metrics.sh BACKUP_DIR OUTPUT_FILE
# The file is replaced atomically, so node-exporter never reads half of it. The monitoring
# profile's backup-age service runs this every minute; BackupTooOld alerts past 26 hours.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 BACKUP_DIR OUTPUT_FILE" >&2
    exit 2
fi
backup_dir="$1"
output="$2"
[[ -d "$backup_dir" ]] || { echo "$0: $backup_dir is not a directory" >&2; exit 1; }

# backup.sh writes to a temporary name and renames a complete dump to *.dump.
count=0
newest=""
while IFS= read -r mtime; do
    count=$((count + 1))
    if [[ -z "$newest" || "$mtime" -gt "$newest" ]]; then
        newest="$mtime"
    fi
done < <(find "$backup_dir" -maxdepth 1 -type f -name '*.dump' -printf '%T@\n' | cut -d. -f1)

tmp="$(mktemp "${output}.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
{
    echo "# HELP tarefa_backup_files Complete backup files in the backups directory."
    echo "# TYPE tarefa_backup_files gauge"
    echo "tarefa_backup_files $count"
    if [[ -n "$newest" ]]; then
        echo "# HELP tarefa_backup_newest_timestamp_seconds Completion time of the newest backup."
        echo "# TYPE tarefa_backup_newest_timestamp_seconds gauge"
        echo "tarefa_backup_newest_timestamp_seconds $newest"
    fi
} >"$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$output"
trap - EXIT
