#!/usr/bin/env bash
# Zero-downtime deploy of the production compose stack (docker-compose.prod.yml).
#
#   scripts/deploy.sh TAG            pull TAG's images from the registry, then deploy them
#   scripts/deploy.sh --build TAG    build them here instead (tagged TAG)
#   scripts/deploy.sh --local TAG    images already tagged TAG on this engine (built elsewhere)
#   make deploy TAG=...              the same as the first
#
# 1. The images: pulled (or built). The backend image that runs now is tagged
#    `$BACKEND_IMAGE:rollback` first, so it can come back whatever TAG was.
# 2. Migrations, once: the one-shot `migrate` service with the new image. If they fail,
#    nothing else changed. They must suit the old code as well (add now, drop next release).
# 3. Each running backend in turn: one new container is started next to it (compose
#    --scale, no recreate), and only once it answers readiness (scripts/healthcheck.py, run
#    inside it) is the old one stopped. SIGTERM: gunicorn closes its listening socket at once
#    (Nginx, which resolves `backend` per request, moves on to the other replicas) and
#    finishes what it holds within the stop grace period.
# 4. A new container that is not ready within DEPLOY_READY_TIMEOUT, or exits: rollback.
#    Containers of the previous image are started again up to the count that ran, then the
#    new ones are stopped the same way; the script exits 1.
# 5. Nginx is recreated only when TAG's web image differs from the one it runs; that
#    restart is the one moment new connections can be refused (the backends' deploy is
#    the zero-downtime part; put two Nginx behind a balancer to cover it too).
#
# Roll back: `scripts/deploy.sh --local rollback` with DEPLOY_MIGRATE=false (make rollback):
# the images that ran before the last deploy, tagged `rollback` by it.
#
# Environment: COMPOSE_FILE_PATH [docker-compose.prod.yml], ENV_FILE [.env.prod],
# DEPLOY_READY_TIMEOUT [180] seconds, DEPLOY_MIGRATE [true], COMPOSE [docker compose].
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
compose_file="${COMPOSE_FILE_PATH:-$repo_root/docker-compose.prod.yml}"
env_file="${ENV_FILE:-$repo_root/.env.prod}"
ready_timeout="${DEPLOY_READY_TIMEOUT:-180}"
read -r -a compose_cmd <<<"${COMPOSE:-docker compose}"

say() { echo "deploy: $*"; }
die() {
    echo "deploy: error: $*" >&2
    exit 1
}

source_of_images=pull
case "${1:-}" in
    --build | --local)
        source_of_images="${1#--}"
        shift
        ;;
esac
[[ $# -eq 1 && -n "$1" ]] || {
    echo "usage: $0 [--build|--local] TAG" >&2
    exit 2
}
tag="$1"
[[ "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "'$tag' is not a valid image tag"
[[ -f "$env_file" ]] || die "$env_file is missing (copy .env.prod.example)"

compose() { "${compose_cmd[@]}" -f "$compose_file" --env-file "$env_file" "$@"; }
# The new release: every compose command that creates containers sees TAG.
compose_new() { TAG="$tag" compose "$@"; }
compose_old() { TAG=rollback compose "$@"; }

backend_ids() { compose ps --quiet --status running backend | sort; }

# Ready: the container runs and its own readiness probe (database and Redis) passes.
wait_ready() {
    local id="$1" deadline=$((SECONDS + ready_timeout))
    while ((SECONDS < deadline)); do
        [[ "$(docker inspect --format '{{.State.Running}}' "$id" 2>/dev/null)" == "true" ]] || return 1
        docker exec "$id" python scripts/healthcheck.py >/dev/null 2>&1 && return 0
        sleep 1
    done
    return 1
}

# Start one more backend container from compose_$1's image; prints its id once ready.
add_backend() {
    local release="$1" before after id
    before="$(backend_ids)"
    "compose_$release" up --detach --no-deps --no-recreate --pull never \
        --scale "backend=$(($(wc -l <<<"$before") + 1))" backend >&2
    after="$(compose ps --quiet --all backend | sort)"
    id="$(comm -13 <(echo "$before") <(echo "$after") | head -n 1)"
    [[ -n "$id" ]] || return 1
    echo "$id"
    wait_ready "$id"
}

# Graceful stop (compose's stop_grace_period applies), then remove.
retire() {
    local id="$1" grace
    grace="$(docker inspect --format '{{.Config.StopTimeout}}' "$id" 2>/dev/null || true)"
    docker stop --time "${grace:-40}" "$id" >/dev/null
    docker rm "$id" >/dev/null
}

rollback() {
    local wanted="$1" id
    shift
    say "rolling back to the images that ran before ($(docker image inspect --format '{{.Id}}' "$backend_image:rollback" | cut -c1-19))"
    while (($(backend_ids | grep -cvxF -f <(printf '%s\n' "$@" | grep .) || true) < wanted)); do
        id="$(add_backend old)" || die "rollback: a backend of the previous image is not ready either ($id); look at: docker logs $id"
    done
    for id in "$@"; do retire "$id"; done
    die "deploy of $tag failed; $wanted backend(s) of the previous image serve"
}

old_ids="$(backend_ids)"
[[ -n "$old_ids" ]] || die "no backend runs: start the stack first (make prod-up)"
count="$(wc -l <<<"$old_ids")"
running_ref="$(docker inspect --format '{{.Config.Image}}' "$(head -n 1 <<<"$old_ids")")"
backend_image="${running_ref%:*}"
running_image="$(docker inspect --format '{{.Image}}' "$(head -n 1 <<<"$old_ids")")"
nginx_id="$(compose ps --quiet nginx)"
web_ref="$(docker inspect --format '{{.Config.Image}}' "$nginx_id")"
if [[ "$tag" != "rollback" ]]; then
    docker tag "$running_image" "$backend_image:rollback"
    docker tag "$(docker inspect --format '{{.Image}}' "$nginx_id")" "${web_ref%:*}:rollback"
    say "$count backend(s) run; the current images are kept as $backend_image:rollback and ${web_ref%:*}:rollback"
fi

case "$source_of_images" in
    build)
        say "building $tag"
        compose_new build backend nginx
        ;;
    pull)
        say "pulling $tag"
        compose_new pull --quiet backend migrate nginx
        ;;
    local) say "using the images tagged $tag here" ;;
esac

if [[ "${DEPLOY_MIGRATE:-true}" == "true" ]]; then
    say "migrations"
    compose_new run --rm --no-deps migrate || die "migrations failed; nothing else changed"
else
    # A rollback: the older code does not know the newer revisions; they were additive.
    say "migrations skipped (DEPLOY_MIGRATE=$DEPLOY_MIGRATE)"
fi

new_ids=()
for old in $old_ids; do
    if ! id="$(add_backend new)"; then
        say "backend ${id:-?} of $tag is not ready; its log:"
        [[ -z "$id" ]] || docker logs --tail 40 "$id" >&2 || true
        rollback "$count" "${new_ids[@]}" ${id:+"$id"}
    fi
    new_ids+=("$id")
    retire "$old"
    say "backend ${old:0:12} replaced by ${id:0:12}"
done

# Nginx holds the published ports: recreating it refuses connections for a moment, so it
# happens only when the web image is really another one (a new SPA or configuration).
if [[ "$(docker inspect --format '{{.Image}}' "$nginx_id")" == \
    "$(docker image inspect --format '{{.Id}}' "${web_ref%:*}:$tag")" ]]; then
    say "the web image of $tag is the one Nginx runs: Nginx left alone"
else
    say "new web image: Nginx recreated (new connections are refused for a moment)"
    compose_new up --detach --no-deps nginx
fi
say "deployed $tag: ${#new_ids[@]} backend(s) replaced one at a time"
