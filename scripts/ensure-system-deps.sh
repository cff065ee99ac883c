#!/usr/bin/env bash
# Installs what the tests need that a fresh machine lacks: Debian's Chromium for the browser
# tests (never a downloaded browser build) and poppler-utils, whose pdftotext checks that the
# published summary's PDF holds its text. Safe to run again; does nothing when present.
set -euo pipefail
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's poppler-utils (pdftotext) for the PDF export tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "The PDF export tests need pdftotext: run 'sudo apt-get install -y poppler-utils'." >&2
    exit 1
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "The browser tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium'." >&2
    exit 1
  fi
fi
