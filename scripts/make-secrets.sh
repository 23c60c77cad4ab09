#!/usr/bin/env bash
# Create the secret files docker-compose.prod.yml mounts as Compose secrets.
#
# Usage: scripts/make-secrets.sh [DIR]      (default: $SECRETS_DIR, else ./secrets)
#
# Missing files only: an existing file is never changed, so running it again is safe.
#   postgres_password redis_password secret_key jwt_secret_key grafana_admin_password
#       random (`openssl rand -hex 32`: hex, so no character needs escaping anywhere)
#   mail_password ai_api_key first_admin_password
#       empty (the setting stays unset); write the value in when you need it
#   redis_exporter_passwords.json
#       always rewritten from redis_password, in the JSON form redis_exporter reads
#
# DIR is made mode 700: it is what keeps other users of the host out. The files are mode 644
# because Compose (without Swarm) bind-mounts them as they are, and each image reads them
# as its own user (postgres, uid 10001 for the backend, grafana, nobody for the exporters).
set -euo pipefail

GENERATED=(postgres_password redis_password secret_key jwt_secret_key grafana_admin_password)
OPTIONAL=(mail_password ai_api_key first_admin_password)

die() {
    printf '%s: error: %s\n' "${0##*/}" "$*" >&2
    exit 1
}

main() {
    (($# <= 1)) || die "usage: ${0##*/} [DIR]"
    local dir=${1:-${SECRETS_DIR:-./secrets}} name password
    umask 077
    mkdir -p -- "$dir"
    chmod 700 -- "$dir"
    for name in "${GENERATED[@]}"; do
        if [[ ! -e $dir/$name ]]; then
            openssl rand -hex 32 >"$dir/$name"
            printf 'created %s (random)\n' "$dir/$name"
        fi
    done
    for name in "${OPTIONAL[@]}"; do
        if [[ ! -e $dir/$name ]]; then
            : >"$dir/$name"
            printf 'created %s (empty)\n' "$dir/$name"
        fi
    done
    password=$(<"$dir/redis_password")
    [[ $password =~ ^[^\"\\]+$ ]] || die "$dir/redis_password is empty or holds \" or \\"
    printf '{"redis://redis:6379": "%s"}\n' "$password" >"$dir/redis_exporter_passwords.json"
    chmod 644 -- "${GENERATED[@]/#/$dir/}" "${OPTIONAL[@]/#/$dir/}" \
        "$dir/redis_exporter_passwords.json"
}

main "$@"
