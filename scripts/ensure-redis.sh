#!/usr/bin/env bash
# Makes sure Debian's redis-server is installed: tests start a throw-away one on 127.0.0.1 to
# prove that rate limits hold in the shared cache that production uses.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the tests..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "redis-server is needed for the tests: run 'sudo apt-get install redis-server'." >&2
exit 1
