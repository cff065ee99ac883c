#!/usr/bin/env bash
# Starts Cydweithio: installs, builds the web app, then runs the sync server,
# which serves the built app, the API and the document sockets on one origin.
# Honours PORT (default 8787), HOST, DATA_DIR (default ./.data) and DEMO (default true here:
# the demo dataset is loaded on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm() { npx -y pnpm@10 "$@"; }
export DEMO="${DEMO:-true}"
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
echo "Building the web app..."
pnpm --filter @cydweithio/web build >/dev/null
exec npx -y pnpm@10 --filter @cydweithio/sync-server start
