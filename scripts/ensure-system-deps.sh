#!/usr/bin/env bash
# Installs what the tests need that a fresh machine lacks: Debian's Chromium for the browser
# tests (never a downloaded browser build), poppler-utils, whose pdftotext checks that the
# published summary's PDF holds its text, and aspell with its Welsh and English dictionaries for
# the catalogue spell-check. Safe to run again; does nothing when everything is present.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
{ command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; } || missing+=(poppler-utils)
command -v aspell >/dev/null || missing+=(aspell)
for lang in cy en; do
  if ! command -v aspell >/dev/null || ! aspell dump dicts 2>/dev/null | grep -qx "$lang"; then missing+=("aspell-$lang"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages for the tests: ${missing[*]}..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'." >&2
    exit 1
  fi
fi

# The scale-out tests (apps/sync-server/SCALE.md) run against this machine's PostgreSQL
# (127.0.0.1:5432, trust auth, database `test`) and Redis (127.0.0.1:6379): start them when they
# are installed but not running, install them when absent (DEVELOPERS.md).
bash "$(dirname "$0")/ensure-services.sh"
