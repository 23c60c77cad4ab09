#!/usr/bin/env bash
# The production shape of Tarefa, run natively on loopback (no Docker needed).
#
#   scripts/stack.sh up       start in the background; returns once Nginx answers /health/ready
#   scripts/stack.sh down     stop everything `up` started (idempotent)
#   scripts/stack.sh status   show what runs; exit 0 only when every part is up
#   scripts/stack.sh deploy   rolling restart of a running stack: migrations once, then for
#                             each backend in turn a new one on a new port, and once it
#                             answers /health/ready, Nginx reloaded onto it and the old one
#                             stopped gracefully
#
# Pieces: the local PostgreSQL (database STACK_DB_NAME, created if missing), the local
# Redis (db 5), STACK_BACKENDS gunicorn masters started through backend/entrypoint.sh
# (wait for the database, locked migrations, gunicorn.conf.py) on free loopback ports,
# and Debian's Nginx with nginx/templates rendered for loopback on STACK_PORT, serving
# the production build of the SPA, and STACK_WORKERS `flask worker` processes running the
# background jobs from the same Redis. State, logs and generated secrets live in STACK_DIR.
#
# Environment (defaults in brackets):
#   STACK_PORT [8080]            Nginx port on 127.0.0.1; 0: a free one, chosen by `up` and
#                                kept in STACK_DIR/run/nginx.port for the other commands
#   STACK_BACKENDS [1]           gunicorn masters behind Nginx (2 to prove shared state)
#   STACK_WORKERS [1]            job workers (`flask worker`, metrics on a free port each)
#   STACK_DIR [.stack]           private state: pids, logs, rendered Nginx, secrets.env
#   STACK_SPA_DIR [frontend/dist] built SPA; the default is built when missing
#   STACK_PG_URL [postgresql://postgres@127.0.0.1:5432]  server holding the database
#   STACK_DB_NAME [tarefa_stack]
#   STACK_REDIS_URL [redis://127.0.0.1:6379/5]
#   STACK_READY_TIMEOUT [90]     seconds to wait for readiness
#   GUNICORN_WORKERS [2], GUNICORN_THREADS [4]; any other app variable (RATELIMIT_AUTH,
#   AI_PROVIDER, API_DOCS, ...) set in the caller's environment reaches the backends unchanged.
#   MAIL_BACKEND [smtp when MAIL_SERVER is set, else console: reset links go to the backend log]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
backend_dir="$repo_root/backend"
python="$backend_dir/.venv/bin/python"
# shellcheck source=scripts/lib/ports.sh
source "$repo_root/scripts/lib/ports.sh"

STACK_PORT="${STACK_PORT:-8080}"
STACK_BACKENDS="${STACK_BACKENDS:-1}"
STACK_WORKERS="${STACK_WORKERS:-1}"
STACK_DIR="${STACK_DIR:-$repo_root/.stack}"
STACK_PG_URL="${STACK_PG_URL:-postgresql://postgres@127.0.0.1:5432}"
STACK_DB_NAME="${STACK_DB_NAME:-tarefa_stack}"
STACK_REDIS_URL="${STACK_REDIS_URL:-redis://127.0.0.1:6379/5}"
STACK_READY_TIMEOUT="${STACK_READY_TIMEOUT:-90}"

run_dir="$STACK_DIR/run"
log_dir="$STACK_DIR/logs"
nginx_prefix="$STACK_DIR/nginx"
nginx_pid_file="$nginx_prefix/nginx.pid"
port_requested="$STACK_PORT"
if [[ "$STACK_PORT" == 0 && -f "$run_dir/nginx.port" ]]; then
    STACK_PORT="$(cat "$run_dir/nginx.port")"
fi

say() { echo "stack: $*"; }
die() {
    echo "stack: error: $*" >&2
    exit 1
}

is_running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

any_running() {
    local pid_file
    for pid_file in "$nginx_pid_file" "$run_dir"/backend-*.pid "$run_dir"/worker-*.pid; do
        is_running "$pid_file" && return 0
    done
    return 1
}

http_status() {
    curl --silent --output /dev/null --max-time 5 --write-out '%{http_code}' "$1" || true
}

check_prerequisites() {
    local tool
    for tool in nginx envsubst psql curl setsid; do
        command -v "$tool" >/dev/null || die "'$tool' is not installed (apt-get install nginx gettext-base postgresql-client curl util-linux)"
    done
    [[ -x "$python" ]] || die "backend/.venv is missing: run 'cd backend && uv sync'"
    [[ "$STACK_BACKENDS" =~ ^[1-9]$ ]] || die "STACK_BACKENDS must be 1..9, got '$STACK_BACKENDS'"
    [[ "$STACK_WORKERS" =~ ^[0-9]$ ]] || die "STACK_WORKERS must be 0..9, got '$STACK_WORKERS'"
    [[ "$STACK_DB_NAME" =~ ^[a-z_][a-z0-9_]*$ ]] || die "STACK_DB_NAME must match [a-z_][a-z0-9_]*"
    [[ "$STACK_PORT" =~ ^[0-9]+$ ]] || die "STACK_PORT must be a port number"
}

spa_dir() {
    if [[ -n "${STACK_SPA_DIR:-}" ]]; then
        [[ -f "$STACK_SPA_DIR/index.html" ]] || die "STACK_SPA_DIR=$STACK_SPA_DIR has no index.html"
        (cd "$STACK_SPA_DIR" && pwd)
        return
    fi
    local dist="$repo_root/frontend/dist"
    if [[ ! -f "$dist/index.html" ]]; then
        [[ -f "$repo_root/frontend/package.json" ]] ||
            die "no SPA build: frontend/package.json is missing (or set STACK_SPA_DIR)"
        say "building the SPA (frontend/dist is missing)" >&2
        npm --prefix "$repo_root/frontend" ci >&2
        npm --prefix "$repo_root/frontend" run build >&2
    fi
    echo "$dist"
}

ensure_secrets() {
    local file="$STACK_DIR/secrets.env"
    if [[ ! -f "$file" ]]; then
        (
            umask 077
            "$python" -c 'import secrets
for name in ("SECRET_KEY", "JWT_SECRET_KEY"):
    print(f"{name}={secrets.token_urlsafe(48)}")' >"$file.tmp"
            mv "$file.tmp" "$file"
        )
        say "generated secrets in $file"
    fi
    chmod 600 "$file"
    set -a
    # shellcheck source=/dev/null
    . "$file"
    set +a
}

ensure_database() {
    local admin_url="$STACK_PG_URL/postgres" exists
    exists="$(psql "$admin_url" -XtAc "SELECT 1 FROM pg_database WHERE datname = '$STACK_DB_NAME'")" ||
        die "PostgreSQL at $STACK_PG_URL is not reachable (is the server running?)"
    if [[ "$exists" != "1" ]]; then
        psql "$admin_url" -Xqc "CREATE DATABASE \"$STACK_DB_NAME\"" >/dev/null
        say "created database $STACK_DB_NAME"
    fi
}

check_redis() {
    "$python" -c 'import sys, redis; redis.Redis.from_url(sys.argv[1], socket_timeout=3).ping()' \
        "$STACK_REDIS_URL" 2>/dev/null || die "Redis at $STACK_REDIS_URL is not reachable (is redis-server running?)"
}

# Replace the current (sub)shell with a command in a backend's environment (the app's
# settings, gunicorn's bind): run it in the background or in ( ... ), so that `$!` is the
# command itself and `stop_all` can signal its process group.
exec_with_backend_env() {
    local port="$1" metrics_dir="$2"
    shift 2
    exec env APP_ENV=production \
        DATABASE_URL="$STACK_PG_URL/$STACK_DB_NAME" \
        REDIS_URL="$STACK_REDIS_URL" \
        TRUSTED_PROXY_HOPS=1 \
        PUBLIC_URL="http://127.0.0.1:$STACK_PORT" \
        CORS_ORIGINS="http://127.0.0.1:$STACK_PORT" \
        PROMETHEUS_MULTIPROC_DIR="$metrics_dir" \
        MAIL_BACKEND="${MAIL_BACKEND:-$(if [[ -n "${MAIL_SERVER:-}" ]]; then echo smtp; else echo console; fi)}" \
        GUNICORN_BIND="127.0.0.1:$port" \
        MIGRATE_ON_START="${STACK_MIGRATE_ON_START:-true}" \
        GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}" \
        PYTHONUNBUFFERED=1 \
        PATH="$backend_dir/.venv/bin:$PATH" \
        "$@"
}

start_backend() {
    local index="$1" port="${2:-}" metrics_dir
    [[ -n "$port" ]] || port="$(free_port)"
    metrics_dir="$run_dir/prometheus-$index"
    mkdir -p "$metrics_dir"
    echo "$port" >"$run_dir/backend-$index.port"
    exec_with_backend_env "$port" "$metrics_dir" \
        setsid "$backend_dir/entrypoint.sh" >>"$log_dir/backend-$index.log" 2>&1 </dev/null &
    echo "$!" >"$run_dir/backend-$index.pid"
    say "backend $index starting on 127.0.0.1:$port (log: $log_dir/backend-$index.log)"
}

start_worker() {
    local index="$1" port
    port="$(free_port)"
    echo "$port" >"$run_dir/worker-$index.port"
    # The backends' environment (settings, mail), without migrating (the backends did) and
    # without PROMETHEUS_MULTIPROC_DIR: one worker process keeps its own registry, and
    # prometheus_client turns multiprocess mode on whenever the variable exists, even empty.
    STACK_MIGRATE_ON_START=false exec_with_backend_env "$port" "" \
        env -u PROMETHEUS_MULTIPROC_DIR \
        setsid "$backend_dir/entrypoint.sh" flask --app app worker --name "stack-worker-$index-$$" \
        --metrics-port "$port" >>"$log_dir/worker-$index.log" 2>&1 </dev/null &
    echo "$!" >"$run_dir/worker-$index.pid"
    say "worker $index starting, metrics on 127.0.0.1:$port (log: $log_dir/worker-$index.log)"
}

fail_with_logs() {
    local log
    echo "stack: error: $1" >&2
    for log in "$log_dir"/backend-*.log "$log_dir"/worker-*.log "$nginx_prefix/logs/error.log"; do
        [[ -f "$log" ]] || continue
        echo "----- last lines of $log" >&2
        tail -n 30 "$log" >&2
    done
    stop_all
    exit 1
}

wait_until_ready() {
    local url="$1" pid_file="$2" deadline=$((SECONDS + STACK_READY_TIMEOUT))
    until [[ "$(http_status "$url")" == "200" ]]; do
        is_running "$pid_file" || fail_with_logs "the process of $pid_file exited before $url was ready"
        ((SECONDS < deadline)) || fail_with_logs "$url not ready after ${STACK_READY_TIMEOUT}s"
        sleep 0.5
    done
}

render_nginx() {
    local upstreams="" index
    for ((index = 1; index <= STACK_BACKENDS; index++)); do
        upstreams+="server 127.0.0.1:$(cat "$run_dir/backend-$index.port"); "
    done
    NGINX_LISTEN_PORT="127.0.0.1:$STACK_PORT" \
        NGINX_UPSTREAM_SERVERS="$upstreams" \
        NGINX_SPA_ROOT="$(cat "$run_dir/spa.path")" \
        "$repo_root/scripts/render-nginx.sh" "$nginx_prefix"
}

start_nginx() {
    render_nginx
    nginx -p "$nginx_prefix" -e "$nginx_prefix/logs/error.log" -c "$nginx_prefix/nginx.conf" ||
        fail_with_logs "nginx did not start (is port $STACK_PORT free?)"
    echo "$STACK_PORT" >"$run_dir/nginx.port"
}

nginx_workers() { ps -o pid= --ppid "$(cat "$nginx_pid_file")" | tr -d ' '; }

# New upstream ports, graceful reload; returns once no worker of the old configuration is
# left (they finish the requests they hold first), so the old backend gets no new request.
reload_nginx() {
    local old_workers worker waited=0
    old_workers="$(nginx_workers)"
    render_nginx
    nginx -p "$nginx_prefix" -e "$nginx_prefix/logs/error.log" -c "$nginx_prefix/nginx.conf" -s reload
    for worker in $old_workers; do
        while kill -0 "$worker" 2>/dev/null; do
            ((waited < 240)) || die "nginx workers of the old configuration still run after 60 s"
            sleep 0.25
            waited=$((waited + 1))
        done
    done
}

cmd_up() {
    check_prerequisites
    if any_running; then
        die "a stack already runs from $STACK_DIR; run 'scripts/stack.sh down' first"
    fi
    stop_all # forget pid files a crashed run left behind
    local spa index
    [[ "$port_requested" != 0 ]] || STACK_PORT="$(free_port)"
    spa="$(spa_dir)"
    mkdir -p "$run_dir" "$log_dir"
    ensure_secrets
    ensure_database
    check_redis
    for ((index = 1; index <= STACK_BACKENDS; index++)); do
        start_backend "$index"
    done
    for ((index = 1; index <= STACK_BACKENDS; index++)); do
        wait_until_ready "http://127.0.0.1:$(cat "$run_dir/backend-$index.port")/health/ready" \
            "$run_dir/backend-$index.pid"
    done
    for ((index = 1; index <= STACK_WORKERS; index++)); do
        start_worker "$index"
    done
    for ((index = 1; index <= STACK_WORKERS; index++)); do
        wait_until_ready "http://127.0.0.1:$(cat "$run_dir/worker-$index.port")/metrics" \
            "$run_dir/worker-$index.pid"
    done
    echo "$spa" >"$run_dir/spa.path"
    start_nginx
    wait_until_ready "http://127.0.0.1:$STACK_PORT/health/ready" "$nginx_pid_file"
    say "up: http://127.0.0.1:$STACK_PORT/ ($STACK_BACKENDS backend(s), $STACK_WORKERS worker(s), SPA from $spa)"
}

# Every process `up` started: "<pid file> <signal target>" (backends run under setsid,
# so signalling the negative pid reaches the whole process group, migrations included).
started_processes() {
    local pid_file
    [[ -f "$nginx_pid_file" ]] && echo "$nginx_pid_file $(cat "$nginx_pid_file")"
    for pid_file in "$run_dir"/backend-*.pid "$run_dir"/worker-*.pid; do
        [[ -e "$pid_file" ]] && echo "$pid_file -$(cat "$pid_file")"
    done
    return 0
}

stop_all() {
    # TERM everything at once (graceful for gunicorn and nginx), wait up to 15 s, then KILL.
    local pid_file target waited=0
    while read -r pid_file target; do
        kill -TERM -- "$target" 2>/dev/null || true
    done < <(started_processes)
    while any_running && ((waited < 60)); do
        sleep 0.25
        waited=$((waited + 1))
    done
    while read -r pid_file target; do
        is_running "$pid_file" && { kill -KILL -- "$target" 2>/dev/null || true; }
        rm -f "$pid_file" "${pid_file%.pid}.port"
    done < <(started_processes)
    rm -f "$run_dir/nginx.port"
}

cmd_deploy() {
    check_prerequisites
    local index count=0 pid_file old_pid old_port
    for pid_file in "$run_dir"/backend-*.pid; do
        is_running "$pid_file" && count=$((count + 1))
    done
    if ! is_running "$nginx_pid_file" || ((count < 2)); then
        die "deploy needs a running stack with at least 2 backends (STACK_BACKENDS=2 scripts/stack.sh up)"
    fi
    ensure_secrets
    say "migrations, once"
    mkdir -p "$run_dir/prometheus-migrate"
    (cd "$backend_dir" && exec_with_backend_env 0 "$run_dir/prometheus-migrate" \
        "$python" scripts/migrate_with_lock.py --wait-timeout 30) >>"$log_dir/migrate.log" 2>&1 || {
        tail -n 30 "$log_dir/migrate.log" >&2
        die "migrations failed; every backend still runs the code it had"
    }
    for pid_file in "$run_dir"/backend-*.pid; do
        index="$(basename "$pid_file" .pid)"
        index="${index#backend-}"
        old_port="$(cat "$run_dir/backend-$index.port")"
        old_pid="$(cat "$pid_file")"
        STACK_MIGRATE_ON_START=false start_backend "$index"
        if ! wait_for_backend "$index" "$(cat "$run_dir/backend-$index.port")"; then
            kill -TERM -- "-$(cat "$pid_file")" 2>/dev/null || true
            tail -n 30 "$log_dir/backend-$index.log" >&2
            echo "$old_pid" >"$pid_file"
            echo "$old_port" >"$run_dir/backend-$index.port"
            die "the new backend $index did not become ready; it is stopped, the old one keeps serving"
        fi
        reload_nginx
        # Nginx no longer sends it anything: a graceful stop, then the next one.
        stop_process_group "$old_pid"
        say "backend $index replaced (pid $old_pid -> $(cat "$pid_file"))"
    done
    say "deployed: $count backend(s) restarted one at a time"
}

stop_process_group() {
    local waited=0
    kill -TERM -- "-$1" 2>/dev/null || true
    while kill -0 "$1" 2>/dev/null; do
        ((waited < 400)) || die "process $1 still runs 100 s after SIGTERM"
        sleep 0.25
        waited=$((waited + 1))
    done
}

wait_for_backend() {
    local deadline=$((SECONDS + STACK_READY_TIMEOUT))
    until [[ "$(http_status "http://127.0.0.1:$2/health/ready")" == "200" ]]; do
        is_running "$run_dir/backend-$1.pid" && ((SECONDS < deadline)) || return 1
        sleep 0.25
    done
}

cmd_down() {
    stop_all
    say "down"
}

cmd_status() {
    local up=0 down=0 pid_file
    if is_running "$nginx_pid_file"; then
        say "nginx    running (pid $(cat "$nginx_pid_file")) http://127.0.0.1:$(cat "$run_dir/nginx.port")/"
        up=$((up + 1))
    else
        say "nginx    stopped"
        down=$((down + 1))
    fi
    for pid_file in "$run_dir"/backend-*.pid "$run_dir"/worker-*.pid; do
        [[ -e "$pid_file" ]] || continue
        if is_running "$pid_file"; then
            say "$(basename "$pid_file" .pid) running (pid $(cat "$pid_file")) 127.0.0.1:$(cat "${pid_file%.pid}.port")"
            up=$((up + 1))
        else
            say "$(basename "$pid_file" .pid) stopped"
            down=$((down + 1))
        fi
    done
    ((up > 1 && down == 0))
}

case "${1:-}" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    deploy) cmd_deploy ;;
    *)
        echo "usage: $0 up|down|status|deploy" >&2
        exit 2
        ;;
esac
