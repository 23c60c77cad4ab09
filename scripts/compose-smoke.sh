#!/usr/bin/env bash
# Bring a compose file up for real, probe the app through it, take it down (volumes too).
#
#   scripts/compose-smoke.sh dev       docker-compose.yml without a .env
#   scripts/compose-smoke.sh dev-env   docker-compose.yml after the README's `cp .env.example .env`
#   scripts/compose-smoke.sh prod      docker-compose.prod.yml with a .env.prod made from
#                                      .env.prod.example and fresh secret files
#                                      (scripts/make-secrets.sh, in a temporary directory)
#   scripts/compose-smoke.sh monitoring  prod with the monitoring profile and tracing on: every
#                                      Prometheus target up and the alert rules loaded, Grafana
#                                      serving the provisioned dashboard and its datasource,
#                                      Jaeger holding the backend's traces
#
# Run it in a fresh checkout (CI) or a scratch clone: it writes .env / .env.prod and
# refuses to overwrite existing ones. Host ports are picked free at run time; the compose
# project is named tarefa-smoke-<mode> so it never touches a developer's own stack.
# COMPOSE (default "docker compose"), DOCKER (default "docker"); COMPOSE_SMOKE_BUILD=0 uses images built beforehand
# (`up --no-build`), e.g. where BuildKit is missing for the web image's extra context.
set -euo pipefail

mode="${1:-}"
case "$mode" in
    dev | dev-env | prod | monitoring) ;;
    *)
        echo "usage: $0 dev|dev-env|prod|monitoring" >&2
        exit 2
        ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
read -r -a compose <<<"${COMPOSE:-docker compose}"
build_flag="--build"
[[ "${COMPOSE_SMOKE_BUILD:-1}" == "1" ]] || build_flag="--no-build"

# shellcheck source=scripts/lib/ports.sh
source scripts/lib/ports.sh

# probe NAME EXPECTED_STATUS URL [curl arguments...]
probe() {
    local name="$1" expected="$2" url="$3" status
    shift 3
    status="$(curl -sS -o "$workdir/body" -w '%{http_code}' --max-time 30 "$@" "$url" || true)"
    if [[ "$status" != "$expected" ]]; then
        echo "compose-smoke: $name: $url answered $status, expected $expected" >&2
        head -c 500 "$workdir/body" >&2 || true
        failed=1
        return
    fi
    echo "compose-smoke: $name: $url -> $status"
}

probe_account() { # BASE_URL: register, then log in, through the front door
    local base="$1" email password
    email="smoke-$(date +%s)@example.com"
    password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
    probe register 201 "$base/api/auth/register" -H 'Content-Type: application/json' \
        -d "{\"name\":\"Smoke\",\"email\":\"$email\",\"password\":\"$password\"}"
    probe login 200 "$base/api/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\"}"
}

# No secret file's value in what `docker inspect` shows of any container of the project.
no_secret_in_inspect() { # SECRETS_DIR
    local name value
    local -a ids
    mapfile -t ids < <("${compose[@]}" "${args[@]}" ps -aq)
    "${DOCKER:-docker}" inspect "${ids[@]}" >"$workdir/inspect.json"
    for name in postgres_password redis_password secret_key jwt_secret_key; do
        value="$(<"$1/$name")"
        if grep -qF -- "$value" "$workdir/inspect.json"; then
            echo "compose-smoke: the $name secret shows in docker inspect" >&2
            failed=1
        fi
    done
    echo "compose-smoke: docker inspect of ${#ids[@]} containers shows no secret"
}

# eventually NAME SECONDS COMMAND...: retry COMMAND until it succeeds (services warm up).
eventually() {
    local name="$1" deadline=$((SECONDS + $2))
    shift 2
    until "$@" >"$workdir/eventually" 2>&1; do
        if ((SECONDS >= deadline)); then
            echo "compose-smoke: $name: still failing after the wait:" >&2
            head -c 1000 "$workdir/eventually" >&2 || true
            failed=1
            return
        fi
        sleep 3
    done
    echo "compose-smoke: $name"
}

every_target_up() { # PROMETHEUS_URL: at least one target, each one up
    curl -fsS "$1/api/v1/targets" | python3 -c '
import json, sys
targets = json.load(sys.stdin)["data"]["activeTargets"]
down = [(t["labels"]["job"], t["labels"]["instance"], t["health"]) for t in targets if t["health"] != "up"]
print(f"{len(targets)} targets, not up: {down}")
sys.exit(1 if down or not targets else 0)'
}

rules_loaded() { # PROMETHEUS_URL
    curl -fsS "$1/api/v1/rules" | python3 -c '
import json, sys
groups = json.load(sys.stdin)["data"]["groups"]
sys.exit(0 if sum(len(g["rules"]) for g in groups) > 0 else 1)'
}

grafana_dashboard() { # GRAFANA_URL PASSWORD_FILE: the provisioned dashboard and its datasource
    local auth
    auth="admin:$(<"$2")"
    curl -fsS -u "$auth" "$1/api/dashboards/uid/tarefa-api" | grep -q '"title":"Tarefa API"' &&
        curl -fsS -u "$auth" "$1/api/datasources/uid/prometheus/health" | grep -q '"status":"OK"'
}

jaeger_has_traces() { # JAEGER_URL
    curl -fsS "$1/api/traces?service=tarefa-backend&limit=1" | grep -q '"traceID"'
}

workdir="$(mktemp -d)"
written=()
failed=0
project="tarefa-smoke-$mode"
args=(-p "$project")

cleanup() {
    local status=$?
    if [[ $status -ne 0 || $failed -ne 0 ]]; then
        "${compose[@]}" "${args[@]}" ps -a >&2 || true
        "${compose[@]}" "${args[@]}" logs --tail 80 >&2 || true
    fi
    "${compose[@]}" "${args[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
    rm -f "${written[@]}"
    rm -rf "$workdir"
}
trap cleanup EXIT

write_new() { # FILE: refuse to clobber a developer's file
    if [[ -e "$1" ]]; then
        echo "compose-smoke: $1 exists; run this in a fresh clone" >&2
        exit 2
    fi
    written+=("$1")
}

if [[ "$mode" == prod || "$mode" == monitoring ]]; then
    write_new .env.prod
    http_port="$(free_port)"
    mkdir -p "$workdir/letsencrypt" "$workdir/certbot"
    sed -E \
        -e "s|^PUBLIC_URL=$|PUBLIC_URL=http://localhost:$http_port|" \
        -e "s|^SERVER_NAME=.*|SERVER_NAME=localhost|" \
        -e "s|^HTTP_PORT=.*|HTTP_PORT=127.0.0.1:$http_port|" \
        -e "s|^HTTPS_PORT=.*|HTTPS_PORT=127.0.0.1:$(free_port)|" \
        -e "s|^LETSENCRYPT_DIR=.*|LETSENCRYPT_DIR=$workdir/letsencrypt|" \
        -e "s|^CERTBOT_WEBROOT=.*|CERTBOT_WEBROOT=$workdir/certbot|" \
        .env.prod.example >.env.prod
    sed -i -E "s|^SECRETS_DIR=.*|SECRETS_DIR=$workdir/secrets|" .env.prod
    scripts/make-secrets.sh "$workdir/secrets" >/dev/null
    chmod 600 .env.prod
    args+=(-f docker-compose.prod.yml --env-file .env.prod)
    if [[ "$mode" == monitoring ]]; then
        prometheus_port="$(free_port)" grafana_port="$(free_port)" jaeger_port="$(free_port)"
        {
            echo "PROMETHEUS_PORT=$prometheus_port"
            echo "ALERTMANAGER_PORT=$(free_port)"
            echo "GRAFANA_PORT=$grafana_port"
            echo "JAEGER_PORT=$jaeger_port"
            echo "OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4318"
        } >>.env.prod
        args+=(--profile monitoring)
    fi
    "${compose[@]}" "${args[@]}" up "$build_flag" --wait --wait-timeout 600
    base="http://127.0.0.1:$http_port"
    probe nginx-health 200 "$base/nginx-health"
    probe spa 200 "$base/"
    probe health 200 "$base/health"
    probe ready 200 "$base/health/ready"
    probe api-docs-off 404 "$base/api/docs"
    probe_account "$base"
    no_secret_in_inspect "$workdir/secrets"
    if [[ "$mode" == monitoring ]]; then
        prometheus="http://127.0.0.1:$prometheus_port"
        eventually "every Prometheus target up" 180 every_target_up "$prometheus"
        eventually "alert rules loaded" 60 rules_loaded "$prometheus"
        eventually "Grafana serves the Tarefa API dashboard" 120 \
            grafana_dashboard "http://127.0.0.1:$grafana_port" "$workdir/secrets/grafana_admin_password"
        eventually "Jaeger holds the backend's traces" 120 \
            jaeger_has_traces "http://127.0.0.1:$jaeger_port"
    fi
else
    if [[ "$mode" == dev-env ]]; then
        write_new .env
        cp .env.example .env
    elif [[ -e .env ]]; then
        echo "compose-smoke: dev runs without .env; run this in a fresh clone" >&2
        exit 2
    fi
    backend_port="$(free_port)" frontend_port="$(free_port)" db_port="$(free_port)"
    export BACKEND_HOST_PORT="$backend_port" FRONTEND_HOST_PORT="$frontend_port"
    export POSTGRES_HOST_PORT="$db_port"
    "${compose[@]}" "${args[@]}" up "$build_flag" --wait --wait-timeout 600
    probe backend-health 200 "http://127.0.0.1:$backend_port/health"
    probe backend-ready 200 "http://127.0.0.1:$backend_port/health/ready"
    probe api-docs 200 "http://127.0.0.1:$backend_port/api/docs"
    probe api-docs-bundle 200 "http://127.0.0.1:$backend_port/api/docs/assets/swagger-ui-bundle.js"
    probe vite 200 "http://127.0.0.1:$frontend_port/"
    probe_account "http://127.0.0.1:$frontend_port"
fi

if [[ $failed -ne 0 ]]; then
    exit 1
fi
echo "compose-smoke: $mode: every service healthy, the app answers"
