#!/usr/bin/env bash
# Regenerate the SPA's typed API client from the backend's OpenAPI spec.
#   scripts/generate-client.sh          write frontend/openapi.json, frontend/src/lib/api/schema.ts
#                                       and frontend/src/lib/api/limits.ts (the forms' input limits)
#   scripts/generate-client.sh --check  regenerate into a temporary folder and fail (with a diff)
#                                       when the committed files no longer match the backend
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
backend="$root/backend"
frontend="$root/frontend"
spec_rel="openapi.json"
schema_rel="src/lib/api/schema.ts"
limits_rel="src/lib/api/limits.ts"

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

for tool in "$backend/.venv/bin/flask" "$frontend/node_modules/.bin/openapi-typescript"; do
  if [[ ! -x "$tool" ]]; then
    echo "missing $tool: run 'make install' and 'cd frontend && npm ci' first" >&2
    exit 2
  fi
done

out="$frontend"
if $check; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  mkdir -p "$out/$(dirname "$schema_rel")"
fi

# The spec does not depend on the environment; pin APP_ENV so production settings checks never run.
(cd "$backend" && APP_ENV=development .venv/bin/flask --app app openapi write --format=json "$out/$spec_rel")
# Fields with a server-side default stay optional in request bodies (--default-non-nullable false).
"$frontend/node_modules/.bin/openapi-typescript" "$out/$spec_rel" -o "$out/$schema_rel" \
  --default-non-nullable false >/dev/null
# The forms' length and range limits, read from the same spec (never copied by hand).
node "$frontend/scripts/generate-limits.mjs" "$out/$spec_rel" "$out/$limits_rel"

if $check; then
  status=0
  for file in "$spec_rel" "$schema_rel" "$limits_rel"; do
    if ! diff -u --label "committed frontend/$file" --label "generated frontend/$file" \
      "$frontend/$file" "$out/$file"; then
      status=1
    fi
  done
  if [[ $status -ne 0 ]]; then
    echo "The committed API client is out of date: run scripts/generate-client.sh and commit the result." >&2
    exit 1
  fi
  echo "API client matches the backend's OpenAPI spec."
else
  echo "Wrote frontend/$spec_rel, frontend/$schema_rel and frontend/$limits_rel"
fi
