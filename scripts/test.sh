#!/usr/bin/env bash
# The README's test command: installs what is missing, then lint, type checks and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
pnpm() { npx -y pnpm@10 "$@"; }
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
echo "== lint"; pnpm lint
echo "== type check"; pnpm typecheck
echo "== tests"
report="$(mktemp -d)/vitest.json"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
node scripts/test-summary.mjs "$report"
exit "$status"
