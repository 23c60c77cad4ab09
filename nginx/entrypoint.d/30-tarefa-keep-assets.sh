#!/bin/sh
# Run by the image's /docker-entrypoint.sh at start. Keeps the content-hashed assets of
# previous builds, so a tab opened before a deploy still finds its lazy chunks:
# this build's /assets are copied into NGINX_ASSETS_ROOT/assets (a volume that outlives
# the container), and files no start has shipped for NGINX_ASSETS_KEEP_DAYS days go.
# Nothing to do when NGINX_ASSETS_ROOT is the build itself (no volume).
set -eu

build="${NGINX_SPA_ROOT:-/usr/share/nginx/html}"
kept="${NGINX_ASSETS_ROOT:-$build}"
days="${NGINX_ASSETS_KEEP_DAYS:-7}"
[ "$kept" != "$build" ] || exit 0

case "$days" in
    '' | *[!0-9]*)
        echo "tarefa: NGINX_ASSETS_KEEP_DAYS must be a whole number of days, got '$days'" >&2
        exit 1
        ;;
esac
mkdir -p "$kept/assets"
if [ ! -w "$kept/assets" ]; then
    echo "tarefa: $kept/assets is not writable by uid $(id -u): mount a volume owned by it" >&2
    exit 1
fi
# cp gives every file of this build a fresh mtime: the age below counts from the last
# start that shipped a file.
cp -R "$build/assets/." "$kept/assets/"
find "$kept/assets" -type f -mtime +"$days" -exec rm -f {} +
echo "tarefa: assets of this build and of the last $days days in $kept/assets ($(find "$kept/assets" -type f | wc -l) files)"
