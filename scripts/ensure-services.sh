#!/usr/bin/env bash
# Starts the PostgreSQL and Redis the scale-out tests use when they are not running (and, as
# root, installs Debian's packages first when absent). Does nothing when both answer.
# The commands are the ones in DEVELOPERS.md.
set -euo pipefail
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
as_root() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  if as_root; then
    echo "Installing Debian packages for the scale-out tests: ${missing[*]}..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The scale-out tests need PostgreSQL and Redis: run 'sudo apt-get install -y ${missing[*]}'." >&2
    exit 1
  fi
fi

if ! pg_up; then
  echo "Starting PostgreSQL..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
fi
for _ in $(seq 1 30); do pg_up && break; sleep 1; done
pg_up || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
# Trust auth on loopback and a `test` database, as the machines come (a fresh Debian install asks for a password).
if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1 && as_root; then
  hba="$(su postgres -c "psql -Atc 'show hba_file'")"
  sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+$/\1trust/' "$hba"
  su postgres -c "psql -Atc 'select pg_reload_conf()'" >/dev/null
fi
if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname = 'test'" 2>/dev/null | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test' || true
fi

if ! redis_up; then
  echo "Starting Redis..."
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi
for _ in $(seq 1 30); do redis_up && break; sleep 0.2; done
redis_up || { echo "Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
