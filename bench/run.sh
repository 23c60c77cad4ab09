#!/usr/bin/env bash
# `make bench`: run bench/run.py with the backend's virtualenv (arguments are passed on).
# Builds the SPA first when frontend/dist is missing, as scripts/stack.sh would, so that the
# frontend numbers are measured rather than reported as "not measured".
set -euo pipefail

repo_root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
if [[ -z ${BENCH_SPA_DIR:-} && ! -f $repo_root/frontend/dist/index.html ]]; then
    if [[ -d $repo_root/frontend/node_modules ]]; then
        echo "bench: building the SPA (frontend/dist is missing)" >&2
        npm --prefix "$repo_root/frontend" run build >&2
    else
        echo "bench: frontend/node_modules is missing: the frontend part will not be measured" >&2
    fi
fi
exec "$repo_root/backend/.venv/bin/python" "$repo_root/bench/run.py" "$@"
