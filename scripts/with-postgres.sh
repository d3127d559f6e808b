#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster on 127.0.0.1, with DATABASE_URL set.
# The cluster lives in a temporary directory and is stopped and removed whatever the outcome.
set -euo pipefail

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's postgresql..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL server binaries are missing: run 'sudo apt-get install postgresql'." >&2
    exit 1
  fi
fi

# initdb and pg_ctl refuse to run as root: run them as the postgres user.
as_pg=()
if [ "$(id -u)" = "0" ]; then
  as_pg=(runuser -u postgres --)
fi

PG_DIR=$(mktemp -d /tmp/certguide-pg.XXXXXX)
chmod 755 "$PG_DIR"
[ "$(id -u)" = "0" ] && chown postgres: "$PG_DIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

"${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PG_DIR -c fsync=off -c full_page_writes=off" start >/dev/null
"${as_pg[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q \
  -c "CREATE ROLE certguide LOGIN CREATEDB PASSWORD 'certguide'" \
  -c "CREATE DATABASE certguide OWNER certguide"

export DATABASE_URL="postgres://certguide:certguide@127.0.0.1:$PORT/certguide"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

# Run in the background and wait, so that a TERM reaches the trap and the cluster still stops;
# the command gets the TERM too, and the cluster stops once it has finished.
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true; wait "$child" || true; exit 143' TERM INT
wait "$child"
