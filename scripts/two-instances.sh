#!/usr/bin/env bash
# Two instances of Cydweithio on one PostgreSQL database and one Redis, behind a local balancer,
# for trying scale-out on one machine (README "Two instances"). Open http://127.0.0.1:${PORT}.
# DATABASE_URL and REDIS_URL default to the machine's PostgreSQL (database `cydweithio`, created
# when absent) and Redis; both are started when installed but stopped (scripts/ensure-services.sh).
# The instances listen on PORT+1 and PORT+2; DATA_DIR (default .data-two) holds their shared
# session secret. The first instance loads the demo dataset on first start; the second waits for it.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm() { npx -y pnpm@10 "$@"; }
PORT="${PORT:-8787}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cydweithio}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export DATA_DIR="${DATA_DIR:-$PWD/.data-two}"
export DEMO="${DEMO:-true}"
bash scripts/ensure-services.sh
db="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$DATABASE_URL")"
if [[ "$DATABASE_URL" == postgres://postgres@127.0.0.1* ]] && ! psql -h 127.0.0.1 -U postgres -d test -Atc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d test -qc "create database \"$db\""
fi
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
echo "Building the web app..."
pnpm --filter @cydweithio/web build >/dev/null
# Each process runs in a process group of its own (job control on), and stopping kills the
# groups: killing only the launcher left the instances and the balancer running behind it.
set -m
pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait
}
trap stop_all EXIT INT TERM
start() { (cd apps/sync-server && PORT="$1" exec npx tsx src/main.ts) & pids+=($!); }
wait_for() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.5; done; echo "instance on $1 did not start" >&2; exit 1; }
start $((PORT + 1)); wait_for $((PORT + 1))
# The second starts once the first has loaded the demo (it writes DATA_DIR/seeded), so only one seeds.
if [ "$DEMO" = true ]; then for _ in $(seq 1 240); do [ -e "$DATA_DIR/seeded" ] && break; sleep 0.5; done; fi
start $((PORT + 2)); wait_for $((PORT + 2))
(cd apps/sync-server && exec npx tsx src/cli/balance.ts "$PORT" $((PORT + 1)) $((PORT + 2))) & pids+=($!)
echo "  Two instances behind http://127.0.0.1:$PORT (Ctrl-C stops all three)"
wait
