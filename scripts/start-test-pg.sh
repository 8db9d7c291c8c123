#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for `npm run test:pg`.
#
#   PGPORT  port on 127.0.0.1 (default 55432)
#   PGROOT  folder for the data, the socket and the log (default: a new `mktemp -d`)
#
# Installs Debian's `postgresql` package when no server binaries are present. PostgreSQL refuses to
# run as root, so the server runs as the `postgres` system user (created when missing).
# Progress goes to stderr; stdout ends with `PGROOT=...` and, on the last line,
# `DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres`.
# Stop it and delete its data with `scripts/stop-test-pg.sh "$PGROOT"`.
set -euo pipefail

PGPORT="${PGPORT:-55432}"
PGROOT="${PGROOT:-$(mktemp -d -t test-pg.XXXXXX)}"

log() { echo "[start-test-pg] $*" >&2; }

find_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; fi
}

BINDIR="$(find_bindir)"
if [[ -z "$BINDIR" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    log "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
    exit 1
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BINDIR="$(find_bindir)"
  if [[ -z "$BINDIR" ]]; then
    log "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"
    exit 1
  fi
fi
log "using $BINDIR"

# Run the server binaries as `postgres` when we are root; as ourselves otherwise.
if [[ "$(id -u)" -eq 0 ]]; then
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
      --shell /bin/bash postgres
  fi
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

mkdir -p "$PGROOT"
PGROOT="$(cd "$PGROOT" && pwd -P)"
DATA="$PGROOT/data"
if [[ -e "$DATA" ]]; then
  log "$DATA already exists: pass a new or empty PGROOT"
  exit 1
fi
if [[ "$(id -u)" -eq 0 ]]; then
  chown postgres: "$PGROOT"
fi
chmod 700 "$PGROOT"

# The postgres user must be able to reach PGROOT through its parent folders.
if ! as_pg test -w "$PGROOT"; then
  log "user postgres cannot write $PGROOT (check the permissions of its parent folders)"
  exit 1
fi

as_pg "$BINDIR/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 || {
  cat "$PGROOT/initdb.log" >&2
  log "initdb failed"
  exit 1
}

if ! as_pg "$BINDIR/pg_ctl" -D "$DATA" -l "$PGROOT/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c max_connections=200 -c fsync=off" \
  -w -t 60 start >&2; then
  log "pg_ctl start failed; server log:"
  cat "$PGROOT/server.log" >&2 || true
  exit 1
fi
log "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$PGPORT, data in $PGROOT"

echo "PGROOT=$PGROOT"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
