#!/usr/bin/env bash
# Instructions per keystroke of one server's own code (bench/core-instructions.ts), counted by
# callgrind over the measured rounds only (start-up and warm-up are not instrumented). Threads
# are counted apart: the JavaScript threads (the main thread, and with `sqlite` ours' store
# worker) are the server's work; V8's platform threads (its optimising compiler, GC helpers)
# are reported beside them, since how much compiling falls into the window is the JIT's timing,
# not the server's cost. Needs valgrind.
#   bash bench/instructions.sh ours [memory|sqlite]    bash bench/instructions.sh reference
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-ours}"
store="${2:-memory}"
out="$(mktemp -d)"
valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes --callgrind-out-file="$out/cg" node --import tsx bench/core-instructions.ts \
  --callgrind --server "$server" --store "$store" --docs "${DOCS:-13}" --warm-up "${WARM_UP:-1000}" --rounds "${ROUNDS:-200}" >"$out/log" 2>&1
own=0
platform=0
for file in "$out"/cg*; do
  total="$(grep -h '^totals:' "$file" | awk '{ print $2 }' || true)"
  if grep -q 'PlatformWorkerThread' "$file"; then platform=$((platform + ${total:-0})); else own=$((own + ${total:-0})); fi
done
keys="$(grep -o '[0-9]* keystrokes' "$out/log" | cut -d' ' -f1)"
frames="$(grep -o '[0-9]* frames delivered' "$out/log" | cut -d' ' -f1)"
echo "$server ($store): $(( own / keys )) instructions per keystroke on its own threads ($(( own / frames )) per frame delivered), V8 platform threads $(( platform / keys )) more; $keys keystrokes, $frames frames, ${DOCS:-13} documents"
rm -rf "$out"
