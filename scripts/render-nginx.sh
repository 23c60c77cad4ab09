#!/usr/bin/env bash
# Render Tarefa's Nginx templates for a native run under a private prefix.
#
#   scripts/render-nginx.sh PREFIX
#
# Writes PREFIX/nginx.conf (from nginx/native/nginx.conf.template) and
# PREFIX/conf.d/* (from nginx/templates/*.template, exactly what the official image
# renders into /etc/nginx/conf.d), and creates PREFIX/logs and PREFIX/temp.
# Substitutes only the variables listed below, so nginx's own $uri, $host... survive.
# Then: nginx -p PREFIX -e PREFIX/logs/error.log -c PREFIX/nginx.conf [-t]
#
# Required: NGINX_LISTEN_PORT, NGINX_UPSTREAM_SERVERS (e.g. "server 127.0.0.1:8001;"),
#           NGINX_SPA_ROOT (directory holding index.html and assets/).
# Optional: NGINX_SERVER_NAME (_), NGINX_ACCESS_LOG (PREFIX/logs/access.log),
#           TLS_MODE (off|on; on needs NGINX_TLS_PORT, TLS_CERTIFICATE, TLS_CERTIFICATE_KEY),
#           NGINX_WORKER_USER (the current user), NGINX_MIME_TYPES (/etc/nginx/mime.types),
#           NGINX_BACKEND (tarefa_backend), NGINX_RESOLVER (127.0.0.1),
#           NGINX_REAL_IP_FROM (addresses of a balancer in front), NGINX_ASSETS_ROOT (NGINX_SPA_ROOT).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 PREFIX" >&2
    exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
prefix="$(cd "$1" && pwd)"

export NGINX_PREFIX="$prefix"
export NGINX_CONF_DIR="$prefix/conf.d"
export NGINX_SERVER_NAME="${NGINX_SERVER_NAME:-_}"
export NGINX_ACCESS_LOG="${NGINX_ACCESS_LOG:-$prefix/logs/access.log}"
export TLS_MODE="${TLS_MODE:-off}"
export NGINX_TLS_PORT="${NGINX_TLS_PORT:-443}"
export TLS_CERTIFICATE="${TLS_CERTIFICATE:-}"
export TLS_CERTIFICATE_KEY="${TLS_CERTIFICATE_KEY:-}"
export NGINX_WORKER_USER="${NGINX_WORKER_USER:-$(id -un)}"
export NGINX_MIME_TYPES="${NGINX_MIME_TYPES:-/etc/nginx/mime.types}"
# The native stack names its upstream block (fixed loopback servers); the resolver is then
# never asked, but the directive needs an address.
export NGINX_BACKEND="${NGINX_BACKEND:-tarefa_backend}"
export NGINX_RESOLVER="${NGINX_RESOLVER:-127.0.0.1}"
export NGINX_ASSETS_ROOT="${NGINX_ASSETS_ROOT:-${NGINX_SPA_ROOT:-}}"
# NGINX_REAL_IP_FROM -> NGINX_REAL_IP_DIRECTIVES, exactly as the image does it.
# shellcheck source=SCRIPTDIR/../nginx/entrypoint.d/16-tarefa-real-ip.envsh
. "$repo_root/nginx/entrypoint.d/16-tarefa-real-ip.envsh"

for name in NGINX_LISTEN_PORT NGINX_UPSTREAM_SERVERS NGINX_SPA_ROOT; do
    if [[ -z "${!name:-}" ]]; then
        echo "render-nginx: $name must be set" >&2
        exit 2
    fi
done
case "$TLS_MODE" in
    off) ;;
    on)
        if [[ -z "$TLS_CERTIFICATE" || -z "$TLS_CERTIFICATE_KEY" ]]; then
            echo "render-nginx: TLS_MODE=on needs TLS_CERTIFICATE and TLS_CERTIFICATE_KEY" >&2
            exit 2
        fi
        # The HTTP->HTTPS redirect goes to the server name, never to the request's Host.
        if [[ "$NGINX_SERVER_NAME" == "_" ]]; then
            echo "render-nginx: TLS_MODE=on needs NGINX_SERVER_NAME (the public host name), not _" >&2
            exit 2
        fi
        ;;
    *)
        echo "render-nginx: TLS_MODE must be on or off, got '$TLS_MODE'" >&2
        exit 2
        ;;
esac

# shellcheck disable=SC2016 # a literal list of names for envsubst, not expansions
variables='${NGINX_PREFIX} ${NGINX_CONF_DIR} ${NGINX_LISTEN_PORT} ${NGINX_SERVER_NAME}
${NGINX_UPSTREAM_SERVERS} ${NGINX_SPA_ROOT} ${NGINX_ACCESS_LOG} ${TLS_MODE} ${NGINX_TLS_PORT}
${TLS_CERTIFICATE} ${TLS_CERTIFICATE_KEY} ${NGINX_WORKER_USER} ${NGINX_MIME_TYPES}
${NGINX_BACKEND} ${NGINX_RESOLVER} ${NGINX_REAL_IP_DIRECTIVES} ${NGINX_ASSETS_ROOT}'

mkdir -p "$prefix/conf.d" "$prefix/logs" "$prefix/temp"
rm -f "$prefix"/conf.d/*
for template in "$repo_root"/nginx/templates/*.template; do
    name="$(basename "$template" .template)"
    envsubst "$variables" <"$template" >"$prefix/conf.d/$name"
done
envsubst "$variables" <"$repo_root/nginx/native/nginx.conf.template" >"$prefix/nginx.conf"
