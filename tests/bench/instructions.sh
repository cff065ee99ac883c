#!/usr/bin/env bash
# Instructions per keystroke of one server's own code (bench/core-instructions.ts), counted by
# callgrind over the measured rounds only (start-up and warm-up are not collected). Every thread
# of the process is counted (ours' SQLite worker included with `sqlite`). Needs valgrind.
#   bash bench/instructions.sh ours [memory|sqlite]    bash bench/instructions.sh reference
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-ours}"
store="${2:-memory}"
out="$(mktemp -d)"
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/cg" node --import tsx bench/core-instructions.ts \
  --callgrind --server "$server" --store "$store" --docs "${DOCS:-13}" --warm-up "${WARM_UP:-100}" --rounds "${ROUNDS:-100}" >"$out/log" 2>&1
total="$(grep -h '^totals:' "$out/cg"* | awk '{ total += $2 } END { print total }')"
keys="$(grep -o '[0-9]* keystrokes' "$out/log" | cut -d' ' -f1)"
frames="$(grep -o '[0-9]* frames delivered' "$out/log" | cut -d' ' -f1)"
echo "$server ($store): $(( total / keys )) instructions per keystroke, $(( total / frames )) per frame delivered ($keys keystrokes, $frames frames)"
rm -rf "$out"
