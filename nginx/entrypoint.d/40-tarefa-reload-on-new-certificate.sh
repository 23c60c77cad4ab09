#!/bin/sh
# Run by the image's /docker-entrypoint.sh at start. With TLS_MODE=on, a background loop
# looks at the certificate every NGINX_CERT_CHECK_SECONDS (3600) and reloads Nginx when
# it changed (renewed by the certbot service or on the host): no Docker socket, no hook.
set -eu

[ "${TLS_MODE:-off}" = "on" ] || exit 0
interval="${NGINX_CERT_CHECK_SECONDS:-3600}"
case "$interval" in
    '' | *[!0-9]* | 0)
        echo "tarefa: NGINX_CERT_CHECK_SECONDS must be a positive whole number, got '$interval'" >&2
        exit 1
        ;;
esac

fingerprint() { cat "$TLS_CERTIFICATE" "$TLS_CERTIFICATE_KEY" 2>/dev/null | cksum; }

(
    seen="$(fingerprint)"
    while sleep "$interval"; do
        now="$(fingerprint)"
        if [ "$now" != "$seen" ]; then
            if nginx -t -q && nginx -s reload; then
                echo "tarefa: certificate $TLS_CERTIFICATE changed; Nginx reloaded"
                seen="$now"
            else
                echo "tarefa: certificate $TLS_CERTIFICATE changed but the configuration does not load; Nginx keeps the old one" >&2
            fi
        fi
    done
) </dev/null &
echo "tarefa: watching $TLS_CERTIFICATE every ${interval}s"
