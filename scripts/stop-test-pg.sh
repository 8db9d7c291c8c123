#!/usr/bin/env bash
# Stops a PostgreSQL started by scripts/start-test-pg.sh and deletes its PGROOT.
# Usage: scripts/stop-test-pg.sh PGROOT
# Safe to call on a PGROOT whose server never started, or that is already gone.
set -euo pipefail

PGROOT="${1:-${PGROOT:-}}"
if [[ -z "$PGROOT" ]]; then
  echo "usage: $0 PGROOT" >&2
  exit 2
fi
[[ -d "$PGROOT" ]] || exit 0

DATA="$PGROOT/data"
BINDIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

if [[ -f "$DATA/postmaster.pid" && -n "$BINDIR" ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >&2 || true
  else
    "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >&2 || true
  fi
fi

# Only delete what looks like our own throwaway folder: never an arbitrary directory.
leftover="$(find "$PGROOT" -mindepth 1 -maxdepth 1 \
  ! -name data ! -name server.log ! -name initdb.log ! -name '.s.PGSQL.*' -print -quit)"
if [[ -z "$leftover" ]]; then
  rm -rf -- "$PGROOT"
else
  echo "[stop-test-pg] $PGROOT holds other files ($leftover): not deleting it" >&2
fi
